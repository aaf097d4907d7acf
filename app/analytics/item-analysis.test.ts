import { describe, expect, it } from "vitest";
import type { Decision, RatedTurn } from "./decisions";
import { analyseItem, collectAnswers, MIN_ANSWERS_FOR_FLAGS, topThird, type Answer } from "./item-analysis";

const ORDER = ["s.1", "s.2", "s.3"];
const answer = (userId: number, choiceId: string, rest: number | null, attemptId = userId): Answer => ({ attemptId, userId, choiceId, correct: choiceId === "s.1", rest });
const times = <T>(count: number, make: (i: number) => T) => Array.from({ length: count }, (_, i) => make(i));

describe("item analysis", () => {
  it("gives facility, the point-biserial discrimination and the most popular wrong reply (hand-computed)", () => {
    // Best reply s.1 chosen by two of four; rest-of-attempt scores 0.9, 0.7 for them, 0.5, 0.3 for the others.
    // r = (M1 − M0) / σ × √(pq) = (0.8 − 0.4) / √0.05 × 0.5 = 0.894427.
    const stats = analyseItem([answer(1, "s.1", 0.9), answer(2, "s.1", 0.7), answer(3, "s.3", 0.5), answer(4, "s.2", 0.3)], ORDER, new Map());
    expect(stats.answers).toBe(4);
    expect(stats.facility).toBe(0.5);
    expect(stats.discrimination).toBeCloseTo(0.894427, 6);
    // A tie between wrong replies goes to the one offered first.
    expect(stats.popularWrong).toEqual({ choiceId: "s.2", count: 1 });
    expect(stats.counts).toEqual([
      { choiceId: "s.1", count: 2 },
      { choiceId: "s.2", count: 1 },
      { choiceId: "s.3", count: 1 },
    ]);
  });

  it("leaves answers without a rest of the attempt out of the correlation only", () => {
    const stats = analyseItem([answer(1, "s.1", 0.9), answer(2, "s.1", null), answer(3, "s.2", 0.3)], ORDER, new Map());
    expect(stats.facility).toBeCloseTo(2 / 3, 12);
    // Two pairs (1, 0.9) and (0, 0.3): a perfect correlation.
    expect(stats.discrimination).toBeCloseTo(1, 12);
  });

  it("flags nothing below the minimum number of answers, and a too-easy decision from it", () => {
    const allBest = (count: number) => times(count, (i) => answer(i + 1, "s.1", (i % 5) / 5));
    expect(analyseItem(allBest(MIN_ANSWERS_FOR_FLAGS - 1), ORDER, new Map()).flags).toBeNull();
    const stats = analyseItem(allBest(MIN_ANSWERS_FOR_FLAGS), ORDER, new Map());
    expect(stats.facility).toBe(1);
    // Everyone chose best: nothing to correlate, so not "does not separate" either.
    expect(stats.discrimination).toBeNull();
    expect(stats.flags).toEqual({ tooEasy: true, notSeparating: false, keyError: false });
    // 19 of 20 is 95 %: still too easy.
    const nineteen = [...allBest(19), answer(99, "s.2", 0.1)];
    expect(analyseItem(nineteen, ORDER, new Map()).flags?.tooEasy).toBe(true);
  });

  it("finds a possible key error among the top third by mastery (hand-computed)", () => {
    // Six trainees, mastery 90…40; each answered four times the same way. The top third (⌈6/3⌉ = 2
    // trainees: 90 and 80) always chose s.2, the middle three the best s.1, the weakest s.3.
    const mastery = new Map([[1, 90], [2, 80], [3, 70], [4, 60], [5, 50], [6, 40]]);
    const picks: Record<number, string> = { 1: "s.2", 2: "s.2", 3: "s.1", 4: "s.1", 5: "s.1", 6: "s.3" };
    const answers = [1, 2, 3, 4, 5, 6].flatMap((user) => times(4, (i) => answer(user, picks[user]!, (100 - 10 * user) / 100, user * 10 + i)));
    const stats = analyseItem(answers, ORDER, mastery);
    expect(stats.answers).toBe(24);
    expect(stats.facility).toBe(0.5);
    expect(stats.topThird).toEqual({ trainees: 2, answers: 8, best: 0, popularWrong: { choiceId: "s.2", count: 8 } });
    expect(stats.popularWrong).toEqual({ choiceId: "s.2", count: 8 });
    // x = 0,0,1,1,1,0 against rest 0.9…0.4: M1 = 0.6, M0 = 0.7, σ = √(0.175/6) = 0.170783, p = q = ½:
    // r = (0.6 − 0.7) / 0.170783 × 0.5 = −0.292770.
    expect(stats.discrimination).toBeCloseTo(-0.29277, 5);
    expect(stats.flags).toEqual({ tooEasy: false, notSeparating: true, keyError: true });
  });

  it("takes the top third as the first ⌈n/3⌉ by mastery plus anyone tied with the last of them", () => {
    expect([...topThird([1, 2, 3, 4, 5, 6], new Map([[1, 90], [2, 80], [3, 80], [4, 60], [5, 50], [6, 40]]))].sort()).toEqual([1, 2, 3]);
    expect([...topThird([1, 2, 3, 4], new Map([[1, 10], [2, 40], [3, 30], [4, 20]]))].sort()).toEqual([2, 3]);
    // No mastery, no rank.
    expect([...topThird([1, 2], new Map([[2, 50]]))]).toEqual([2]);
    expect(topThird([], new Map()).size).toBe(0);
  });

  it("collects answers per decision with the rest of the attempt as the mean of its other assessed turns", () => {
    const decision = (key: string) => ({ key }) as Decision;
    const turn = (key: string, choiceId: string, quality: number | null, rating: RatedTurn["rating"]): RatedTurn => ({
      turn: 1,
      stepId: key,
      choiceId,
      decision: decision(key),
      quality,
      rating,
    });
    const grouped = collectAnswers([
      { attemptId: 1, userId: 7, turns: [turn("a", "a.1", 1, "best"), turn("b", "b.2", 0.25, "poor"), turn("c", "c.1", null, null), turn("d", "d.1", 0.75, "fair")] },
      { attemptId: 2, userId: 8, turns: [turn("a", "a.2", 0.5, "fair")] },
    ]);
    // Decision c assessed nothing: it is not an item.
    expect([...grouped.keys()].sort()).toEqual(["a", "b", "d"]);
    expect(grouped.get("a")!.answers).toEqual([
      { attemptId: 1, userId: 7, choiceId: "a.1", correct: true, rest: 0.5 },
      { attemptId: 2, userId: 8, choiceId: "a.2", correct: false, rest: null },
    ]);
    expect(grouped.get("b")!.answers[0]!.rest).toBeCloseTo((1 + 0.75) / 2, 12);
  });
});
