import type { OutcomeInput } from "./row";

/**
 * What a batch of rows amounts to before anything is compared with the store: the rows refused
 * and why, and one row per ticket (a ticket seen twice keeps its newest time, the later line on
 * a tie). Samples are capped so that a file of a million broken rows still previews in a page.
 */

export const SAMPLE_LIMIT = 100;

export type Refusal = { line: number; reason: string };
export type Planned = { line: number; outcome: OutcomeInput };
export type Repeat = { line: number; keptLine: number; identical: boolean };

export type Plan = {
  rowsRead: number;
  refusedCount: number;
  refused: Refusal[];
  /** Reasons with their counts, the commonest first, so the preview can say "412 rows: rating …". */
  refusedByReason: Map<string, number>;
  winners: Map<string, Planned>;
  repeatCount: number;
  repeats: Repeat[];
  notes: Set<string>;
  dateFrom: string | null;
  dateTo: string | null;
};

export function emptyPlan(): Plan {
  return { rowsRead: 0, refusedCount: 0, refused: [], refusedByReason: new Map(), winners: new Map(), repeatCount: 0, repeats: [], notes: new Set(), dateFrom: null, dateTo: null };
}

// Reasons quote the cell; the tally groups them by what went wrong, without the value (greedy,
// because a quoted formula has quotes of its own).
const reasonKind = (reason: string) => reason.replace(/".*"/g, "…");

export function refuse(plan: Plan, line: number, reason: string): void {
  plan.refusedCount++;
  if (plan.refused.length < SAMPLE_LIMIT) plan.refused.push({ line, reason });
  const kind = reasonKind(reason);
  plan.refusedByReason.set(kind, (plan.refusedByReason.get(kind) ?? 0) + 1);
}

const sameOutcome = (a: OutcomeInput, b: OutcomeInput) =>
  a.agentKey === b.agentKey &&
  a.ticketAt === b.ticketAt &&
  a.ratingRaw === b.ratingRaw &&
  a.scale === b.scale &&
  a.solvedFirstContact === b.solvedFirstContact &&
  a.reopened === b.reopened &&
  a.channel === b.channel;

export function accept(plan: Plan, line: number, outcome: OutcomeInput): void {
  const earlier = plan.winners.get(outcome.ticketId);
  if (earlier) {
    plan.repeatCount++;
    const later = outcome.ticketAt >= earlier.outcome.ticketAt;
    const kept = later ? line : earlier.line;
    if (plan.repeats.length < SAMPLE_LIMIT) plan.repeats.push({ line: later ? earlier.line : line, keptLine: kept, identical: sameOutcome(earlier.outcome, outcome) });
    if (!later) return;
  }
  plan.winners.set(outcome.ticketId, { line, outcome });
}

/** The first and last ticket time among the rows kept (after repeats and refusals are settled). */
export function settleDates(plan: Plan): void {
  plan.dateFrom = null;
  plan.dateTo = null;
  for (const { outcome } of plan.winners.values()) {
    if (plan.dateFrom === null || outcome.ticketAt < plan.dateFrom) plan.dateFrom = outcome.ticketAt;
    if (plan.dateTo === null || outcome.ticketAt > plan.dateTo) plan.dateTo = outcome.ticketAt;
  }
}

export { sameOutcome };
