import type { AgentTickets } from "~/models/outcome-report.server";
import { periodOf } from "./report-mastery";

/**
 * Counts over a set of tickets. CSAT is the share satisfied among rated tickets (the industry's
 * CSAT), resolution the share resolved on first contact among tickets where that is known.
 */
export type TicketTotals = { tickets: number; rated: number; satisfied: number; ratingSum: number; resolutionKnown: number; resolved: number };

export const noTickets = (): TicketTotals => ({ tickets: 0, rated: 0, satisfied: 0, ratingSum: 0, resolutionKnown: 0, resolved: 0 });

const FIELDS = 6;

/**
 * An agent's tickets (times in ms, oldest first) with running totals, so that the totals of any
 * stretch of time take two binary searches: the report asks for the period, two windows per agent
 * and every month, and a pass over the tickets for each was most of an admin's page.
 */
export type TicketIndex = { time: Float64Array; sums: Float64Array };

export function indexTickets(agent: AgentTickets): TicketIndex {
  const n = agent.time.length;
  const sums = new Float64Array((n + 1) * FIELDS);
  for (let i = 0; i < n; i++) {
    const from = i * FIELDS;
    const to = from + FIELDS;
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
  return { time: agent.time, sums };
}

/** The first position whose time is at or after `time`. */
function firstAtOrAfter(times: Float64Array, time: number, low = 0): number {
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (times[middle]! < time) low = middle + 1;
    else high = middle;
  }
  return low;
}

function difference(sums: Float64Array, start: number, end: number): TicketTotals {
  const a = start * FIELDS;
  const b = end * FIELDS;
  return {
    tickets: sums[b]! - sums[a]!,
    rated: sums[b + 1]! - sums[a + 1]!,
    satisfied: sums[b + 2]! - sums[a + 2]!,
    ratingSum: sums[b + 3]! - sums[a + 3]!,
    resolutionKnown: sums[b + 4]! - sums[a + 4]!,
    resolved: sums[b + 5]! - sums[a + 5]!,
  };
}

/** The agent's tickets with from ≤ time < to (ms). */
export function totalsBetween(index: TicketIndex | undefined, from: number, to: number): TicketTotals {
  if (!index || !(to > from)) return noTickets();
  const start = firstAtOrAfter(index.time, from);
  return difference(index.sums, start, firstAtOrAfter(index.time, to, start));
}

function add(into: TicketTotals, more: TicketTotals): void {
  into.tickets += more.tickets;
  into.rated += more.rated;
  into.satisfied += more.satisfied;
  into.ratingSum += more.ratingSum;
  into.resolutionKnown += more.resolutionKnown;
  into.resolved += more.resolved;
}

/** The calendar month of an instant (year × 12 + month − 1), and when the next one starts (ms). */
function monthOf(ms: number): { month: number; next: number } {
  const date = new Date(ms);
  const month = date.getUTCFullYear() * 12 + date.getUTCMonth();
  date.setUTCFullYear(Math.floor((month + 1) / 12), (month + 1) % 12, 1);
  date.setUTCHours(0, 0, 0, 0);
  return { month, next: date.getTime() };
}

/** Tickets in [from, to) (ms) per calendar month ("YYYY-MM", ascending, months without tickets left out). */
export function totalsByMonth(indexes: Iterable<TicketIndex>, from: number, to: number): Map<string, TicketTotals> {
  const months = new Map<number, TicketTotals>();
  for (const { time, sums } of indexes) {
    const end = firstAtOrAfter(time, to);
    for (let start = firstAtOrAfter(time, from); start < end; ) {
      const { month, next: nextMonth } = monthOf(time[start]!);
      const next = Math.min(end, firstAtOrAfter(time, nextMonth, start));
      let totals = months.get(month);
      if (!totals) months.set(month, (totals = noTickets()));
      add(totals, difference(sums, start, next));
      start = next;
    }
  }
  return new Map([...months].sort(([a], [b]) => a - b).map(([month, totals]) => [periodOf(month), totals]));
}

/** CSAT as a share (0–1); null without a rated ticket. */
export const csatShare = (totals: TicketTotals): number | null => (totals.rated === 0 ? null : totals.satisfied / totals.rated);
/** First-contact resolution as a share (0–1); null without a ticket where it is known. */
export const resolutionShare = (totals: TicketTotals): number | null => (totals.resolutionKnown === 0 ? null : totals.resolved / totals.resolutionKnown);
/** The mean rating on 0–1; null without a rated ticket. */
export const meanRating = (totals: TicketTotals): number | null => (totals.rated === 0 ? null : totals.ratingSum / totals.rated);

/** Every month from the first to the last ("YYYY-MM"), so that a month without tickets shows as a gap, not as nothing. */
export function monthsBetween(first: string, last: string): string[] {
  const count = (period: string) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
  const months: string[] = [];
  for (let month = count(first); month <= count(last); month++) months.push(periodOf(month));
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
