import { describe, expect, it } from "vitest";
import { MIN_AGENTS_FOR_CORRELATION } from "~/analytics/outcome-stats";
import { buildAgentsView, correlate, type AgentInput } from "./agents-scatter";
import { noTickets, type TicketTotals } from "./report-tickets";
import type { MasteryKey } from "./report-vocabulary";

const totals = (overrides: Partial<TicketTotals>): TicketTotals => ({ ...noTickets(), ...overrides });
const mastery = (overall: number | null, listening: number | null = overall): Record<MasteryKey, number | null> => ({
  overall,
  listening,
  empathy: null,
  calm: overall,
  persuasion: overall,
  expectations: overall,
});

/** `count` agents whose CSAT rises with their mastery: 20 rated tickets each, satisfied more often the higher they score. */
function risingAgents(count: number): AgentInput[] {
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    name: `Agent ${i + 1}`,
    mastery: mastery(40 + i * 4, 90 - i),
    totals: totals({ tickets: 30, rated: 20, satisfied: 8 + i, resolutionKnown: 30, resolved: 15 + (i % 3) }),
  }));
}

describe("buildAgentsView", () => {
  it("withholds the correlation below the minimum number of agents: too early, no r", () => {
    const view = buildAgentsView(risingAgents(MIN_AGENTS_FOR_CORRELATION - 1));
    const { csat } = view.correlations;
    expect(csat.n).toBe(MIN_AGENTS_FOR_CORRELATION - 1);
    expect(csat.reading).toEqual({ kind: "too-early", n: MIN_AGENTS_FOR_CORRELATION - 1, minN: MIN_AGENTS_FOR_CORRELATION });
    expect(csat.pearson).toBeNull();
    expect(csat.spearman).toBeNull();
    expect(view.points).toHaveLength(MIN_AGENTS_FOR_CORRELATION - 1);
  });

  it("gives a verdict from the minimum on: a strong positive link here, Pearson and Spearman both", () => {
    const view = buildAgentsView(risingAgents(MIN_AGENTS_FOR_CORRELATION));
    const { csat } = view.correlations;
    expect(csat.reading).toEqual({ kind: "positive", strength: "strong" });
    expect(csat.pearson?.r).toBeCloseTo(1, 6);
    expect(csat.spearman?.r).toBeCloseTo(1, 6);
    expect(csat.pearson?.n).toBe(MIN_AGENTS_FOR_CORRELATION);
    // Listening falls as CSAT rises in these agents: the skill's own reading is the reverse.
    expect(buildAgentsView(risingAgents(MIN_AGENTS_FOR_CORRELATION), "listening").correlations.csat.reading).toEqual({ kind: "negative", strength: "strong" });
    // Resolution only cycles, unrelated to mastery.
    expect(view.correlations.resolution.reading.kind).toBe("no-clear-link");
  });

  it("counts a skill's correlation only over agents assessed in it", () => {
    const agents = risingAgents(12);
    agents[0]!.mastery = { ...agents[0]!.mastery!, empathy: 50 };
    const view = buildAgentsView(agents, "empathy");
    expect(view.correlations.csat).toMatchObject({ n: 1, reading: { kind: "too-early" } });
    expect(view.points.filter((point) => point.mastery !== null)).toHaveLength(1);
  });

  it("leaves out, and counts, agents without a mastery, trainees without tickets, and agents without a rated ticket (CSAT only)", () => {
    const agents: AgentInput[] = [
      ...risingAgents(3),
      { id: 10, name: "No practice", mastery: null, totals: totals({ tickets: 5, rated: 2, satisfied: 1 }) },
      { id: 11, name: "Not assessed", mastery: mastery(null), totals: totals({ tickets: 5 }) },
      { id: 12, name: "Neither", mastery: null, totals: noTickets() },
      { id: 13, name: "No tickets", mastery: mastery(60), totals: noTickets() },
      { id: 14, name: "Unrated", mastery: mastery(60), totals: totals({ tickets: 4, resolutionKnown: 4, resolved: 3 }) },
    ];
    const view = buildAgentsView(agents);
    expect(view.leftOut).toEqual({ noMastery: 2, noTickets: 1, noRatings: 1 });
    expect(view.points.map((point) => point.id)).toEqual([1, 2, 3, 14]);
    expect(view.points.at(-1)).toMatchObject({ csat: null, resolution: 75, tickets: 4, rated: 0 });
    expect(view.correlations.csat.n).toBe(3);
    expect(view.correlations.resolution.n).toBe(4);
    expect(view.tickets).toBe(3 * 30 + 4);
    expect(view.ratedTickets).toBe(3 * 20);
  });

  it("gives CSAT and resolution in percent to one decimal, and the chosen mastery", () => {
    const agent: AgentInput = { id: 1, name: "A", mastery: mastery(71, 64), totals: totals({ tickets: 9, rated: 3, satisfied: 2, resolutionKnown: 9, resolved: 1 }) };
    expect(buildAgentsView([agent]).points).toEqual([{ id: 1, name: "A", mastery: 71, csat: 66.7, resolution: 11.1, tickets: 9, rated: 3 }]);
    expect(buildAgentsView([agent], "listening").points[0]?.mastery).toBe(64);
  });
});

describe("correlate", () => {
  it("pairs only the agents known on both sides, and says no clear link when one side never varies", () => {
    const flat = correlate([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, null], [50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 10]);
    expect(flat.n).toBe(10);
    expect(flat.reading).toEqual({ kind: "no-clear-link" });
    expect(flat.pearson).toBeNull();
  });
});
