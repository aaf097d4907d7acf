import fs from "node:fs";
import { Transform, type TransformCallback } from "node:stream";
import { parse } from "csv-parse";

/** A problem with the file as a whole: nothing in it is read, and the message says why. */
export class CsvFileError extends Error {
  constructor(
    readonly code: "empty" | "encoding" | "malformed",
    message: string,
  ) {
    super(message);
  }
}

export type CsvRecord = { line: number; cells: string[] };

// A single cell longer than this is not an outcome; it stops a broken quote from swallowing the file.
const MAX_RECORD_BYTES = 64 * 1024;

/**
 * Passes the bytes through as text only if they are UTF-8: a helpdesk export saved as Latin-1 or
 * UTF-16 would otherwise turn agents' names into mojibake that matches no one.
 */
class Utf8Check extends Transform {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  private first = true;
  /** Line breaks passed so far, to say on which line a bad byte sits. */
  private lines = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    if (this.first) {
      this.first = false;
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
        return done(new CsvFileError("encoding", "The file is UTF-16 text. Save it as CSV UTF-8 and upload it again."));
      }
    }
    try {
      const text = this.decoder.decode(chunk, { stream: true });
      this.lines += countBreaks(text);
      done(null, text);
    } catch {
      // The lenient decoder marks the first byte it cannot read; the lines before it are whole.
      const lenient = new TextDecoder("utf-8").decode(chunk);
      const line = this.lines + countBreaks(lenient.slice(0, Math.max(0, lenient.indexOf("\uFFFD")))) + 1;
      done(new CsvFileError("encoding", `The file is not UTF-8 text: line ${line.toLocaleString("en")} has a byte that cannot be read. Save it as CSV UTF-8 and upload it again.`));
    }
  }

  override _flush(done: TransformCallback) {
    try {
      done(null, this.decoder.decode());
    } catch {
      done(new CsvFileError("encoding", "The file ends part-way through a character: it is not UTF-8 text."));
    }
  }
}

const countBreaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;

/** The delimiter of a header line: a comma unless semicolons or tabs are clearly what it uses. */
export function sniffDelimiter(firstLine: string): "," | ";" | "\t" {
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, "");
  const count = (char: string) => outsideQuotes.split(char).length - 1;
  const candidates = [",", ";", "\t"] as const;
  return candidates.reduce((best, char) => (count(char) > count(best) ? char : best), ",");
}

/** The first line with something on it: blank lines before the header say nothing of the delimiter. */
function firstLineOf(file: string): string {
  const fd = fs.openSync(file, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
    const lines = buffer.subarray(0, read).toString("utf8").replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
    return lines.find((line) => line.trim() !== "") ?? "";
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Streams a CSV file: first the header row, then each record with the line it starts on. Blank
 * lines are skipped. Throws CsvFileError when the file is empty, not UTF-8 or not CSV.
 */
export async function* readCsv(file: string): AsyncGenerator<{ header: string[] } | CsvRecord> {
  if (fs.statSync(file).size === 0) throw new CsvFileError("empty", "The file is empty.");
  const parser = parse({
    bom: true,
    delimiter: sniffDelimiter(firstLineOf(file)),
    relax_column_count: true,
    // A quote inside an unquoted cell (=HYPERLINK("…") typed by hand) is taken as text, so one odd
    // cell refuses its row instead of the whole file.
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    info: true,
    max_record_size: MAX_RECORD_BYTES,
  });
  const source = fs.createReadStream(file);
  const utf8 = new Utf8Check();
  // Errors upstream of the parser would otherwise leave the loop below waiting for ever.
  source.on("error", (error) => parser.destroy(error));
  utf8.on("error", (error) => parser.destroy(error));
  source.pipe(utf8).pipe(parser);

  let header: string[] | null = null;
  // csv-parse counts a \r\n inside a quoted cell as two lines and reports the line a record
  // ends on; people read the line it starts on. Both are corrected from the cells themselves.
  let drift = 0;
  let lastEnd = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      let inside = 0;
      for (const cell of record) {
        if (cell.includes("\r") || cell.includes("\n")) {
          drift += cell.match(/\r\n/g)?.length ?? 0;
          inside += countBreaks(cell);
        }
      }
      lastEnd = info.lines - drift;
      if (header === null) {
        header = record.map((cell) => cell.trim());
        yield { header };
        continue;
      }
      yield { line: lastEnd - inside, cells: record };
    }
  } catch (error) {
    if (error instanceof CsvFileError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    // The record that failed starts on the line after the last one read.
    throw new CsvFileError("malformed", `The file is not readable as CSV at line ${lastEnd + 1}: ${message.replace(/^Invalid \w+:\s*/, "").replace(/ at line \d+/g, "")}`);
  } finally {
    source.destroy();
  }
  if (header === null) throw new CsvFileError("empty", "The file has no rows: not even a header line.");
}
