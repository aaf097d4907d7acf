import { describe, expect, it } from "vitest";
import { pearson } from "./outcomes.server";

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
