import { describe, expect, it } from "vitest";
import { correlationStrength, pearson } from "./outcomes.server";

describe("pearson", () => {
  it("is 1 for a perfect rising line and -1 for a falling one", () => {
    expect(pearson([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1);
    expect(pearson([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1);
  });
  it("is null when there are too few points or no spread", () => {
    expect(pearson([1, 2], [1, 2])).toBeNull();
    expect(pearson([5, 5, 5], [1, 2, 3])).toBeNull();
  });
  it("matches a worked example", () => {
    // x: 1..5, y: 2,4,5,4,5 → r = 0.7746
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(0.7746, 4);
  });
});

describe("correlationStrength", () => {
  it.each([
    [0.9, "strong"],
    [0.5, "strong"],
    [0.42, "moderate"],
    [0.15, "weak"],
    [0.05, "none"],
    [-0.1, "none"],
    [-0.35, "negative"],
  ] as const)("reads r = %s as %s", (r, words) => {
    expect(correlationStrength(r)).toBe(words);
  });
});
