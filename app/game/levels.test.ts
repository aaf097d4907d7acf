import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LEVELS, levelFor, levelsReached } from "./levels";

describe("levels", () => {
  it("are six, in rising order, starting at 0", () => {
    expect(LEVELS.map((level) => [level.id, level.minXp])).toEqual([
      ["newcomer", 0],
      ["listener", 250],
      ["problem-solver", 750],
      ["steady-hand", 1500],
      ["trusted-adviser", 2500],
      ["mentor", 4000],
    ]);
  });

  it("are reached exactly at their threshold, not one XP below", () => {
    expect(levelFor(249)).toMatchObject({ id: "newcomer", number: 1, xpToNext: 1, percent: 99 });
    expect(levelFor(250)).toMatchObject({ id: "listener", number: 2, xpIntoLevel: 0, percent: 0, next: { id: "problem-solver", minXp: 750 } });
    expect(levelFor(3999).id).toBe("trusted-adviser");
  });

  it("show progress to the next level", () => {
    expect(levelFor(1000)).toMatchObject({ id: "problem-solver", xpIntoLevel: 250, xpToNext: 500, percent: 33 });
  });

  it("stop at the top with a full bar", () => {
    expect(levelFor(4000)).toMatchObject({ id: "mentor", number: 6, next: null, xpToNext: 0, percent: 100 });
    expect(levelFor(99_999)).toMatchObject({ id: "mentor", xpIntoLevel: 95_999 });
  });

  it("refuse XP that cannot be", () => {
    expect(() => levelFor(-1)).toThrow("XP -1 is not a whole number of at least 0");
    expect(() => levelFor(2.5)).toThrow(RangeError);
  });

  it("never go down as XP grows", () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(levelFor(low).number).toBeLessThanOrEqual(levelFor(high).number);
        expect(levelFor(low).number + levelsReached(low, high).length).toBe(levelFor(high).number);
      }),
    );
  });
});

describe("levelsReached", () => {
  it("lists every level passed between two totals, for the level-up moment", () => {
    expect(levelsReached(200, 800)).toEqual(["listener", "problem-solver"]);
    expect(levelsReached(250, 260)).toEqual([]);
    expect(levelsReached(249, 250)).toEqual(["listener"]);
  });
});
