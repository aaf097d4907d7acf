import type { OutcomeField, RatingScale } from "~/domain/outcomes";
import { customerDataColumns, detectFormat, findFormat, layoutFor, layoutFromMapping, rawOutcomeOf, type ColumnMapping, type FormatDef, type Layout } from "./formats";
import { accept, emptyPlan, refuse, settleDates, type Plan } from "./plan";
import { CsvFileError, readCsv } from "./read-csv.server";
import { checkOutcome } from "./row";
import { detectScale } from "./scales";

export type CsvOptions = {
  /** A format's id, "auto" to recognise it from the header, or "mapped" for `mapping`. */
  format: string;
  mapping?: ColumnMapping;
  scale: RatingScale | "detect";
};

export type ScaleChoice = { scale: RatingScale | null; how: "chosen" | "preset" | "detected" | "ambiguous" | "unknown" };

export type CsvPlan =
  | { ok: false; error: string; code: CsvFileError["code"] }
  | { ok: false; code: "columns"; error: string; headers: string[]; missing: OutcomeField[]; format: FormatDef | null }
  | { ok: true; plan: Plan; headers: string[]; format: FormatDef | null; layout: Layout; scale: ScaleChoice; ignoredColumns: string[] };

async function headerOf(file: string): Promise<string[]> {
  for await (const item of readCsv(file)) if ("header" in item) return item.header;
  throw new CsvFileError("empty", "The file has no rows: not even a header line.");
}

async function ratingValues(file: string, layout: Layout, format: FormatDef | null): Promise<Set<string>> {
  const values = new Set<string>();
  for await (const item of readCsv(file)) {
    if ("header" in item) continue;
    const raw = rawOutcomeOf(item.cells, layout);
    values.add((format?.adapt ? format.adapt(raw) : raw).rating);
    if (values.size > 200) break;
  }
  return values;
}

function resolveFormat(options: CsvOptions, headers: string[]): { format: FormatDef | null; layout: Layout } {
  if (options.format === "mapped") return { format: null, layout: layoutFromMapping(options.mapping ?? {}, headers) };
  const format = options.format === "auto" ? (detectFormat(headers) ?? findFormat("generic")!) : findFormat(options.format);
  if (!format) return { format: null, layout: { index: {}, missing: ["ticket_id"] } };
  return { format, layout: layoutFor(format, headers) };
}

/**
 * Reads a CSV file into a plan: every line checked, refused ones with their reasons, one row per
 * ticket. Streams the file (twice when the rating scale must be detected from the values).
 */
export async function planCsv(file: string, options: CsvOptions, now: Date = new Date()): Promise<CsvPlan> {
  try {
    const headers = await headerOf(file);
    const { format, layout } = resolveFormat(options, headers);
    if (layout.missing.length > 0) {
      const what = layout.missing.length === 1 ? "column" : "columns";
      return {
        ok: false,
        code: "columns",
        error: `The file has no ${layout.missing.join(", ")} ${what}. Its header row has: ${headers.join(", ").slice(0, 300)}.`,
        headers,
        missing: layout.missing,
        format,
      };
    }
    let scale: ScaleChoice;
    if (format?.scale) scale = { scale: format.scale, how: "preset" };
    else if (options.scale !== "detect") scale = { scale: options.scale, how: "chosen" };
    else {
      const detected = detectScale(await ratingValues(file, layout, format));
      scale = detected ? { scale: detected.scale, how: detected.ambiguous ? "ambiguous" : "detected" } : { scale: null, how: "unknown" };
    }

    const plan = emptyPlan();
    for await (const item of readCsv(file)) {
      if ("header" in item) continue;
      plan.rowsRead++;
      const raw = rawOutcomeOf(item.cells, layout);
      const checked = checkOutcome(format?.adapt ? format.adapt(raw) : raw, scale.scale, now);
      if (!checked.ok) refuse(plan, item.line, checked.reason);
      else {
        for (const note of checked.notes) plan.notes.add(note);
        accept(plan, item.line, checked.outcome);
      }
    }
    settleDates(plan);
    return { ok: true, plan, headers, format, layout, scale, ignoredColumns: customerDataColumns(headers, layout) };
  } catch (error) {
    if (error instanceof CsvFileError) return { ok: false, error: error.message, code: error.code };
    throw error;
  }
}
