import type { RatingScale } from "~/domain/outcomes";
import { normaliseRating } from "./scales";

/** One outcome as read from a file or a push, every cell a string (missing optional cells undefined). */
export type RawOutcome = {
  ticket_id: string;
  agent_email: string;
  date_time: string;
  rating: string;
  solved_on_first_contact: string;
  reopened?: string | undefined;
  channel?: string | undefined;
};

/** One outcome, checked and normalised, ready to match and store. */
export type OutcomeInput = {
  ticketId: string;
  /** The agent as the helpdesk names them, trimmed and lower-cased. */
  agentKey: string;
  ticketAt: string;
  ratingRaw: string | null;
  scale: RatingScale | null;
  rating: number | null;
  satisfied: 0 | 1 | null;
  solvedFirstContact: 0 | 1 | null;
  reopened: 0 | 1 | null;
  channel: string | null;
};

export type RowCheck = { ok: true; outcome: OutcomeInput; notes: string[] } | { ok: false; reason: string };

// A cell that starts like this is run as a formula by spreadsheets; such text could come back out
// of Frontline's own exports, so it is refused rather than stored.
const FORMULA_START = /^[=+@\t\r]|^-(?!\d)/;
const TICKET_ID = /^[\p{L}\p{N}][\p{L}\p{N}._:#/-]{0,99}$/u;
const AGENT = /^[\p{L}\p{N}][\p{L}\p{N} .'’_+@-]{0,199}$/u;
// Wide enough for labels like "Phone call (incoming)" or "Web form / widget".
const CHANNEL = /^[\p{L}][\p{L}\p{N} _()/&.,'-]{0,59}$/u;

const YES = new Set(["yes", "y", "true", "1", "solved", "resolved"]);
const NO = new Set(["no", "n", "false", "0", "unsolved", "unresolved"]);

function yesNo(raw: string | undefined, column: string): 0 | 1 | null | string {
  const value = (raw ?? "").trim().toLowerCase();
  if (value === "") return null;
  if (YES.has(value)) return 1;
  if (NO.has(value)) return 0;
  return `${column} must be yes or no, not "${raw!.trim()}"`;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const EARLIEST = Date.parse("2000-01-01T00:00:00Z");
// A little slack for clocks that run ahead; anything later is a mistake in the file.
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

/**
 * An ISO 8601 date and time in UTC. Without an offset the time is read as UTC (the preview says
 * so once per file); a date alone is midnight UTC.
 */
export function parseTicketTime(raw: string, now: Date): { iso: string; assumedUtc: boolean } | string {
  const value = raw.trim();
  const match = ISO.exec(value);
  if (!match) return `date_time "${value}" is not a date and time like 2026-03-14T09:30:00Z`;
  const [, y, mo, d, h = "00", mi = "00", s = "00", zone] = match;
  const offset = zone === undefined || zone.toUpperCase() === "Z" ? "Z" : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  const calendarOk = !Number.isNaN(ms) && new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDate() === Number(d);
  if (!calendarOk) return `date_time "${value}" is not a real date`;
  if (ms < EARLIEST) return `date_time "${value}" is before 2000`;
  if (ms > now.getTime() + FUTURE_SLACK_MS) return `date_time "${value}" is in the future`;
  return { iso: new Date(ms).toISOString(), assumedUtc: zone === undefined && match[4] !== undefined };
}

function formulaReason(column: string, value: string): string | null {
  return FORMULA_START.test(value) ? `${column} looks like a spreadsheet formula ("${value.slice(0, 20)}")` : null;
}

/** Checks one outcome and normalises it; the reason names the column and the value at fault. */
export function checkOutcome(raw: RawOutcome, scale: RatingScale | null, now: Date = new Date()): RowCheck {
  const ticketId = raw.ticket_id.trim();
  const agent = raw.agent_email.trim();
  const channel = (raw.channel ?? "").trim();
  for (const [column, value] of [["ticket_id", ticketId], ["agent_email", agent], ["channel", channel]] as const) {
    const formula = formulaReason(column, value);
    if (formula) return { ok: false, reason: formula };
  }
  if (ticketId === "") return { ok: false, reason: "ticket_id is empty" };
  if (!TICKET_ID.test(ticketId)) return { ok: false, reason: `ticket_id "${ticketId.slice(0, 40)}" has characters a ticket id cannot have` };
  if (agent === "") return { ok: false, reason: "agent_email is empty" };
  if (!AGENT.test(agent)) return { ok: false, reason: `agent_email "${agent.slice(0, 40)}" is not an email address or a name` };
  if (channel !== "" && !CHANNEL.test(channel)) return { ok: false, reason: `channel "${channel.slice(0, 40)}" is not a channel name` };

  const time = parseTicketTime(raw.date_time, now);
  if (typeof time === "string") return { ok: false, reason: raw.date_time.trim() === "" ? "date_time is empty" : time };

  const ratingRaw = raw.rating.trim();
  let rating: number | null = null;
  let satisfied: 0 | 1 | null = null;
  if (ratingRaw !== "") {
    const formula = formulaReason("rating", ratingRaw);
    if (formula) return { ok: false, reason: formula };
    if (scale === null) return { ok: false, reason: "rating cannot be read: no rating scale was chosen or recognised" };
    const normalised = normaliseRating(ratingRaw, scale);
    if (typeof normalised === "string") return { ok: false, reason: `rating ${normalised}` };
    ({ rating, satisfied } = normalised);
  }
  const solved = yesNo(raw.solved_on_first_contact, "solved_on_first_contact");
  if (typeof solved === "string") return { ok: false, reason: solved };
  const reopened = yesNo(raw.reopened, "reopened");
  if (typeof reopened === "string") return { ok: false, reason: reopened };
  if (rating === null && solved === null) return { ok: false, reason: "the ticket has no rating and no solved_on_first_contact value, so there is nothing to count" };

  return {
    ok: true,
    outcome: {
      ticketId,
      agentKey: agent.toLowerCase(),
      ticketAt: time.iso,
      ratingRaw: ratingRaw === "" ? null : ratingRaw,
      scale: ratingRaw === "" ? null : scale,
      rating,
      satisfied,
      solvedFirstContact: solved,
      reopened,
      channel: channel === "" ? null : channel.toLowerCase(),
    },
    notes: time.assumedUtc ? ["assumed-utc"] : [],
  };
}
