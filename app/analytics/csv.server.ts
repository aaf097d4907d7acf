import { stringify } from "csv-stringify/sync";

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return) as a
 * formula, some after leading spaces; text cells like that (a trainee's name, say) get a leading
 * apostrophe. Numbers stay numbers.
 */
export function neutraliseFormula(cell: string | number | null): string | number {
  if (cell === null) return "";
  return typeof cell === "string" && /^[\t\r]|^[ \u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20]/.test(cell) ? `'${cell}` : cell;
}

/**
 * A CSV download (UTF-8 with a BOM so spreadsheet programs read accents correctly). Every field is
 * quoted: a program that splits on ";" or a tab (as many do outside English) must still see one
 * cell where we wrote one, and a formula start inside it stays text. Every cell, the header
 * included, is neutralised.
 */
export function csvResponse(filename: string, header: string[], rows: (string | number | null)[][]): Response {
  const body = "\uFEFF" + stringify([header, ...rows].map((row) => row.map(neutraliseFormula)), { quoted: true, quoted_empty: true });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
