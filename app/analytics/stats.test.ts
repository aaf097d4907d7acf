import { describe, expect, it } from "vitest";
import { correlation, mean } from "./stats";

describe("stats over jstat", () => {
  it("means", () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([])).toBeNull();
  });

  it("gives the point-biserial correlation of a 0/1 variable, matching the textbook formula", () => {
    // Chose the best reply: 1, 1, 0, 0; rest-of-attempt scores 0.9, 0.7, 0.5, 0.3.
    // M1 = 0.8, M0 = 0.4, population sd of the scores = sqrt(0.05) = 0.22360…, p = q = 0.5:
    // r = (M1 − M0) / sd × sqrt(p q) = 0.4 / 0.22360 × 0.5 = 0.894427…
    expect(correlation([1, 1, 0, 0], [0.9, 0.7, 0.5, 0.3])).toBeCloseTo(0.894427, 6);
    // Reversed: those who chose best did worse elsewhere.
    expect(correlation([0, 0, 1, 1], [0.9, 0.7, 0.5, 0.3])).toBeCloseTo(-0.894427, 6);
  });

  it("has nothing to say when a side never varies or there are too few pairs", () => {
    expect(correlation([1, 1, 1], [0.2, 0.5, 0.9])).toBeNull();
    expect(correlation([1, 0, 1], [0.5, 0.5, 0.5])).toBeNull();
    expect(correlation([1], [0.5])).toBeNull();
    expect(() => correlation([1, 0], [0.5])).toThrow(/pairs/);
  });
});
