import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeTempDir } from "#db/test-database";
import { CsvFileError, readCsv, sniffDelimiter, type CsvRecord } from "./read-csv.server";

const dir = makeTempDir("frontline-read-csv-");
let files = 0;

function write(content: string | Buffer): string {
  const file = path.join(dir, `file-${++files}.csv`);
  fs.writeFileSync(file, content);
  return file;
}

async function read(file: string): Promise<{ header: string[] | null; records: CsvRecord[] }> {
  let header: string[] | null = null;
  const records: CsvRecord[] = [];
  for await (const item of readCsv(file)) {
    if ("header" in item) header = item.header;
    else records.push(item);
  }
  return { header, records };
}

async function failure(file: string): Promise<CsvFileError> {
  try {
    await read(file);
  } catch (error) {
    if (error instanceof CsvFileError) return error;
    throw error;
  }
  throw new Error("expected the file to be refused");
}

const HEADER = "ticket_id,agent_email,date_time,rating,solved_on_first_contact";

describe("readCsv", () => {
  it("gives the header, then each record with its line, skipping blank lines", async () => {
    const { header, records } = await read(write(`${HEADER}\nT1,ana@example.test,2026-01-02,5,yes\n\nT2,ben@example.test,2026-01-03,4,no\n`));
    expect(header).toEqual(["ticket_id", "agent_email", "date_time", "rating", "solved_on_first_contact"]);
    expect(records).toEqual([
      { line: 2, cells: ["T1", "ana@example.test", "2026-01-02", "5", "yes"] },
      { line: 4, cells: ["T2", "ben@example.test", "2026-01-03", "4", "no"] },
    ]);
  });

  it("trims the header's cells but not the records'", async () => {
    const { header, records } = await read(write(" ticket_id , agent_email \n T1 , ana \n"));
    expect(header).toEqual(["ticket_id", "agent_email"]);
    expect(records[0]!.cells).toEqual([" T1 ", " ana "]);
  });

  it("reads Windows line endings", async () => {
    const { records } = await read(write(`${HEADER}\r\nT1,ana,2026-01-02,5,yes\r\n\r\nT2,ben,2026-01-03,4,no\r\n`));
    expect(records.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, "T1"],
      [4, "T2"],
    ]);
    expect(records[1]!.cells[4]).toBe("no");
  });

  it("reads a file with a header and no records", async () => {
    expect(await read(write(`${HEADER}\n`))).toEqual({ header: HEADER.split(","), records: [] });
    expect(await read(write(HEADER))).toEqual({ header: HEADER.split(","), records: [] });
  });

  it("skips records whose cells are all empty (a spreadsheet's trailing rows)", async () => {
    const { records } = await read(write(`${HEADER}\nT1,ana,2026-01-02,5,yes\n,,,,\n , , ,,\n`));
    expect(records.map((r) => r.line)).toEqual([2]);
  });

  describe("refuses the file as a whole", () => {
    it("when it is empty", async () => {
      const error = await failure(write(""));
      expect([error.code, error.message]).toEqual(["empty", "The file is empty."]);
    });

    it("when it holds only blank lines", async () => {
      for (const content of ["\n", "\n\n\n", "\r\n\r\n", "   \n  \n", "\t\n"]) {
        const error = await failure(write(content));
        expect([error.code, error.message]).toEqual(["empty", "The file has no rows: not even a header line."]);
      }
    });

    it("when it is UTF-16, either byte order", async () => {
      const text = `${HEADER}\nT1,ana,2026-01-02,5,yes\n`;
      const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
      const be = Buffer.from(le);
      be.swap16();
      expect(be.subarray(0, 2)).toEqual(Buffer.from([0xfe, 0xff]));
      for (const bytes of [le, be]) {
        const error = await failure(write(bytes));
        expect([error.code, error.message]).toEqual(["encoding", "The file is UTF-16 text. Save it as CSV UTF-8 and upload it again."]);
      }
    });

    it("when it is Latin-1 (or any other 8-bit encoding)", async () => {
      const error = await failure(write(Buffer.from(`${HEADER}\nT1,José García,2026-01-02,5,yes\nT2,ana,2026-01-03,4,no\n`, "latin1")));
      expect(error.code).toBe("encoding");
      expect(error.message).toMatch(/^The file is not UTF-8 text\b.*\. Save it as CSV UTF-8 and upload it again\.$/);
    });

    it("when it ends part-way through a character", async () => {
      const error = await failure(write(Buffer.concat([Buffer.from(`${HEADER}\nT1,Jos`), Buffer.from([0xc3])])));
      expect([error.code, error.message]).toEqual(["encoding", "The file ends part-way through a character: it is not UTF-8 text."]);
    });

    it("when a quote is never closed, naming a line", async () => {
      const error = await failure(write(`${HEADER}\nT1,ana,2026-01-02,5,yes\nT2,"ana,2026-01-03,4,no\nT3,ben,2026-01-04,3,no\n`));
      expect(error.code).toBe("malformed");
      expect(error.message).toMatch(/^The file is not readable as CSV at line \d+: .*quote/i);
    });

    it("when a cell is longer than 64 KB", async () => {
      const error = await failure(write(`${HEADER}\nT1,ana,2026-01-02,5,yes\nT2,${"x".repeat(70_000)},2026-01-02,5,yes\n`));
      expect(error.code).toBe("malformed");
      expect(error.message).toMatch(/^The file is not readable as CSV at line 3: /);
    });
  });

  it("names the line where an unclosed quote opens, not the end of the file", async () => {
    const lines = [HEADER, "T1,ana,2026-01-02,5,yes", 'T2,"ana,2026-01-03,4,no', "T3,ben,2026-01-04,3,no", "T4,ben,2026-01-05,3,no", "T5,ben,2026-01-06,3,no"];
    const error = await failure(write(`${lines.join("\n")}\n`));
    expect(error.message).toMatch(/at line 3\b/);
  });

  it("names roughly where the byte that is not UTF-8 is", async () => {
    const good = Array.from({ length: 40 }, (_, i) => `T${i},ana@example.test,2026-01-02,5,yes`).join("\n");
    const bytes = Buffer.concat([Buffer.from(`${HEADER}\n${good}\nT99,Jos`), Buffer.from([0xe9]), Buffer.from(",2026-01-02,5,yes\n")]);
    const at = bytes.indexOf(0xe9);
    expect(at).toBeGreaterThan(1000);
    const { message } = await failure(write(bytes));
    // Either the line (42) or a byte position close to the byte would do; the start of the read chunk would not.
    const line = /line (\d+)/.exec(message)?.[1];
    if (line !== undefined) expect(Number(line)).toBe(42);
    else expect(Math.abs(Number(/position ([\d,]+)/.exec(message)?.[1]?.replace(/,/g, "")) - at)).toBeLessThan(100);
  });

  it("drops a UTF-8 byte order mark", async () => {
    const { header, records } = await read(write(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${HEADER}\nT1,ana,2026-01-02,5,yes\n`)])));
    expect(header![0]).toBe("ticket_id");
    expect(records).toEqual([{ line: 2, cells: ["T1", "ana", "2026-01-02", "5", "yes"] }]);
  });

  /**
   * A file of ordinary records and then one whose agent cell holds `char` with its first byte at
   * `at`, so that the character straddles a chunk boundary of the read stream (64 KB by default).
   */
  function straddling(char: string, at: number): { bytes: Buffer; fillers: number; pad: string } {
    const rows = [`${HEADER}\n`];
    let length = Buffer.byteLength(rows[0]!);
    const filler = (i: number) => `F${i},ana@example.test,2026-01-02,5,yes\n`;
    while (length + Buffer.byteLength(filler(rows.length)) < at - 100) {
      length += Buffer.byteLength(filler(rows.length));
      rows.push(filler(rows.length));
    }
    const pad = "x".repeat(at - length - "SPLIT,".length);
    const bytes = Buffer.from(`${rows.join("")}SPLIT,${pad}${char}n Núñez,2026-01-02,5,yes\nLAST,zoë,2026-01-03,4,no\n`);
    expect(bytes.subarray(at, at + Buffer.byteLength(char))).toEqual(Buffer.from(char));
    return { bytes, fillers: rows.length - 1, pad };
  }

  it("reads a UTF-8 character split across the 64 KB chunks the file is streamed in", async () => {
    const { bytes, fillers, pad } = straddling("é", 65_535);
    expect([bytes[65_535], bytes[65_536]]).toEqual([0xc3, 0xa9]);
    const { records } = await read(write(bytes));
    expect(records).toHaveLength(fillers + 2);
    expect(records[fillers]).toEqual({ line: fillers + 2, cells: ["SPLIT", `${pad}én Núñez`, "2026-01-02", "5", "yes"] });
    expect(records.at(-1)).toEqual({ line: fillers + 3, cells: ["LAST", "zoë", "2026-01-03", "4", "no"] });
    expect(records.some((r) => r.cells.some((cell) => cell.includes("\uFFFD")))).toBe(false);
  });

  it("reads a four-byte character split two bytes either side of a chunk boundary", async () => {
    const { bytes, fillers, pad } = straddling("𝄞", 65_534);
    expect(bytes.subarray(65_534, 65_536)).toEqual(Buffer.from([0xf0, 0x9d]));
    const { records } = await read(write(bytes));
    expect(records[fillers]!.cells[1]).toBe(`${pad}𝄞n Núñez`);
    expect(records).toHaveLength(fillers + 2);
  });

  it("reads semicolon-separated files, with commas inside cells", async () => {
    const { header, records } = await read(write(`${HEADER.replace(/,/g, ";")}\nT1;Lima, Ana;2026-01-02;5;yes\n"T;2";ben;2026-01-03;4;no\n`));
    expect(header).toEqual(HEADER.split(","));
    expect(records).toEqual([
      { line: 2, cells: ["T1", "Lima, Ana", "2026-01-02", "5", "yes"] },
      { line: 3, cells: ["T;2", "ben", "2026-01-03", "4", "no"] },
    ]);
  });

  it("reads tab-separated files, with commas and semicolons inside cells", async () => {
    const { header, records } = await read(write(`${HEADER.replace(/,/g, "\t")}\nT1\tLima, Ana; L2\t2026-01-02\t5\tyes\n`));
    expect(header).toEqual(HEADER.split(","));
    expect(records).toEqual([{ line: 2, cells: ["T1", "Lima, Ana; L2", "2026-01-02", "5", "yes"] }]);
  });

  it("reads quoted cells with commas, doubled quotes and line breaks; later records keep the line they start on", async () => {
    const text = [HEADER, 'T1,"Lima, Ana",2026-01-02,5,yes', 'T2,"ben ""the fixer""",2026-01-03,4,no', 'T3,"carla\nsecond line\nthird line",2026-01-04,3,no', "T4,dan,2026-01-05,2,no", "", 'T5,"eve\n\nline",2026-01-06,1,no', "T6,fay,2026-01-07,1,no"].join("\n");
    const { records } = await read(write(`${text}\n`));
    expect(records.map((r) => r.cells[1])).toEqual(["Lima, Ana", 'ben "the fixer"', "carla\nsecond line\nthird line", "dan", "eve\n\nline", "fay"]);
    const lineOf = (id: string) => records.find((r) => r.cells[0] === id)?.line;
    expect([lineOf("T1"), lineOf("T2"), lineOf("T4"), lineOf("T6")]).toEqual([2, 3, 7, 12]);
  });

  it("counts a Windows line break inside a quoted cell as one line, in files with either line ending", async () => {
    for (const eol of ["\n", "\r\n"]) {
      const text = [HEADER, 'T1,"carla\r\nsecond line\r\nthird line",2026-01-04,3,no', "T2,dan,2026-01-05,2,no", 'T3,"eve\r\nline",2026-01-06,1,no', "T4,fay,2026-01-07,1,no"].join(eol);
      const { records } = await read(write(`${text}${eol}`));
      expect(records[0]!.cells[1]).toBe("carla\r\nsecond line\r\nthird line");
      const lineOf = (id: string) => records.find((r) => r.cells[0] === id)?.line;
      expect([lineOf("T2"), lineOf("T4")]).toEqual([5, 8]);
    }
  });

  it("gives a record that spans lines the line it starts on", async () => {
    const { records } = await read(write(`${HEADER}\nT1,"carla\nsecond line\nthird line",2026-01-04,3,no\nT2,dan,2026-01-05,2,no\n`));
    expect(records.map((r) => [r.cells[0], r.line])).toEqual([
      ["T1", 2],
      ["T2", 5],
    ]);
  });

  it("takes a stray quote inside an unquoted cell as text, so one odd cell does not sink the file", async () => {
    const { records } = await read(write(`${HEADER}\nT1,=HYPERLINK("x"),2026-01-02,5,yes\nT2,ana,2026-01-03,4,no\n`));
    expect(records).toEqual([
      { line: 2, cells: ["T1", '=HYPERLINK("x")', "2026-01-02", "5", "yes"] },
      { line: 3, cells: ["T2", "ana", "2026-01-03", "4", "no"] },
    ]);
  });

  it("gives ragged records as they are, short or long", async () => {
    const { records } = await read(write(`${HEADER}\nT1,ana\nT2,ben,2026-01-03,4,no,extra,cells\n`));
    expect(records).toEqual([
      { line: 2, cells: ["T1", "ana"] },
      { line: 3, cells: ["T2", "ben", "2026-01-03", "4", "no", "extra", "cells"] },
    ]);
  });

  it("sniffs the delimiter even when blank lines come before the header", async () => {
    const { header } = await read(write(`\n\n${HEADER.replace(/,/g, ";")}\nT1;ana;2026-01-02;5;yes\n`));
    expect(header).toEqual(HEADER.split(","));
  });
});

describe("sniffDelimiter", () => {
  it("picks the delimiter the header line uses most, outside quotes", () => {
    expect(sniffDelimiter("a,b,c")).toBe(",");
    expect(sniffDelimiter("a;b;c")).toBe(";");
    expect(sniffDelimiter("a\tb\tc")).toBe("\t");
    expect(sniffDelimiter("Name, first;Name;Email;Phone")).toBe(";");
    expect(sniffDelimiter('"a;b;c;d",e,f')).toBe(",");
    expect(sniffDelimiter('"a,b,c"\t"d,e"\tf')).toBe("\t");
  });

  it("falls back to a comma on a tie or with no delimiter at all", () => {
    expect(sniffDelimiter("a;b,c")).toBe(",");
    expect(sniffDelimiter("ticket_id")).toBe(",");
    expect(sniffDelimiter("")).toBe(",");
  });
});
