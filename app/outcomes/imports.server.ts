import * as z from "zod";
import { teamsVisibleTo } from "~/analytics/scope.server";
import { RATING_SCALES } from "~/domain/outcomes";
import { OUTCOME_FIELDS } from "~/domain/outcomes";
import type { Team } from "~/models/team.server";
import type { User } from "~/models/user.server";
import { findImport, listImports, type OutcomeImport } from "~/models/outcome-import.server";
import type { Progress } from "./ingest.server";
import { FORMATS, type ColumnMapping } from "./formats";
import type { ImportScope } from "./ingest.server";
import { undoOutcomeImport } from "./undo.server";

/**
 * Who may bring outcomes in and see them: a manager for their own teams, an admin for everyone.
 * A manager sees an import only when every team it was made for is theirs, so one team's
 * uploads (and their counts) stay out of another's view.
 */

export type ImportActor = { user: User; teams: Team[] };

export async function importActor(user: User): Promise<ImportActor> {
  return { user, teams: await teamsVisibleTo(user) };
}

const managedIds = (actor: ImportActor) => actor.teams.map((team) => team.id);
const visibleScope = (actor: ImportActor): readonly number[] | null => (actor.user.role === "admin" ? null : managedIds(actor));

export async function visibleImports(actor: ImportActor): Promise<OutcomeImport[]> {
  return listImports(visibleScope(actor));
}

export function canSee(actor: ImportActor, record: OutcomeImport): boolean {
  if (actor.user.role === "admin") return true;
  const mine = new Set(managedIds(actor));
  return record.team_ids.length > 0 && record.team_ids.every((id) => mine.has(id));
}

/** An import the person may see, with the progress of its writing when it is under way; 404 otherwise. */
export async function importOr404(actor: ImportActor, importId: number): Promise<{ record: OutcomeImport; progress: Progress | null }> {
  const record = await findImport(importId);
  if (!record || !canSee(actor, record)) throw new Response("Not found", { status: 404 });
  const progress = record.status === "importing" && record.rows_to_write > 0 ? { done: record.rows_written, total: record.rows_to_write } : null;
  return { record, progress };
}

const ImportId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** An import id from the address; anything else is a missing page. */
export function readImportId(raw: string | undefined): number {
  const id = ImportId.safeParse(raw);
  if (!id.success) throw new Response("Not found", { status: 404 });
  return id.data;
}

export async function undoImportAs(actor: ImportActor, importId: number): Promise<"undone" | "already" | "busy"> {
  const { record } = await importOr404(actor, importId);
  if (record.status === "importing") return "busy";
  if (record.status !== "committed") return "already";
  return (await undoOutcomeImport(importId, actor.user.id)) ? "undone" : "already";
}

/** A source label: the same rule on the upload page and in the API's ?source=. */
export const SOURCE = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,39}$/u;

/** The choices on the upload and preview forms, read from a query string or a form. */
export const ImportOptions = z.object({
  format: z.enum(["auto", "mapped", ...FORMATS.map((format) => format.id)]).catch("auto"),
  scale: z.enum(["detect", ...RATING_SCALES]).catch("detect"),
  source: z
    .string()
    .trim()
    .transform((value) => value.replace(/\s+/g, " "))
    .refine((value) => value === "" || SOURCE.test(value), "source")
    .catch(""),
  team: z.string().regex(/^(all|\d+)$/).catch("all"),
  mapping: z.record(z.string(), z.string()).catch({}),
});
export type ImportOptions = z.infer<typeof ImportOptions>;

export function readImportOptions(get: (key: string) => string | null): ImportOptions {
  const mapping: ColumnMapping = {};
  for (const field of OUTCOME_FIELDS) {
    const header = get(`map_${field}`);
    if (header) mapping[field] = header.slice(0, 200);
  }
  return ImportOptions.parse({ format: get("format") ?? undefined, scale: get("scale") ?? undefined, source: get("source") ?? "", team: get("team") ?? undefined, mapping });
}

export function optionsQuery(options: ImportOptions): string {
  const params = new URLSearchParams({ format: options.format, scale: options.scale, team: options.team });
  if (options.source) params.set("source", options.source);
  for (const [field, header] of Object.entries(options.mapping)) if (header) params.set(`map_${field}`, header);
  return params.toString();
}

/** The teams an upload is for: "all" is every team the person manages, or the organisation for an admin. */
export function scopeOfChoice(actor: ImportActor, team: string): ImportScope | undefined {
  if (team === "all") return actor.user.role === "admin" ? null : managedIds(actor);
  const id = Number(team);
  return actor.teams.some((t) => t.id === id) ? [id] : undefined;
}

