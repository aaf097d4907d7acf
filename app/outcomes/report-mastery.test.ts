import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { averageMasteryByMonth, masteryTrajectory, meanMastery } from "~/analytics/mastery";
import { SKILLS, type Skill } from "~/domain/vocabulary";
import { NOT_ASSESSED, type MasteryHistory } from "~/models/outcome-report.server";
import { averageOverallByMonth, summariseMastery } from "./report-mastery";
import { MILESTONE_MASTERY } from "./report-vocabulary";

type Scores = Record<Skill, number | null>;

function historyOf(userId: number, attempts: readonly { endedAt: string; scores: Scores }[]): MasteryHistory {
  return {
    userId,
    endedAt: Float64Array.from(attempts, (attempt) => Date.parse(attempt.endedAt)),
    month: Int32Array.from(attempts, (attempt) => Number(attempt.endedAt.slice(0, 4)) * 12 + Number(attempt.endedAt.slice(5, 7)) - 1),
    scores: Int16Array.from(attempts.flatMap((attempt) => SKILLS.map((skill) => attempt.scores[skill] ?? NOT_ASSESSED))),
  };
}

const scores = (listening: number | null, empathy: number | null = null): Scores => ({ listening, empathy, calm: null, persuasion: null, expectations: null });

const day = fc.integer({ min: 0, max: 400 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString());
const attemptArb = fc.record({ endedAt: day, scores: fc.record(Object.fromEntries(SKILLS.map((skill) => [skill, fc.option(fc.integer({ min: 0, max: 100 }), { freq: 3 })])) as Record<Skill, fc.Arbitrary<number | null>>) });
const historyArb = fc.array(attemptArb, { maxLength: 40 }).map((attempts) => [...attempts].sort((a, b) => a.endedAt.localeCompare(b.endedAt)));

describe("summariseMastery", () => {
  it("agrees with masteryTrajectory and meanMastery: current mastery, the first attempt at the milestone, every month's end", () => {
    fc.assert(
      fc.property(historyArb, (attempts) => {
        const summary = summariseMastery(historyOf(1, attempts));
        const trajectory = masteryTrajectory(attempts.map((attempt) => attempt.scores));
        const last = trajectory.at(-1);
        expect(summary.current).toEqual({ overall: last ? meanMastery(last) : null, ...(last ?? Object.fromEntries(SKILLS.map((skill) => [skill, null]))) });
        const reached = trajectory.findIndex((mastery) => (meanMastery(mastery) ?? -1) >= MILESTONE_MASTERY);
        expect(summary.milestoneAt).toBe(reached < 0 ? null : attempts[reached]!.endedAt);
        const months = [...new Set(attempts.map((attempt) => attempt.endedAt.slice(0, 7)))];
        expect(summary.monthEnds).toEqual(
          months.map((period) => ({ period, overall: meanMastery(trajectory[attempts.findLastIndex((attempt) => attempt.endedAt.startsWith(period))]!) })),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("finds the milestone at the attempt that first lifts overall mastery to 70, not at a later one", () => {
    const summary = summariseMastery(
      historyOf(7, [
        { endedAt: "2026-01-05T10:00:00.000Z", scores: scores(60, 70) }, // overall 65
        { endedAt: "2026-01-20T10:00:00.000Z", scores: scores(80, null) }, // listening 70, empathy 70: 70
        { endedAt: "2026-02-02T10:00:00.000Z", scores: scores(100, 100) },
      ]),
    );
    expect(summary.milestoneAt).toBe("2026-01-20T10:00:00.000Z");
    expect(summary.monthEnds).toEqual([
      { period: "2026-01", overall: 70 },
      { period: "2026-02", overall: 83 }, // listening 80, empathy 85
    ]);
  });

  it("has no milestone and no overall mastery before any skill is assessed", () => {
    const summary = summariseMastery(historyOf(3, [{ endedAt: "2026-01-05T10:00:00.000Z", scores: scores(null) }]));
    expect(summary).toEqual({ userId: 3, current: { overall: null, ...scores(null) }, milestoneAt: null, monthEnds: [{ period: "2026-01", overall: null }] });
  });
});

describe("averageOverallByMonth", () => {
  it("agrees with averageMasteryByMonth over the full timelines", () => {
    fc.assert(
      fc.property(fc.array(historyArb, { maxLength: 6 }), (trainees) => {
        const periods = ["2025-12", "2026-01", "2026-03", "2026-06", "2027-02"];
        const timelines = trainees.map((attempts) => masteryTrajectory(attempts.map((attempt) => attempt.scores)).map((mastery, i) => ({ endedAt: attempts[i]!.endedAt, mastery })));
        const summaries = trainees.map((attempts, i) => summariseMastery(historyOf(i, attempts)));
        expect(averageOverallByMonth(summaries, periods)).toEqual(averageMasteryByMonth(timelines, periods));
      }),
      { numRuns: 200 },
    );
  });
});
