import type { AgentTickets } from "~/models/outcome-report.server";

/**
 * Counts over a set of tickets. CSAT is the share satisfied among rated tickets (the industry's
 * CSAT), resolution the share resolved on first contact among tickets where that is known.
 */
export type TicketTotals = { tickets: number; rated: number; satisfied: number; ratingSum: number; resolutionKnown: number; resolved: number };

export const noTickets = (): TicketTotals => ({ tickets: 0, rated: 0, satisfied: 0, ratingSum: 0, resolutionKnown: 0, resolved: 0 });

const FIELDS = 6;

/**
 * An agent's tickets (oldest first) with running totals, so that the totals of any stretch of
 * time take two binary searches: the report asks for the period, two windows per agent and every
 * month, and a pass over the tickets for each was most of an admin's page.
 */
export type TicketIndex = { at: readonly string[]; sums: Float64Array };

export function indexTickets(agent: AgentTickets): TicketIndex {
  const n = agent.at.length;
  const sums = new Float64Array((n + 1) * FIELDS);
  for (let i = 0; i < n; i++) {
    const [from, to] = [i * FIELDS, (i + 1) * FIELDS];
    const satisfied = agent.satisfied[i]!;
    const rating = agent.rating[i]!;
    const resolved = agent.resolved[i]!;
    sums[to] = sums[from]! + 1;
    sums[to + 1] = sums[from + 1]! + (satisfied >= 0 ? 1 : 0);
    sums[to + 2] = sums[from + 2]! + (satisfied > 0 ? 1 : 0);
    sums[to + 3] = sums[from + 3]! + (Number.isNaN(rating) ? 0 : rating);
    sums[to + 4] = sums[from + 4]! + (resolved >= 0 ? 1 : 0);
    sums[to + 5] = sums[from + 5]! + (resolved > 0 ? 1 : 0);
  }
  return { at: agent.at, sums };
}

/** The first position whose time is at or after `time` (ISO strings compare as times). */
function firstAtOrAfter(at: readonly string[], time: string, low = 0): number {
  let high = at.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (at[middle]! < time) low = middle + 1;
    else high = middle;
  }
  return low;
}

function difference(sums: Float64Array, start: number, end: number): TicketTotals {
  const [a, b] = [start * FIELDS, end * FIELDS];
  return {
    tickets: sums[b]! - sums[a]!,
    rated: sums[b + 1]! - sums[a + 1]!,
    satisfied: sums[b + 2]! - sums[a + 2]!,
    ratingSum: sums[b + 3]! - sums[a + 3]!,
    resolutionKnown: sums[b + 4]! - sums[a + 4]!,
    resolved: sums[b + 5]! - sums[a + 5]!,
  };
}

/** The agent's tickets with from ≤ time < to. */
export function totalsBetween(index: TicketIndex | undefined, from: string, to: string): TicketTotals {
  if (!index || to <= from) return noTickets();
  const start = firstAtOrAfter(index.at, from);
  return difference(index.sums, start, firstAtOrAfter(index.at, to, start));
}

function add(into: TicketTotals, more: TicketTotals): void {
  into.tickets += more.tickets;
  into.rated += more.rated;
  into.satisfied += more.satisfied;
  into.ratingSum += more.ratingSum;
  into.resolutionKnown += more.resolutionKnown;
  into.resolved += more.resolved;
}

/** The month after "YYYY-MM". */
function nextMonth(period: string): string {
  const [year, month] = period.split("-").map(Number) as [number, number];
  return month === 12 ? `${String(year + 1).padStart(4, "0")}-01` : `${period.slice(0, 5)}${String(month + 1).padStart(2, "0")}`;
}

/** Tickets in [from, to) per calendar month ("YYYY-MM", ascending, months without tickets left out). */
export function totalsByMonth(indexes: Iterable<TicketIndex>, from: string, to: string): Map<string, TicketTotals> {
  const months = new Map<string, TicketTotals>();
  for (const { at, sums } of indexes) {
    const end = firstAtOrAfter(at, to);
    for (let start = firstAtOrAfter(at, from); start < end; ) {
      const period = at[start]!.slice(0, 7);
      const next = Math.min(end, firstAtOrAfter(at, `${nextMonth(period)}-01T00:00:00.000Z`, start));
      let totals = months.get(period);
      if (!totals) months.set(period, (totals = noTickets()));
      add(totals, difference(sums, start, next));
      start = next;
    }
  }
  return new Map([...months].sort(([a], [b]) => a.localeCompare(b)));
}

/** CSAT as a share (0–1); null without a rated ticket. */
export const csatShare = (totals: TicketTotals): number | null => (totals.rated === 0 ? null : totals.satisfied / totals.rated);
/** First-contact resolution as a share (0–1); null without a ticket where it is known. */
export const resolutionShare = (totals: TicketTotals): number | null => (totals.resolutionKnown === 0 ? null : totals.resolved / totals.resolutionKnown);
/** The mean rating on 0–1; null without a rated ticket. */
export const meanRating = (totals: TicketTotals): number | null => (totals.rated === 0 ? null : totals.ratingSum / totals.rated);

/** Every month from the first to the last ("YYYY-MM"), so that a month without tickets shows as a gap, not as nothing. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let period = first; period <= last && months.length < 12_000; period = nextMonth(period)) months.push(period);
  return months;
}

const MIN_ISO = "0000-01-01T00:00:00.000Z";
const MAX_ISO = "9999-12-31T23:59:59.999Z";

/** `iso` moved by `ms`, kept within years 0000–9999 so that it still compares as text with other times. */
export function shiftIso(iso: string, ms: number): string {
  const moved = Date.parse(iso) + ms;
  if (!(moved > Date.parse(MIN_ISO))) return MIN_ISO;
  if (!(moved < Date.parse(MAX_ISO))) return MAX_ISO;
  return new Date(moved).toISOString();
}
