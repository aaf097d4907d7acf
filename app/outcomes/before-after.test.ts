import { describe, expect, it } from "vitest";
import { MIN_AGENTS_FOR_BEFORE_AFTER, MIN_TICKETS_PER_WINDOW } from "~/analytics/outcome-stats";
import type { AgentTickets, Trainee } from "~/models/outcome-report.server";
import { buildBeforeAfter, medianTime, WEEK_MS, type BeforeAfterInput } from "./before-after";
import type { MasterySummary } from "./report-mastery";
import { indexTickets } from "./report-tickets";

const DAY = 24 * 60 * 60 * 1000;
const iso = (ms: number) => new Date(ms).toISOString();
const JUNE = Date.parse("2026-06-01T12:00:00.000Z");
const PERIOD = { from: "2026-05-01T00:00:00.000Z", to: "2026-08-01T00:00:00.000Z" };

type Ticket = { at: string; satisfied?: -1 | 0 | 1; resolved?: -1 | 0 | 1 };
const ticketsOf = (userId: number, tickets: readonly Ticket[]): AgentTickets => ({
  userId,
  time: Float64Array.from(tickets, (ticket) => Date.parse(ticket.at)),
  satisfied: Int8Array.from(tickets.map((ticket) => ticket.satisfied ?? -1)),
  rating: Float64Array.from(tickets.map((ticket) => ((ticket.satisfied ?? -1) < 0 ? Number.NaN : ticket.satisfied!))),
  resolved: Int8Array.from(tickets.map((ticket) => ticket.resolved ?? -1)),
});

/** `count` rated, resolution-known tickets one hour apart from `start`, the first `good` of them satisfied and resolved. */
const run = (start: number, count: number, good: number): Ticket[] =>
  Array.from({ length: count }, (_, i) => ({ at: iso(start + i * 3_600_000), satisfied: i < good ? 1 : 0, resolved: i < good ? 1 : 0 }));

const summary = (userId: number, milestoneAt: string | null): MasterySummary => ({
  userId,
  current: { overall: milestoneAt ? 75 : 50, listening: null, empathy: null, calm: null, persuasion: null, expectations: null },
  milestoneAt,
  monthEnds: [],
});

type Agent = { milestoneAt: string | null; tickets: Ticket[] };

function input(agents: readonly Agent[], weeks = 4): BeforeAfterInput {
  const trainees: Trainee[] = agents.map((_, i) => ({ id: i + 1, email: `a${i + 1}@example.test`, name: `Agent ${i + 1}` }));
  return {
    trainees,
    summaries: new Map(agents.map((agent, i) => [i + 1, summary(i + 1, agent.milestoneAt)])),
    tickets: new Map(agents.map((agent, i) => [i + 1, indexTickets(ticketsOf(i + 1, [...agent.tickets].sort((a, b) => a.at.localeCompare(b.at))))])),
    period: PERIOD,
    weeks,
  };
}

/** An agent who reached the milestone at `at`: `before`/`after` of 20 tickets satisfied before and after. */
const trainedAgent = (at: number, before: number, after: number): Agent => ({
  milestoneAt: iso(at),
  tickets: [...run(at - 2 * WEEK_MS, 20, before), ...run(at + WEEK_MS, 20, after)],
});

describe("medianTime", () => {
  it("takes the middle time, or halfway between the two middle ones", () => {
    expect(medianTime([])).toBeNull();
    expect(medianTime(["2026-06-03T00:00:00.000Z", "2026-06-01T00:00:00.000Z", "2026-06-02T00:00:00.000Z"])).toBe("2026-06-02T00:00:00.000Z");
    expect(medianTime(["2026-06-01T00:00:00.000Z", "2026-06-02T00:00:00.000Z"])).toBe("2026-06-01T12:00:00.000Z");
  });
});

describe("buildBeforeAfter", () => {
  it("counts only milestones within the dates, and windows of exactly N weeks either side (the milestone's own moment is after)", () => {
    const at = JUNE;
    const edges: Ticket[] = [
      { at: iso(at - 2 * WEEK_MS - 1), satisfied: 1 }, // outside a two-week window
      { at: iso(at - 2 * WEEK_MS), satisfied: 1 }, // first moment of before
      { at: iso(at - 1), satisfied: 0 }, // last moment of before
      { at: iso(at), satisfied: 0 }, // first moment of after
      { at: iso(at + 2 * WEEK_MS - 1), satisfied: 1 },
      { at: iso(at + 2 * WEEK_MS), satisfied: 1 }, // outside
    ];
    const view = buildBeforeAfter(
      input(
        [
          { milestoneAt: iso(at), tickets: edges },
          { milestoneAt: "2026-04-30T23:59:59.999Z", tickets: [] }, // before the dates: in neither group
          { milestoneAt: PERIOD.to, tickets: [] }, // at the end, which is outside
        ],
        2,
      ),
    );
    expect(view.trained.agents).toBe(1);
    const [agent] = view.agents;
    expect(agent).toMatchObject({ id: 1, group: "trained", milestoneAt: iso(at), centre: iso(at) });
    expect(agent!.before).toMatchObject({ tickets: 2, rated: 2, satisfied: 1 });
    expect(agent!.after).toMatchObject({ tickets: 2, rated: 2, satisfied: 1 });
    // Neither late milestone joins the control group: they did reach it.
    expect(view.agents.map((windowed) => windowed.id)).toEqual([1]);
  });

  it("needs enough rated tickets in each window for CSAT, and enough known resolutions for resolution, counting those left out", () => {
    const unrated = (start: number, count: number): Ticket[] => run(start, count, count).map((ticket) => ({ ...ticket, satisfied: -1 }));
    const view = buildBeforeAfter(
      input([
        trainedAgent(JUNE, 10, 15),
        { milestoneAt: iso(JUNE), tickets: [...run(JUNE - WEEK_MS, MIN_TICKETS_PER_WINDOW, 5), ...run(JUNE, MIN_TICKETS_PER_WINDOW - 1, 5)] },
        { milestoneAt: iso(JUNE), tickets: [...unrated(JUNE - WEEK_MS, 20), ...unrated(JUNE, 20)] },
      ]),
    );
    expect(view.agents.map((agent) => [agent.id, agent.inCsat, agent.inResolution])).toEqual([
      [1, true, true],
      [2, false, false],
      [3, false, true],
    ]);
    expect(view.trained.csat).toMatchObject({ n: 1, tooFew: 2, meanBefore: 50, meanAfter: 75 });
    expect(view.trained.resolution).toMatchObject({ n: 2, tooFew: 1 });
  });

  it("says too early below the minimum, withholding the change, and gives a verdict at the minimum", () => {
    const agents = (count: number) => Array.from({ length: count }, (_, i) => trainedAgent(JUNE + i * DAY, 8 + (i % 3), 14 + (i % 2)));
    const early = buildBeforeAfter(input(agents(MIN_AGENTS_FOR_BEFORE_AFTER - 1)));
    expect(early.trained.csat.reading).toEqual({ kind: "too-early", n: MIN_AGENTS_FOR_BEFORE_AFTER - 1, minN: MIN_AGENTS_FOR_BEFORE_AFTER });
    expect(early.trained.csat.change).toBeNull();
    expect(early.trained.csat.meanAfter).not.toBeNull();

    const enough = buildBeforeAfter(input(agents(MIN_AGENTS_FOR_BEFORE_AFTER)));
    expect(enough.trained.csat.reading).toEqual({ kind: "better" });
    expect(enough.trained.csat.change?.n).toBe(MIN_AGENTS_FOR_BEFORE_AFTER);
    expect(enough.trained.csat.change?.meanDiff).toBeCloseTo(enough.trained.csat.meanAfter! - enough.trained.csat.meanBefore!, 9);
  });

  it("compares a control group of agents who never reached the milestone, over windows around the median milestone", () => {
    const milestones = [JUNE, JUNE + 10 * DAY, JUNE + 30 * DAY];
    const centre = JUNE + 10 * DAY;
    const view = buildBeforeAfter(
      input([
        ...milestones.map((at) => trainedAgent(at, 10, 16)),
        // Never reached it: tickets around the centre, not around any milestone of their own.
        { milestoneAt: null, tickets: [...run(centre - 3 * WEEK_MS, 20, 10), ...run(centre + 2 * WEEK_MS, 20, 11)] },
        // Never reached it and answered no customer near the centre: not in the control group.
        { milestoneAt: null, tickets: run(centre + 10 * WEEK_MS, 20, 10) },
      ]),
    );
    expect(view.control.centre).toBe(iso(centre));
    expect(view.control.agents).toBe(1);
    const control = view.agents.find((agent) => agent.group === "control")!;
    expect(control).toMatchObject({ id: 4, milestoneAt: null, centre: iso(centre), inCsat: true });
    expect(control.before.tickets).toBe(20);
    expect(control.after.tickets).toBe(20);
    expect(view.control.csat).toMatchObject({ n: 1, meanBefore: 50 });
    expect(view.control.csat.meanAfter).toBeCloseTo(55, 9);
    // One control agent is far below the minimum: no comparison of the two groups' changes.
    expect(view.versusControl.csat).toEqual({ welch: null, reading: { kind: "too-early", n: 1, minN: MIN_AGENTS_FOR_BEFORE_AFTER } });
  });

  it("sets the trained agents' change against the control group's (Welch) once both groups are large enough", () => {
    const trained = Array.from({ length: 9 }, (_, i) => trainedAgent(JUNE + i * DAY, 8 + (i % 3), 16 + (i % 2)));
    const centre = JUNE + 4 * DAY;
    const control = Array.from({ length: 8 }, (_, i): Agent => ({ milestoneAt: null, tickets: [...run(centre - WEEK_MS, 20, 9 + (i % 2)), ...run(centre + WEEK_MS, 20, 9 + (i % 3))] }));
    const view = buildBeforeAfter(input([...trained, ...control]));
    expect(view.control.csat.n).toBe(8);
    expect(view.versusControl.csat.reading).toEqual({ kind: "better" });
    const trainedChange = view.trained.csat.meanAfter! - view.trained.csat.meanBefore!;
    const controlChange = view.control.csat.meanAfter! - view.control.csat.meanBefore!;
    expect(view.versusControl.csat.welch?.meanDiff).toBeCloseTo(trainedChange - controlChange, 9);
  });

  it("has no control group when nobody reached the milestone within the dates", () => {
    const view = buildBeforeAfter(input([{ milestoneAt: null, tickets: run(JUNE, 30, 10) }]));
    expect(view.control.centre).toBeNull();
    expect(view.agents).toEqual([]);
    expect(view.trained.csat.reading.kind).toBe("too-early");
  });
});
