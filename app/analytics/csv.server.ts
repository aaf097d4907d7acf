import { stringify } from "csv-stringify/sync";

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return) as a
 * formula; text cells like that (a trainee's name, say) get a leading apostrophe. Numbers stay numbers.
 */
export function neutraliseFormula(cell: string | number | null): string | number {
  if (cell === null) return "";
  return typeof cell === "string" && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * A CSV download (UTF-8 with a BOM so spreadsheet programs read accents correctly). `quoteAll`
 * quotes every field, for exports full of free text (replies, customer lines) that people open
 * in tools less forgiving than a spreadsheet.
 */
export function csvResponse(filename: string, header: string[], rows: (string | number | null)[][], { quoteAll = false }: { quoteAll?: boolean } = {}): Response {
  const body = "\uFEFF" + stringify([header, ...rows.map((row) => row.map(neutraliseFormula))], { quoted: quoteAll, quoted_empty: quoteAll });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
