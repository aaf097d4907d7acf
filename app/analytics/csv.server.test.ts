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

  it("answers a UTF-8 attachment with a BOM and quoted cells", async () => {
    const response = csvResponse("x.csv", ["name", "score"], [["Zofia Zając, Jr.", 90]]);
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="x.csv"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8")).toBe('name,score\n"Zofia Zając, Jr.",90\n');
  });

  it("quotes every field when asked, formulas still neutralised", async () => {
    const response = csvResponse("x.csv", ["reply", "count", "note"], [["=1+1", 3, null]], { quoteAll: true });
    const text = Buffer.from(await response.arrayBuffer()).subarray(3).toString("utf8");
    expect(text).toBe('"reply","count","note"\n"\'=1+1","3",""\n');
  });
});
