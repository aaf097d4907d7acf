import { OUTCOME_FIELDS, REQUIRED_OUTCOME_FIELDS, type OutcomeField, type RatingScale } from "~/domain/outcomes";
import { JIRA_SERVICE_MANAGEMENT, ZENDESK } from "./presets";
import type { RawOutcome } from "./row";

/**
 * The shapes of file Frontline reads: the generic template, presets for helpdesk exports whose
 * real column names we could cite, and a person's own column mapping for anything else.
 */
export type FormatDef = {
  id: string;
  name: string;
  /** Accepted header names per field, compared without case, spaces or punctuation. */
  columns: Partial<Record<OutcomeField, readonly string[]>>;
  /** The preset's own rating scale; undefined means the uploader picks or it is detected. */
  scale?: RatingScale;
  /** Where the column names come from, so a preset is never invented. */
  reference?: string;
  /** Turns a preset's cells into the template's meaning (for example "Offered"/"Good"). */
  adapt?: (raw: RawOutcome) => RawOutcome;
  /** Fields the format must find; a preset whose helpdesk has no such column leaves it unknown. */
  requires: readonly OutcomeField[];
};

export const GENERIC: FormatDef = {
  id: "generic",
  name: "Frontline template",
  columns: Object.fromEntries(OUTCOME_FIELDS.map((field) => [field, [field]])),
  requires: REQUIRED_OUTCOME_FIELDS,
};



export const PRESETS: readonly FormatDef[] = [ZENDESK, JIRA_SERVICE_MANAGEMENT];

export const FORMATS: readonly FormatDef[] = [GENERIC, ...PRESETS];

export function findFormat(id: string): FormatDef | undefined {
  return FORMATS.find((format) => format.id === id);
}

/** A column mapping: for each field, the file's header that holds it ("" = not in the file). */
export type ColumnMapping = Partial<Record<OutcomeField, string>>;

export const squash = (header: string) => header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/** Where each field sits in a header row under a format: column indexes, and what is missing. */
export type Layout = { index: Partial<Record<OutcomeField, number>>; missing: OutcomeField[] };

export function layoutFor(format: FormatDef, headers: readonly string[]): Layout {
  const squashed = headers.map(squash);
  const index: Partial<Record<OutcomeField, number>> = {};
  for (const field of OUTCOME_FIELDS) {
    // The format's names in its order of preference: Jira writes Resolved before the satisfaction date.
    const at = (format.columns[field] ?? []).map((name) => squashed.indexOf(squash(name))).find((i) => i >= 0);
    if (at !== undefined) index[field] = at;
  }
  return { index, missing: format.requires.filter((field) => index[field] === undefined) };
}

export function layoutFromMapping(mapping: ColumnMapping, headers: readonly string[]): Layout {
  const index: Partial<Record<OutcomeField, number>> = {};
  for (const field of OUTCOME_FIELDS) {
    const header = mapping[field];
    if (!header) continue;
    const at = headers.indexOf(header);
    if (at >= 0) index[field] = at;
  }
  return { index, missing: REQUIRED_OUTCOME_FIELDS.filter((field) => index[field] === undefined) };
}

/** The format whose required columns are all in the header row, presets first (they are narrower). */
export function detectFormat(headers: readonly string[]): FormatDef | undefined {
  return [...PRESETS, GENERIC].find((format) => layoutFor(format, headers).missing.length === 0);
}

/** A first guess at a mapping for the form: a header whose squashed name contains the field's. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const hints: Record<OutcomeField, string[]> = {
    ticket_id: ["ticketid", "ticket", "conversationid", "caseid", "id"],
    agent_email: ["agentemail", "assigneeemail", "agent", "assignee", "owner"],
    date_time: ["datetime", "createdat", "created", "date", "time"],
    rating: ["rating", "score", "csat", "satisfaction"],
    solved_on_first_contact: ["solvedonfirstcontact", "firstcontact", "fcr", "onetouch"],
    reopened: ["reopened", "reopens"],
    channel: ["channel", "via", "source"],
  };
  const squashed = headers.map(squash);
  return Object.fromEntries(
    OUTCOME_FIELDS.map((field) => {
      const at = hints[field].map((hint) => squashed.findIndex((header) => header === hint || header.includes(hint))).find((i) => i >= 0);
      return [field, at === undefined ? "" : headers[at]!];
    }),
  );
}

/** The cells of one record under a layout, as the template names them. */
export function rawOutcomeOf(cells: readonly string[], layout: Layout): RawOutcome {
  const cell = (field: OutcomeField) => {
    const at = layout.index[field];
    return at === undefined ? undefined : cells[at];
  };
  return {
    ticket_id: cell("ticket_id") ?? "",
    agent_email: cell("agent_email") ?? "",
    date_time: cell("date_time") ?? "",
    rating: cell("rating") ?? "",
    solved_on_first_contact: cell("solved_on_first_contact") ?? "",
    reopened: cell("reopened"),
    channel: cell("channel"),
  };
}

// Columns that usually hold a customer's identity or words. They are never read; the preview
// names them so the uploader knows they were left behind.
const CUSTOMER_DATA = [
  /(customer|requester|requestor|client|contact|enduser|submitter|caller|visitor|user)(name|email|mail|phone|address)/,
  /^(name|fullname|firstname|lastname|email|emailaddress|mail|phone|phonenumber|address)$/,
  // Helpdesks call the customer by these names alone: Zendesk's Requester, Jira's Reporter.
  /^(requester|requestor|reporter|customer|client|submitter|enduser|caller|contact)$/,
  /(comment|message|body|description|subject|feedback|transcript|note|text|reason)/,
];

/** Headers outside the layout that look like customer personal data. */
export function customerDataColumns(headers: readonly string[], layout: Layout): string[] {
  const used = new Set(Object.values(layout.index));
  return headers.filter((header, i) => !used.has(i) && CUSTOMER_DATA.some((pattern) => pattern.test(squash(header))));
}
