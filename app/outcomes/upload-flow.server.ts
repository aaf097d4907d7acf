import type { OutcomeField, RatingScale } from "~/domain/outcomes";
import type { OutcomeUpload } from "~/models/outcome-upload.server";
import { commitCsvImport, previewCsvImport, type CsvImportRequest } from "./csv-import.server";
import { FORMATS, guessMapping, PRESETS, type ColumnMapping } from "./formats";
import { scopeOfChoice, type ImportActor, type ImportOptions } from "./imports.server";
import type { Repeat, Refusal } from "./plan";
import type { Decision, Replacement } from "./ingest.server";
import { discardUpload } from "./upload.server";
import { recoverInterruptedImports } from "./undo.server";

/** The preview page's data: plain JSON, everything the uploader needs to decide. */
export type PreviewView =
  | { state: "file-error"; fileName: string; message: string }
  | { state: "columns"; fileName: string; message: string; headers: string[]; missing: OutcomeField[]; mapping: ColumnMapping }
  | {
      state: "ready";
      fileName: string;
      bytes: number;
      format: { id: string; name: string } | null;
      scale: { scale: RatingScale | null; how: string };
      source: string;
      headers: string[];
      mapping: ColumnMapping;
      rowsRead: number;
      refusedCount: number;
      refused: Refusal[];
      refusedByReason: { reason: string; count: number }[];
      repeatCount: number;
      repeats: Repeat[];
      counts: Record<Decision, number>;
      replacements: Replacement[];
      older: Replacement[];
      agentsMatched: number;
      unknownAgents: { key: string; rows: number }[];
      unknownAgentCount: number;
      dateFrom: string | null;
      dateTo: string | null;
      assumedUtc: boolean;
      ignoredColumns: string[];
      /** Each rating as given, how it reads on 0–1 and whether it counts as satisfied. */
      ratings: { raw: string; rows: number; rating: number; satisfied: boolean }[];
      nothingToDo: boolean;
    };

const MAX_RATING_VALUES = 12;

/** The ratings as the file gives them beside their normalised reading, commonest first. */
function ratingsAsGiven(plan: { winners: Map<string, { outcome: { ratingRaw: string | null; rating: number | null; satisfied: 0 | 1 | null } }> }) {
  const byRaw = new Map<string, { raw: string; rows: number; rating: number; satisfied: boolean }>();
  for (const { outcome } of plan.winners.values()) {
    if (outcome.ratingRaw === null || outcome.rating === null) continue;
    const entry = byRaw.get(outcome.ratingRaw) ?? { raw: outcome.ratingRaw, rows: 0, rating: outcome.rating, satisfied: outcome.satisfied === 1 };
    entry.rows++;
    byRaw.set(outcome.ratingRaw, entry);
  }
  return [...byRaw.values()].sort((a, b) => b.rating - a.rating || b.rows - a.rows).slice(0, MAX_RATING_VALUES);
}

function requestOf(actor: ImportActor, upload: OutcomeUpload, options: ImportOptions): CsvImportRequest {
  const scope = scopeOfChoice(actor, options.team);
  if (scope === undefined) throw new Response("Not found", { status: 404 });
  return { file: upload.file_path, fileName: upload.file_name, format: options.format, mapping: options.mapping, scale: options.scale, source: options.source, scope, userId: actor.user.id };
}

export async function buildPreview(actor: ImportActor, upload: OutcomeUpload, options: ImportOptions): Promise<PreviewView> {
  const preview = await previewCsvImport(requestOf(actor, upload, options));
  if (!preview.ok) {
    if (preview.code !== "columns") return { state: "file-error", fileName: upload.file_name, message: preview.error };
    const mapping = Object.keys(options.mapping).length > 0 ? options.mapping : guessMapping(preview.headers);
    return { state: "columns", fileName: upload.file_name, message: preview.error, headers: preview.headers, missing: preview.missing, mapping };
  }
  const { plan, judged } = preview;
  const mapping: ColumnMapping = Object.fromEntries(Object.entries(preview.layout.index).map(([field, at]) => [field, preview.headers[at]!]));
  return {
    state: "ready",
    fileName: upload.file_name,
    bytes: upload.bytes,
    format: preview.format ? { id: preview.format.id, name: preview.format.name } : null,
    scale: preview.scale,
    source: preview.source,
    headers: preview.headers,
    mapping,
    rowsRead: plan.rowsRead,
    refusedCount: plan.refusedCount,
    refused: plan.refused,
    refusedByReason: [...plan.refusedByReason].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count).slice(0, 10),
    repeatCount: plan.repeatCount,
    repeats: plan.repeats,
    counts: judged.counts,
    replacements: judged.replacements,
    older: judged.older,
    agentsMatched: judged.agentsMatched,
    unknownAgents: judged.unknownAgents,
    unknownAgentCount: judged.unknownAgentCount,
    dateFrom: plan.dateFrom,
    dateTo: plan.dateTo,
    assumedUtc: plan.notes.has("assumed-utc"),
    ignoredColumns: preview.ignoredColumns,
    ratings: ratingsAsGiven(plan),
    nothingToDo: preview.nothingToDo,
  };
}

/**
 * Commits an upload: the rows are judged again and written in the background, so the person is
 * sent to the import's page at once and watches it fill. The file is deleted when it is in.
 */
export async function commitUpload(actor: ImportActor, upload: OutcomeUpload, options: ImportOptions): Promise<{ importId: number } | { nothingToDo: true } | { problem: string }> {
  const result = await commitCsvImport(requestOf(actor, upload, options));
  if (!result.ok) return result.preview.ok ? { nothingToDo: true } : { problem: result.preview.error };
  result.written
    .then(() => discardUpload(upload))
    .catch(async (error: unknown) => {
      console.error(`Import ${result.importId} stopped part-way and was rolled back:`, error);
      await recoverInterruptedImports().catch(() => undefined);
    });
  return { importId: result.importId };
}

export const FORMAT_CHOICES = FORMATS.map((format) => ({ id: format.id, name: format.name }));

/** What each preset reads, in words, for the help on the upload page. */
export const PRESET_NOTES = PRESETS.map((format) => ({
  id: format.id,
  name: format.name,
  columns: Object.values(format.columns)
    .map((names) => names.join(" or "))
    .join(", "),
}));
