import { describe, expect, it } from "vitest";
import { csvResponse, neutraliseFormula } from "./csv.server";

describe("CSV exports", () => {
  it("neutralises text that a spreadsheet would run as a formula", () => {
    expect(neutraliseFormula('=HYPERLINK("http://evil.test","x")')).toBe(`'=HYPERLINK("http://evil.test","x")`);
    expect(neutraliseFormula("+1")).toBe("'+1");
    expect(neutraliseFormula("@cmd")).toBe("'@cmd");
    expect(neutraliseFormula("-2")).toBe("'-2");
    expect(neutraliseFormula(-2)).toBe(-2);
    expect(neutraliseFormula("Ana")).toBe("Ana");
    expect(neutraliseFormula(null)).toBe("");
  });

  it("neutralises formula starts behind spaces and in full-width forms, and leaves other text alone", () => {
    expect(neutraliseFormula("  =1+2")).toBe("'  =1+2");
    expect(neutraliseFormula("\u00a0@x")).toBe("'\u00a0@x");
    expect(neutraliseFormula("＝1+2")).toBe("'＝1+2");
    expect(neutraliseFormula("\tx")).toBe("'\tx");
    expect(neutraliseFormula("Zed;=1+2")).toBe("Zed;=1+2");
  });

  it("answers a private UTF-8 attachment with a BOM and every field quoted", async () => {
    const response = csvResponse("x.csv", ["name", "score"], [["Zofia Zając, Jr.", 90]]);
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="x.csv"');
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8")).toBe('"name","score"\n"Zofia Zając, Jr.","90"\n');
  });

  it("keeps a name with ; and a formula one cell of text for a program that splits on ;", async () => {
    const response = csvResponse("x.csv", ["=name", "count", "note"], [["Zed;=1+2", 3, null], ["=1+1", -2, "a\tb"]]);
    const text = Buffer.from(await response.arrayBuffer()).subarray(3).toString("utf8");
    expect(text).toBe('"\'=name","count","note"\n"Zed;=1+2","3",""\n"\'=1+1","-2","a\tb"\n');
    // Split as such a program does, respecting quotes: no cell starts a formula.
    for (const line of text.trim().split("\n")) {
      const cells = line.match(/"(?:[^"]|"")*"/g)!.map((cell) => cell.slice(1, -1));
      for (const cell of cells) expect(cell).not.toMatch(/^[=+@]/);
    }
  });
});
