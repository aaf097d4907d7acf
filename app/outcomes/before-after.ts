import {
  differenceReading,
  MIN_AGENTS_FOR_BEFORE_AFTER,
  MIN_TICKETS_PER_WINDOW,
  pairedDifference,
  welchDifference,
  type DifferenceReading,
  type PairedDifference,
  type WelchDifference,
} from "~/analytics/outcome-stats";
import type { Trainee } from "~/models/outcome-report.server";
import type { MasterySummary } from "./report-mastery";
import { csatShare, resolutionShare, totalsBetween, type TicketIndex, type TicketTotals } from "./report-tickets";

export const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export type Group = "trained" | "control";

/** One agent's two windows: [centre − N weeks, centre) before, [centre, centre + N weeks) after. */
export type WindowedAgent = Trainee & {
  group: Group;
  milestoneAt: string | null;
  centre: string;
  before: TicketTotals;
  after: TicketTotals;
  /** Enough rated tickets in both windows to compare CSAT; enough with a known resolution to compare that. */
  inCsat: boolean;
  inResolution: boolean;
};

export type Comparison = {
  /** Agents compared. */
  n: number;
  /** Agents of the group left out for too few tickets in a window. */
  tooFew: number;
  /** The group's mean, in percent, agent by agent (each agent weighs the same). */
  meanBefore: number | null;
  meanAfter: number | null;
  /** After − before in percentage points; withheld (null) when the reading is "too early". */
  change: PairedDifference | null;
  reading: DifferenceReading;
};

export type GroupView = { agents: number; csat: Comparison; resolution: Comparison };
export type VersusControl = { welch: WelchDifference | null; reading: DifferenceReading };

export type BeforeAfterView = {
  weeks: number;
  trained: GroupView;
  /** Agents who never reached the milestone, over windows around the trained agents' median milestone (null: nobody reached it). */
  control: GroupView & { centre: string | null };
  /** The trained agents' change minus the control group's, per measure (Welch). */
  versusControl: { csat: VersusControl; resolution: VersusControl };
  agents: WindowedAgent[];
};

export type BeforeAfterInput = {
  trainees: readonly Trainee[];
  summaries: ReadonlyMap<number, MasterySummary>;
  tickets: ReadonlyMap<number, TicketIndex>;
  period: { from: string; to: string };
  weeks: number;
};

/** The middle of the milestone times (the mean of the two middle ones for an even count); null for none. */
export function medianTime(times: readonly string[]): string | null {
  if (times.length === 0) return null;
  const sorted = times.map((time) => Date.parse(time)).sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return new Date(Math.round(value)).toISOString();
}

function windowed(trainee: Trainee, group: Group, milestoneAt: string | null, centre: string, tickets: TicketIndex | undefined, weeks: number): WindowedAgent {
  const centreMs = Date.parse(centre);
  const before = totalsBetween(tickets, centreMs - weeks * WEEK_MS, centreMs);
  const after = totalsBetween(tickets, centreMs, centreMs + weeks * WEEK_MS);
  return {
    ...trainee,
    group,
    milestoneAt,
    centre,
    before,
    after,
    inCsat: before.rated >= MIN_TICKETS_PER_WINDOW && after.rated >= MIN_TICKETS_PER_WINDOW,
    inResolution: before.resolutionKnown >= MIN_TICKETS_PER_WINDOW && after.resolutionKnown >= MIN_TICKETS_PER_WINDOW,
  };
}

const mean = (values: readonly number[]) => (values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length);

type Measure = { included: (agent: WindowedAgent) => boolean; share: (totals: TicketTotals) => number | null };
const MEASURES = {
  csat: { included: (agent) => agent.inCsat, share: csatShare },
  resolution: { included: (agent) => agent.inResolution, share: resolutionShare },
} satisfies Record<string, Measure>;

/** Per included agent, before and after in percent. */
function percents(agents: readonly WindowedAgent[], measure: Measure): { before: number[]; after: number[] } {
  const included = agents.filter(measure.included);
  return { before: included.map((agent) => measure.share(agent.before)! * 100), after: included.map((agent) => measure.share(agent.after)! * 100) };
}

function compare(agents: readonly WindowedAgent[], measure: Measure): Comparison {
  const { before, after } = percents(agents, measure);
  const n = before.length;
  const paired = n >= 2 ? pairedDifference(before, after) : null;
  const reading = differenceReading(paired, MIN_AGENTS_FOR_BEFORE_AFTER, n);
  return { n, tooFew: agents.length - n, meanBefore: mean(before), meanAfter: mean(after), change: reading.kind === "too-early" ? null : paired, reading };
}

function versus(trained: readonly WindowedAgent[], control: readonly WindowedAgent[], measure: Measure): VersusControl {
  const changes = (agents: readonly WindowedAgent[]) => {
    const { before, after } = percents(agents, measure);
    return after.map((value, i) => value - before[i]!);
  };
  const [trainedChanges, controlChanges] = [changes(trained), changes(control)];
  const welch = welchDifference(controlChanges, trainedChanges);
  const reading = differenceReading(welch, MIN_AGENTS_FOR_BEFORE_AFTER, Math.min(trainedChanges.length, controlChanges.length));
  return { welch: reading.kind === "too-early" ? null : welch, reading };
}

/**
 * Before and after the milestone (overall mastery first at 70 or more, within the period), agent
 * by agent, next to a control group of agents who never reached it, so that a change everyone saw
 * (a quiet season, a product fix, or regression to the mean after a bad patch) is not read as
 * the training's doing.
 */
export function buildBeforeAfter({ trainees, summaries, tickets, period, weeks }: BeforeAfterInput): BeforeAfterView {
  const trained: WindowedAgent[] = [];
  const neverReached: Trainee[] = [];
  for (const trainee of trainees) {
    const milestoneAt = summaries.get(trainee.id)?.milestoneAt ?? null;
    if (milestoneAt === null) neverReached.push(trainee);
    else if (milestoneAt >= period.from && milestoneAt < period.to) {
      trained.push(windowed(trainee, "trained", milestoneAt, milestoneAt, tickets.get(trainee.id), weeks));
    }
  }
  const centre = medianTime(trained.map((agent) => agent.milestoneAt!));
  const control =
    centre === null
      ? []
      : neverReached
          .map((trainee) => windowed(trainee, "control", null, centre, tickets.get(trainee.id), weeks))
          // An agent with no ticket around that time was not answering customers then: not a comparison.
          .filter((agent) => agent.before.tickets + agent.after.tickets > 0);
  return {
    weeks,
    trained: { agents: trained.length, csat: compare(trained, MEASURES.csat), resolution: compare(trained, MEASURES.resolution) },
    control: { agents: control.length, centre, csat: compare(control, MEASURES.csat), resolution: compare(control, MEASURES.resolution) },
    versusControl: { csat: versus(trained, control, MEASURES.csat), resolution: versus(trained, control, MEASURES.resolution) },
    agents: [...trained, ...control],
  };
}
