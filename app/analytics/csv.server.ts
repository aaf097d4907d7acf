import { stringify } from "csv-stringify/sync";

/** A CSV download (UTF-8 with a BOM so spreadsheet programs read accents correctly). */
export function csvResponse(filename: string, header: string[], rows: (string | number | null)[][]): Response {
  const body = "\uFEFF" + stringify([header, ...rows.map((row) => row.map((cell) => cell ?? ""))]);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
