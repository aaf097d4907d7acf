import type { RatingScale } from "~/domain/outcomes";
import { planCsv, type CsvOptions, type CsvPlan } from "./csv-plan.server";
import { beginImport, changesNothing, judgePlan, writeImport, type CommitResult, type ImportScope, type Judged } from "./ingest.server";

export type CsvImportRequest = CsvOptions & {
  file: string;
  fileName: string;
  /** The label of the rows' origin; with a ticket id it is the key. Empty: the format's default. */
  source: string;
  scope: ImportScope;
  userId: number | null;
};

export type CsvPreview =
  | Exclude<CsvPlan, { ok: true }>
  | (Extract<CsvPlan, { ok: true }> & { judged: Judged; nothingToDo: boolean; scaleUsed: RatingScale | null; source: string });

/** The label rows are keyed by when the uploader gives none: a preset's id, else "helpdesk". */
export function defaultSource(format: string | undefined): string {
  return format && format !== "generic" && format !== "mapped" ? format : "helpdesk";
}

/** Everything the preview shows, with nothing stored. */
export async function previewCsvImport(request: CsvImportRequest, now: Date = new Date()): Promise<CsvPreview> {
  const planned = await planCsv(request.file, request, now);
  if (!planned.ok) return planned;
  const source = request.source || defaultSource(request.format === "mapped" ? "mapped" : planned.format?.id);
  const judged = await judgePlan(planned.plan, source, request.scope);
  return { ...planned, judged, nothingToDo: changesNothing(judged), scaleUsed: planned.scale.scale, source };
}

export type CsvCommit =
  | { ok: false; preview: CsvPreview }
  | { ok: true; importId: number; written: Promise<CommitResult> };

/**
 * Reads the file again, judges it again, and (when it would change something) starts writing. The
 * import's id comes back at once and `written` settles when the last batch is in, so a page can
 * show progress while a big file is written.
 */
export async function commitCsvImport(request: CsvImportRequest, now: Date = new Date()): Promise<CsvCommit> {
  const preview = await previewCsvImport(request, now);
  if (!preview.ok || preview.nothingToDo) return { ok: false, preview };
  const importId = await beginImport({
    source: preview.source,
    kind: "csv",
    format: request.format === "mapped" ? "mapped" : (preview.format?.id ?? "generic"),
    fileName: request.fileName,
    createdBy: request.userId,
    tokenId: null,
    teamIds: request.scope,
  });
  return { ok: true, importId, written: writeImport(importId, preview.judged, preview.source) };
}
