import * as z from "zod";
import { OUTCOME_FIELDS, RATING_SCALES, type RatingScale } from "~/domain/outcomes";
import { beginImport, changesNothing, judgePlan, writeImport, type Decision } from "./ingest.server";
import { accept, emptyPlan, refuse } from "./plan";
import { checkOutcome, type RawOutcome } from "./row";
import { SOURCE } from "./imports.server";

/**
 * The use case behind POST /api/outcomes: a JSON array of outcomes from a helpdesk integration.
 * Each item becomes the same string cells a CSV row has and goes through `checkOutcome`, so a
 * push and an upload obey one set of rules; the plan, the judging and the writing are the CSV
 * import's too. A token is organisation-wide, so the scope is everyone.
 */

export const MAX_PUSH_ROWS = 1000;
export const DEFAULT_API_SOURCE = "api";
// The upload page's rule for a source label (imports.server.ts), so one label works in both.
const KNOWN_KEYS = new Set<string>([...OUTCOME_FIELDS, "scale"]);
const IGNORED_LIMIT = 50;

export type PushOptions = { scale: RatingScale | null; source: string };
export type Problem = { ok: false; message: string };

const scales = RATING_SCALES.join(", ");

const Query = z.object({
  scale: z.enum(RATING_SCALES, { error: `?scale= must be one of ${scales}` }).nullable(),
  source: z
    .string()
    .trim()
    .regex(SOURCE, "?source= must be 1–40 letters, digits, spaces, dots, dashes or underscores, starting with a letter or digit")
    .nullable(),
});

/** `?scale=` (the default for rows without one) and `?source=` (the label tickets are keyed by). */
export function readPushOptions(params: URLSearchParams): { ok: true; options: PushOptions } | Problem {
  const parsed = Query.safeParse({ scale: params.get("scale"), source: params.get("source") });
  // Each message already names its parameter.
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "the query is not valid" };
  return { ok: true, options: { scale: parsed.data.scale, source: parsed.data.source ?? DEFAULT_API_SOURCE } };
}

const Envelope = z.array(z.unknown(), { error: "the body must be a JSON array of outcomes" }).max(MAX_PUSH_ROWS, {
  error: (issue) => `at most ${MAX_PUSH_ROWS} outcomes per request, this one has ${Array.isArray(issue.input) ? issue.input.length : "more"}`,
});

function issueText(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return "the request is not valid";
  const where = issue.path.map((key) => (typeof key === "number" ? `[${key}]` : `.${String(key)}`)).join("");
  return where ? `${where.replace(/^\./, "")}: ${issue.message}` : issue.message;
}

// What each field may be in JSON; a wrong type refuses the row with the field's name.
const typeError = (expected: string) => ({ error: (issue: { input: unknown }) => (issue.input === undefined ? "is missing" : `must be ${expected}`) });
const optionalYesNo = z.union([z.boolean(), z.string(), z.null()], typeError("true, false, \"yes\", \"no\" or null")).optional();
const Item = z.object(
  {
    ticket_id: z.union([z.string(), z.number()], typeError("a string or a number")),
    agent_email: z.string(typeError("a string")),
    date_time: z.string(typeError("an ISO 8601 string")),
    rating: z.union([z.number(), z.string(), z.null()], typeError("a number, a string or null")).optional(),
    scale: z.enum(RATING_SCALES, typeError(`one of ${scales}`)).nullable().optional(),
    solved_on_first_contact: optionalYesNo,
    reopened: optionalYesNo,
    channel: z.string(typeError("a string or null")).nullable().optional(),
  },
  { error: "the outcome must be a JSON object" },
);

const cell = (value: string | number | boolean | null | undefined): string =>
  value === null || value === undefined ? "" : typeof value === "boolean" ? (value ? "yes" : "no") : String(value);

/** One item as the CSV would have it, with its scale; or why it cannot be one. */
function toRaw(item: unknown, defaultScale: RatingScale | null): { ok: true; raw: RawOutcome; scale: RatingScale | null } | { ok: false; reason: string } {
  const parsed = Item.safeParse(item);
  if (!parsed.success) return { ok: false, reason: issueText(parsed.error.issues[0]).replace(/^(\w+): /, "$1 ") };
  const value = parsed.data;
  const raw: RawOutcome = {
    ticket_id: cell(value.ticket_id),
    agent_email: value.agent_email,
    date_time: value.date_time,
    rating: cell(value.rating),
    solved_on_first_contact: cell(value.solved_on_first_contact),
    reopened: cell(value.reopened),
    channel: cell(value.channel),
  };
  const scale = value.scale ?? defaultScale;
  // checkOutcome refuses this too, in the upload page's words; an integrator needs to hear where a scale goes.
  if (raw.rating.trim() !== "" && scale === null) {
    return { ok: false, reason: `rating ${JSON.stringify(value.rating)} has no scale: give "scale" in the outcome or ?scale= in the URL (${scales})` };
  }
  return { ok: true, raw, scale };
}

const ticketOf = (item: unknown): string | null => {
  const id = typeof item === "object" && item !== null && !Array.isArray(item) ? (item as Record<string, unknown>).ticket_id : undefined;
  return typeof id === "string" ? id.slice(0, 100) : typeof id === "number" ? String(id) : null;
};

export type RowResult = "added" | "replaced" | "unchanged" | "older-than-stored" | "repeated-in-request";
export type RowAnswer = {
  index: number;
  ticket_id: string | null;
  status: "accepted" | "refused";
  result?: RowResult;
  /** For a repeated ticket: the index of the outcome that was kept. */
  kept_index?: number;
  reason?: string;
};
export type PushAnswer = {
  import_id: number | null;
  source: string;
  totals: { received: number; accepted: number; refused: number; added: number; replaced: number; unchanged: number; older_than_stored: number; repeated_in_request: number };
  rows: RowAnswer[];
  ignored_fields: string[];
  unknown_agents: { agent: string; rows: number }[];
  notes: string[];
};

const RESULT: Record<Decision, RowResult> = { add: "added", replace: "replaced", unchanged: "unchanged", older: "older-than-stored" };
const TOTAL = { add: "added", replace: "replaced", unchanged: "unchanged", older: "older_than_stored" } as const satisfies Record<Decision, keyof PushAnswer["totals"]>;

/** Checks, judges and (when anything would change) stores one push; a body that is not an array of at most MAX_PUSH_ROWS is a Problem. */
export async function pushOutcomes(body: unknown, options: PushOptions, tokenId: number, now: Date = new Date()): Promise<{ ok: true; answer: PushAnswer } | Problem> {
  const envelope = Envelope.safeParse(body);
  if (!envelope.success) return { ok: false, message: issueText(envelope.error.issues[0]) };
  const items = envelope.data;

  const plan = emptyPlan();
  const rows: RowAnswer[] = [];
  const ignored = new Set<string>();
  for (const [index, item] of items.entries()) {
    plan.rowsRead++;
    if (typeof item === "object" && item !== null && !Array.isArray(item)) for (const key of Object.keys(item)) if (!KNOWN_KEYS.has(key)) ignored.add(key.slice(0, 60));
    const answer: RowAnswer = { index, ticket_id: ticketOf(item), status: "refused" };
    rows.push(answer);
    const converted = toRaw(item, options.scale);
    const checked = converted.ok ? checkOutcome(converted.raw, converted.scale, now) : converted;
    if (!checked.ok) {
      answer.reason = checked.reason;
      refuse(plan, index, checked.reason);
      continue;
    }
    for (const note of checked.notes) plan.notes.add(note);
    answer.status = "accepted";
    answer.ticket_id = checked.outcome.ticketId;
    accept(plan, index, checked.outcome);
  }

  const judged = await judgePlan(plan, options.source, null);
  let importId: number | null = null;
  let decisions: Map<string, Decision>;
  if (changesNothing(judged)) decisions = judged.decisions;
  else {
    importId = await beginImport({ source: options.source, kind: "api", format: "api", fileName: null, createdBy: null, tokenId, teamIds: null });
    decisions = (await writeImport(importId, judged, options.source)).decisions;
  }

  const totals: PushAnswer["totals"] = { received: items.length, accepted: 0, refused: 0, added: 0, replaced: 0, unchanged: 0, older_than_stored: 0, repeated_in_request: 0 };
  for (const answer of rows) {
    if (answer.status === "refused" || answer.ticket_id === null) {
      totals.refused++;
      continue;
    }
    totals.accepted++;
    const kept = plan.winners.get(answer.ticket_id);
    if (kept && kept.line !== answer.index) {
      answer.result = "repeated-in-request";
      answer.kept_index = kept.line;
      answer.reason = `ticket_id "${answer.ticket_id}" is also at index ${kept.line}, which was kept (the newest date_time wins, the later outcome on a tie)`;
      totals.repeated_in_request++;
      continue;
    }
    const decision = decisions.get(answer.ticket_id);
    if (!decision) throw new Error(`no decision for kept ticket ${answer.ticket_id}`);
    answer.result = RESULT[decision];
    totals[TOTAL[decision]]++;
  }

  const notes: string[] = [];
  if (plan.notes.has("assumed-utc")) notes.push("Some date_time values had no offset; they were read as UTC.");
  if (judged.unknownAgentCount > 0) notes.push("Some agents are not Frontline users yet; their outcomes are stored and count once an admin or manager maps them to people on the helpdesk agents page.");
  return {
    ok: true,
    answer: {
      import_id: importId,
      source: options.source,
      totals,
      rows,
      ignored_fields: [...ignored].sort().slice(0, IGNORED_LIMIT),
      unknown_agents: judged.unknownAgents.map(({ key, rows: count }) => ({ agent: key, rows: count })),
      notes,
    },
  };
}
