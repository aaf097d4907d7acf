import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Skill } from "~/domain/vocabulary";
import type { Conversation } from "./history";
import { NO_CHANGES, type GameSettings } from "./settings";
import { at, conversation, noScores } from "./testing";
import { awardXp, BEST_REPLY_XP, DAILY_CAP, emptyLedger, FAIR_REPLY_XP, HANDLED_WELL_AT, MASTERY_POINT_XP, REPLAY_PERCENTS, rulesText, type XpLedger } from "./xp";

const NO_CAP: GameSettings = { dailyCap: [{ from: "2000-01-01", value: 100_000 }], weeklyGoal: [] };
const mastery = (values: Partial<Record<Skill, number>> = {}) => ({ ...noScores(), ...values });

/** Awards a series in order and returns each award. */
function awards(conversations: Conversation[], masteries: Record<Skill, number | null>[] = [], settings: GameSettings = NO_CAP) {
  let ledger: XpLedger = emptyLedger();
  return conversations.map((c, i) => {
    const result = awardXp(ledger, c, masteries[i] ?? mastery(), settings);
    ledger = result.ledger;
    return result.award;
  });
}

describe("the published numbers", () => {
  it("are the ones content/how-xp-works.md explains", () => {
    expect([BEST_REPLY_XP, FAIR_REPLY_XP, MASTERY_POINT_XP, HANDLED_WELL_AT, DAILY_CAP]).toEqual([10, 5, 1, 80, 400]);
    expect(REPLAY_PERCENTS).toEqual([50, 25, 10]);
  });
});

describe("reply XP", () => {
  it("pays best and fair replies and nothing for poor ones", () => {
    const [award] = awards([conversation({ replies: { best: 4, fair: 2, poor: 3 } })]);
    expect(award!.lines).toEqual([
      { reason: "best-replies", count: 4, points: 40 },
      { reason: "fair-replies", count: 2, points: 10 },
    ]);
    expect(award!.total).toBe(50);
  });

  it("pays nothing for a conversation of poor replies, and shows no empty lines", () => {
    expect(awards([conversation({ replies: { best: 0, fair: 0, poor: 6 } })])[0]).toMatchObject({ lines: [], total: 0 });
  });

  it("takes the reply points back, on a line of their own, when the replies came faster than reading", () => {
    const [award] = awards([conversation({ rushed: true, replies: { best: 5, fair: 0, poor: 1 } })], [mastery({ calm: 30 })]);
    expect(award!.lines.map((line) => [line.reason, line.points])).toEqual([
      ["best-replies", 50],
      ["rushed", -50],
      ["mastery-high", 30],
    ]);
    expect(award!.total).toBe(30);
  });
});

describe("mastery XP", () => {
  it("pays each point of a new high, counting the first assessment from 0", () => {
    const [first, second] = awards([conversation(), conversation()], [mastery({ calm: 62, empathy: 40 }), mastery({ calm: 70, empathy: 40 })]);
    expect(first!.lines).toEqual([
      { reason: "mastery-high", skill: "empathy", from: 0, to: 40, points: 40 },
      { reason: "mastery-high", skill: "calm", from: 0, to: 62, points: 62 },
    ]);
    expect(second!.lines).toEqual([{ reason: "mastery-high", skill: "calm", from: 62, to: 70, points: 8 }]);
  });

  it("pays nothing for a dip and a recovery, only for passing the old high", () => {
    const path = [70, 55, 62, 70, 73].map((calm) => mastery({ calm }));
    const totals = awards(path.map(() => conversation()), path).map((award) => award.total);
    expect(totals).toEqual([70, 0, 0, 0, 3]);
  });
});

describe("replays of a scenario handled well", () => {
  const replay = (overall: number, best = 7, scenarioId = "parcel-third-call") => conversation({ scenarioId, overall, replies: { best, fair: 0, poor: 0 } });

  it("earn a shrinking share of reply XP, rounded down, down to nothing", () => {
    const series = awards([replay(85), replay(85), replay(85), replay(85), replay(85), replay(85)]);
    expect(series.map((award) => award.total)).toEqual([70, 35, 17, 7, 0, 0]);
    expect(series[2]!.lines).toContainEqual({ reason: "replay", replay: 2, percent: 25, points: -53 });
    expect(series[5]!.lines).toContainEqual({ reason: "replay", replay: 5, percent: 0, points: -70 });
  });

  it("start counting only once the best overall reaches 80, not at 79", () => {
    expect(awards([replay(79), replay(79), replay(79)]).map((award) => award.total)).toEqual([70, 70, 70]);
    expect(awards([replay(79), replay(80), replay(60)]).map((award) => award.total)).toEqual([70, 70, 35]);
  });

  it("go by the best result so far, so a weak replay does not reset them", () => {
    expect(awards([replay(90), replay(30), replay(90)]).map((award) => award.total)).toEqual([70, 35, 17]);
  });

  it("are counted per scenario", () => {
    expect(awards([replay(90), replay(90, 7, "other"), replay(90, 7, "other"), replay(90)]).map((award) => award.total)).toEqual([70, 70, 35, 35]);
  });

  it("still pay a new mastery high in full", () => {
    const series = awards([replay(90), replay(90), replay(90), replay(90), replay(90)], [mastery({ calm: 90 }), mastery({ calm: 90 }), mastery({ calm: 90 }), mastery({ calm: 90 }), mastery({ calm: 94 })]);
    expect(series[4]!.lines.filter((line) => line.points > 0).map((line) => line.reason)).toEqual(["best-replies", "mastery-high"]);
    expect(series[4]!.total).toBe(4);
  });
});

describe("the daily cap", () => {
  const big = (endedAt: string) => conversation({ endedAt, replies: { best: 30, fair: 0, poor: 0 } }); // 300 XP

  it("stops a day's XP at the cap and shows what it held back as its own line", () => {
    const series = awards([big(at(0)), big(at(30)), big(at(60))], [], NO_CHANGES);
    expect(series.map((award) => award.total)).toEqual([300, 100, 0]);
    expect(series[1]!.lines.at(-1)).toEqual({ reason: "daily-cap", cap: 400, points: -200 });
    expect(series[2]!.lines.at(-1)).toEqual({ reason: "daily-cap", cap: 400, points: -300 });
  });

  it("counts UTC days: a minute after midnight is a new day", () => {
    const series = awards([big("2026-03-02T23:59:00Z"), big("2026-03-02T23:59:30Z"), big("2026-03-03T00:01:00Z")], [], NO_CHANGES);
    expect(series.map((award) => [award.day, award.total])).toEqual([
      ["2026-03-02", 300],
      ["2026-03-02", 100],
      ["2026-03-03", 300],
    ]);
  });

  it("uses the cap in force on each day, so a change never reaches back", () => {
    const settings: GameSettings = { dailyCap: [{ from: "2026-03-03", value: 120 }], weeklyGoal: [] };
    const series = awards([big("2026-03-02T12:00:00Z"), big("2026-03-03T12:00:00Z")], [], settings);
    expect(series.map((award) => award.total)).toEqual([300, 120]);
  });

  it("holds on any day: lines add up to the total, and no day passes its cap", () => {
    const conversations = fc.array(
      fc.record({
        minutes: fc.integer({ min: 0, max: 60 * 24 * 4 }),
        best: fc.nat(20),
        fair: fc.nat(20),
        overall: fc.integer({ min: 0, max: 100 }),
        scenario: fc.constantFrom("a", "b", "c"),
        calm: fc.integer({ min: 0, max: 100 }),
        rushed: fc.boolean(),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(conversations, fc.integer({ min: 0, max: 500 }), (drawn, cap) => {
        const sorted = [...drawn].sort((a, b) => a.minutes - b.minutes);
        const series = awards(
          sorted.map((d) => conversation({ endedAt: at(d.minutes), scenarioId: d.scenario, overall: d.overall, rushed: d.rushed, replies: { best: d.best, fair: d.fair, poor: 0 } })),
          sorted.map((d) => mastery({ calm: d.calm })),
          { dailyCap: [{ from: "2000-01-01", value: cap }], weeklyGoal: [] },
        );
        const perDay = new Map<string, number>();
        for (const award of series) {
          expect(award.lines.reduce((sum, line) => sum + line.points, 0)).toBe(award.total);
          expect(award.total).toBeGreaterThanOrEqual(0);
          perDay.set(award.day, (perDay.get(award.day) ?? 0) + award.total);
        }
        for (const total of perDay.values()) expect(total).toBeLessThanOrEqual(cap);
      }),
    );
  });
});

describe("rulesText", () => {
  it("states the rules' numbers and the cap in force", () => {
    const rules = new Map(rulesText(250).map((rule) => [rule.id, rule.values]));
    expect(rules.get("best-reply")).toEqual({ points: 10 });
    expect(rules.get("fair-reply")).toEqual({ points: 5 });
    expect(rules.get("replays")).toEqual({ score: 80, replay1: 50, replay2: 25, replay3: 10, later: 0 });
    expect(rules.get("daily-cap")).toEqual({ cap: 250 });
    expect(rulesText().find((rule) => rule.id === "daily-cap")?.values).toEqual({ cap: 400 });
  });
});
