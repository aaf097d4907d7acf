import {
  correlationReading,
  MIN_AGENTS_FOR_CORRELATION,
  pearsonWithCi,
  spearmanWithCi,
  type CorrelationReading,
  type CorrelationWithCi,
} from "~/analytics/outcome-stats";
import type { MasteryKey } from "./report-vocabulary";
import { csatShare, resolutionShare, type TicketTotals } from "./report-tickets";

/** One trainee as the scatter sees them: current mastery (null: none yet) and their tickets in the period. */
export type AgentInput = { id: number; name: string; mastery: Record<MasteryKey, number | null> | null; totals: TicketTotals };

/** A dot: the chosen mastery (null: that skill never assessed), CSAT and resolution in percent (null: no rated ticket / none known). */
export type ScatterPoint = { id: number; name: string; mastery: number | null; csat: number | null; resolution: number | null; tickets: number; rated: number };

/**
 * One correlation, by both methods. Pearson's r and its reading lead; Spearman's rho (ranks) is
 * the one that suits ratings, which are ordinal at heart. Below the minimum sample both are
 * withheld (null) and the reading says "too early", so no page can show a verdict on a handful.
 */
export type Correlation = {
  n: number;
  pearson: CorrelationWithCi | null;
  spearman: CorrelationWithCi | null;
  reading: CorrelationReading;
  /** Spearman's reading, so the page can say when the two methods disagree. */
  spearmanReading: CorrelationReading;
};

export type AgentsView = {
  /** The mastery on the x axis. */
  key: MasteryKey;
  /** Agents with a mastery and at least one ticket in the period: the dots. */
  points: ScatterPoint[];
  tickets: number;
  ratedTickets: number;
  correlations: { csat: Correlation; resolution: Correlation };
  /** Trainees left out, and why. */
  leftOut: { noMastery: number; noTickets: number; noRatings: number };
};

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/** Pearson and Spearman over the pairs where both sides are known. */
export function correlate(xs: readonly (number | null)[], ys: readonly (number | null)[], minN = MIN_AGENTS_FOR_CORRELATION): Correlation {
  const pairs = xs.flatMap((x, i) => (x === null || ys[i] === null || ys[i] === undefined ? [] : [[x, ys[i]] as const]));
  const n = pairs.length;
  const pearson = pearsonWithCi(
    pairs.map(([x]) => x),
    pairs.map(([, y]) => y),
  );
  const spearman = spearmanWithCi(
    pairs.map(([x]) => x),
    pairs.map(([, y]) => y),
  );
  const reading = correlationReading(pearson, minN, n);
  const tooEarly = reading.kind === "too-early";
  return { n, pearson: tooEarly ? null : pearson, spearman: tooEarly ? null : spearman, reading, spearmanReading: correlationReading(spearman, minN, n) };
}

/**
 * The agents section for one mastery on the x axis (overall or a skill): a dot per agent, the
 * correlations, who was left out. One mastery at a time: each correlation's ranks and intervals
 * for a thousand agents are worth computing only for the one on screen.
 */
export function buildAgentsView(agents: readonly AgentInput[], key: MasteryKey = "overall"): AgentsView {
  const leftOut = { noMastery: 0, noTickets: 0, noRatings: 0 };
  const points: ScatterPoint[] = [];
  const masteries: (number | null)[] = [];
  const csats: (number | null)[] = [];
  const resolutions: (number | null)[] = [];
  for (const agent of agents) {
    const { totals, mastery } = agent;
    if (mastery === null || mastery.overall === null) {
      if (totals.tickets > 0) leftOut.noMastery++;
      continue;
    }
    if (totals.tickets === 0) {
      leftOut.noTickets++;
      continue;
    }
    if (totals.rated === 0) leftOut.noRatings++;
    const csat = csatShare(totals);
    const resolution = resolutionShare(totals);
    masteries.push(mastery[key]);
    csats.push(csat);
    resolutions.push(resolution);
    points.push({
      id: agent.id,
      name: agent.name,
      mastery: mastery[key],
      csat: percent(csat),
      resolution: percent(resolution),
      tickets: totals.tickets,
      rated: totals.rated,
    });
  }
  return {
    key,
    points,
    tickets: points.reduce((sum, point) => sum + point.tickets, 0),
    ratedTickets: points.reduce((sum, point) => sum + point.rated, 0),
    correlations: { csat: correlate(masteries, csats), resolution: correlate(masteries, resolutions) },
    leftOut,
  };
}
