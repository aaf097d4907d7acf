import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { masteryTrajectory } from "~/analytics/mastery";
import { CHANNELS, OUTCOMES, PERSONAS, SKILLS } from "~/domain/vocabulary";
import type { GameAttempt } from "./history";
import { NO_CHANGES, type GameSettings } from "./settings";
import { applyConversation, emptyGameState, rebuildGameState, summarise, type ConversationGain, type GameState } from "./rebuild";
import { at, attempt } from "./testing";

const START = "2026-01-05T00:00:00.000Z"; // a Monday
const DAY = 24 * 60;
const ASOF = at(80 * DAY, START);

const score = fc.option(fc.integer({ min: 0, max: 100 }), { nil: null, freq: 3 });
const scenarioIndex = fc.integer({ min: 0, max: 5 });

/** A random attempt; persona, channel and difficulty belong to the scenario, as in the library. */
const attemptArb: fc.Arbitrary<GameAttempt> = fc
  .record({
    scenario: scenarioIndex,
    // Whole hours over ten weeks: several attempts share a day, a week, and sometimes an end time.
    hour: fc.integer({ min: 0, max: 70 * 24 }),
    status: fc.constantFrom("completed", "completed", "completed", "abandoned", "in-progress"),
    outcome: fc.constantFrom(...OUTCOMES),
    scores: fc.record(Object.fromEntries(SKILLS.map((skill) => [skill, score])) as Record<(typeof SKILLS)[number], typeof score>),
    overall: score,
    replies: fc.record({ best: fc.nat(8), fair: fc.nat(4), poor: fc.nat(4) }),
    lowestMood: fc.integer({ min: -5, max: 5 }),
    rushed: fc.nat(7).map((n) => n === 0), // one attempt in eight
  })
  .map((drawn) => {
    const done = drawn.status === "completed";
    return attempt({
      status: drawn.status as GameAttempt["status"],
      scenarioId: `scenario-${drawn.scenario}`,
      persona: PERSONAS[drawn.scenario % PERSONAS.length],
      channel: CHANNELS[drawn.scenario % CHANNELS.length],
      difficulty: ((drawn.scenario % 3) + 1) as 1 | 2 | 3,
      endedAt: drawn.status === "in-progress" ? null : at(drawn.hour * 60, START),
      outcome: done ? drawn.outcome : null,
      scores: drawn.scores,
      overall: drawn.overall,
      replies: drawn.replies,
      lowestMood: drawn.lowestMood,
      rushed: drawn.rushed,
    });
  });

const changes = (min: number, max: number) =>
  fc.array(fc.record({ day: fc.integer({ min: 0, max: 70 }), value: fc.integer({ min, max }) }), { maxLength: 3 }).map((list) =>
    list.map(({ day, value }) => ({ from: at(day * DAY, START).slice(0, 10), value })),
  );
const settingsArb: fc.Arbitrary<GameSettings> = fc.record({ dailyCap: changes(0, 600), weeklyGoal: changes(1, 5) });

/** Finished attempts in the order they ended, with the others slipped in where they happened. */
function arrivalOrder(history: readonly GameAttempt[]): GameAttempt[] {
  const time = (a: GameAttempt) => (a.endedAt ? Date.parse(a.endedAt) : Number.MAX_SAFE_INTEGER);
  return [...history].sort((a, b) => time(a) - time(b) || a.id - b.id);
}

describe("rebuildGameState", () => {
  it("gives the same totals as applying each attempt as it ended, with the state stored as JSON between them", () => {
    fc.assert(
      fc.property(fc.array(attemptArb, { maxLength: 60 }), settingsArb, fc.array(fc.nat()), (history, settings, shuffleKeys) => {
        let state: GameState = emptyGameState();
        const gains: ConversationGain[] = [];
        for (const next of arrivalOrder(history)) {
          const applied = applyConversation(JSON.parse(JSON.stringify(state)) as GameState, next, settings);
          state = applied.state;
          if (applied.gain) gains.push(applied.gain);
        }
        const keyed = history.map((a, i) => [shuffleKeys[i] ?? i, a] as const).sort((x, y) => x[0] - y[0]);
        const rebuilt = rebuildGameState(
          keyed.map(([, a]) => a),
          settings,
          ASOF,
        );
        expect(rebuilt.conversations).toEqual(gains);
        expect(rebuilt.state).toEqual(state);
        const { state: _state, conversations: _conversations, ...totals } = rebuilt;
        expect(totals).toEqual(summarise(state, settings, ASOF));
        expect(totals.xp).toBe(gains.reduce((sum, gain) => sum + gain.award.total, 0));
      }),
    );
  });

  it("never rewrites the past: later attempts and later setting changes leave earlier XP and badges as they were", () => {
    fc.assert(
      fc.property(fc.array(attemptArb, { maxLength: 50 }), settingsArb, fc.integer({ min: 0, max: 70 * 24 }), (history, settings, cutHour) => {
        const cut = at(cutHour * 60, START);
        const before = history.filter((a) => a.endedAt !== null && Date.parse(a.endedAt) < Date.parse(cut));
        // A change dated after the cut's day, as an admin making it then would date it.
        const cutDay = cut.slice(0, 10);
        const later: GameSettings = {
          dailyCap: [...settings.dailyCap.filter((c) => c.from <= cutDay), { from: at(cutHour * 60 + DAY, START).slice(0, 10), value: 7 }],
          weeklyGoal: settings.weeklyGoal.filter((c) => c.from <= cutDay),
        };
        const early = rebuildGameState(before, { dailyCap: later.dailyCap.slice(0, -1), weeklyGoal: later.weeklyGoal }, cut);
        const full = rebuildGameState(history, later, ASOF);
        expect(full.conversations.slice(0, early.conversations.length)).toEqual(early.conversations);
        for (const badge of early.badges.filter((b) => b.earned)) {
          expect(full.badges.find((b) => b.id === badge.id)?.earned).toEqual(badge.earned);
        }
      }),
    );
  });

  it("pays mastery XP that adds up to each skill's highest mastery, by the app's own mastery rule", () => {
    fc.assert(
      fc.property(fc.array(attemptArb, { maxLength: 40 }), (history) => {
        const rebuilt = rebuildGameState(history, { dailyCap: [{ from: "2000-01-01", value: 100_000 }], weeklyGoal: [] }, ASOF);
        const finished = arrivalOrder(history).filter((a) => a.status === "completed");
        const trajectory = masteryTrajectory(finished.map((a) => a.scores));
        for (const skill of SKILLS) {
          const peak = Math.max(0, ...trajectory.map((m) => m[skill] ?? 0));
          const paid = rebuilt.conversations
            .flatMap((gain) => gain.award.lines)
            .reduce((sum, line) => sum + (line.reason === "mastery-high" && line.skill === skill ? line.points : 0), 0);
          expect(paid).toBe(peak);
        }
      }),
    );
  });

  it("leaves abandoned and unfinished attempts out entirely", () => {
    const finished = [attempt({ replies: { best: 3, fair: 0, poor: 0 } })];
    const withOthers = [...finished, attempt({ status: "abandoned", replies: { best: 9, fair: 0, poor: 0 } }), attempt({ status: "in-progress", endedAt: null, outcome: null })];
    const { state: _a, ...expected } = rebuildGameState(finished, NO_CHANGES, ASOF);
    const { state: _b, ...actual } = rebuildGameState(withOthers, NO_CHANGES, ASOF);
    expect(actual).toEqual(expected);
    expect(actual.streak.weeks.reduce((sum, week) => sum + week.finished, 0)).toBe(1);
  });

  it("refuses an attempt applied out of order, saying what to do", () => {
    const first = attempt({ endedAt: "2026-03-02T10:00:00Z" });
    const earlier = attempt({ endedAt: "2026-03-02T09:00:00Z" });
    const { state } = applyConversation(emptyGameState(), first, NO_CHANGES);
    expect(() => applyConversation(state, earlier, NO_CHANGES)).toThrow(`attempt ${earlier.id} (ended 2026-03-02T09:00:00Z) is not after attempt ${first.id}`);
    expect(() => applyConversation(state, first, NO_CHANGES)).toThrow(/rebuild from the history instead/);
  });

  it("refuses bad settings before counting anything", () => {
    expect(() => rebuildGameState([], { dailyCap: [], weeklyGoal: [{ from: "2026-01-05", value: 0 }] }, ASOF)).toThrow("weeklyGoal change 1");
  });
});

describe("farming a mastered scenario", () => {
  /** The same scenario, played perfectly `times` times, `perDay` a day. */
  const replays = (times: number, perDay: number, best = 8) =>
    Array.from({ length: times }, (_, i) =>
      attempt({
        scenarioId: "gluten-free-swap",
        endedAt: at(Math.floor(i / perDay) * DAY + (i % perDay) * 10, START),
        scores: { listening: 100, empathy: 100, calm: 100, persuasion: 100, expectations: 100 },
        overall: 100,
        outcome: "delighted",
        replies: { best, fair: 0, poor: 0 },
      }),
    );

  it("earns nothing from the fourth replay on, however many follow", () => {
    const xpAfter = (plays: number) => rebuildGameState(replays(plays, 1), NO_CHANGES, ASOF).xp;
    expect(xpAfter(4)).toBeGreaterThan(xpAfter(3)); // the third replay still keeps 10 %
    expect(xpAfter(60)).toBe(xpAfter(4));
  });

  it("is bounded by the diminishing returns and the lifetime of mastery, and each day by the cap", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 12 }), (times, perDay, best) => {
        const rebuilt = rebuildGameState(replays(times, perDay, best), NO_CHANGES, ASOF);
        // The first play in full, then 50 %, 25 % and 10 % of the replies, plus every skill's mastery once, from 0 to 100.
        const replyXp = best * 10;
        const bound = replyXp + Math.floor(replyXp / 2) + Math.floor(replyXp / 4) + Math.floor(replyXp / 10) + 5 * 100;
        expect(rebuilt.xp).toBeLessThanOrEqual(bound);
        const byDay = new Map<string, number>();
        for (const { award } of rebuilt.conversations) byDay.set(award.day, (byDay.get(award.day) ?? 0) + award.total);
        for (const total of byDay.values()) expect(total).toBeLessThanOrEqual(400);
      }),
    );
  });
});

describe("a trainee's first week", () => {
  it("adds up XP, level, streak, mastered progress and badges with their dates", () => {
    const angry = (scenarioId: string, hour: number) =>
      attempt({ scenarioId, persona: "angry", endedAt: at(hour * 60, START), outcome: "satisfied", scores: { calm: 90 }, overall: 90, replies: { best: 5, fair: 1, poor: 0 } });
    const history = [angry("on-hold-forty-minutes", 10), angry("parcel-third-call", 11), angry("pharmacy-counter-bad-day", 30)];
    const result = rebuildGameState(history, NO_CHANGES, at(3 * DAY, START));
    // Each: 5 × 10 + 1 × 5 replies; the first also calm's first high, 0 → 90.
    expect(result.conversations.map((gain) => gain.award.total)).toEqual([145, 55, 55]);
    expect(result.xp).toBe(255);
    expect(result.level.id).toBe("listener");
    expect(result.conversations.map((gain) => gain.levels)).toEqual([[], [], ["listener"]]);
    expect(result.streak).toMatchObject({ current: 1, best: 1 });
    expect(result.skills.calm).toMatchObject({ mastery: 90, assessed: 3, mastered: true });
    expect(result.badges.filter((b) => b.earned).map((b) => [b.id, b.earned?.attemptId])).toEqual([
      ["calm-under-fire", history[2]!.id],
      ["first-mastered", history[2]!.id],
    ]);
  });
});
