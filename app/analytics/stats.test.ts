import { describe, expect, it } from "vitest";
import {
  averageRanks,
  correlation,
  mean,
  normalQuantile,
  sampleVariance,
  studentTQuantile,
  studentTTwoSidedP,
} from "./stats";

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

  it("gives the sample variance and mean ranks", () => {
    // Σ(x − 2.5)² over 1…4 = 2.25 + 0.25 + 0.25 + 2.25 = 5, over n − 1 = 3.
    expect(sampleVariance([1, 2, 3, 4])).toBeCloseTo(5 / 3, 12);
    expect(sampleVariance([7])).toBeNull();
    // jstat's documentation example: ties share the mean of the ranks they span.
    expect(averageRanks([1, 2, 2, 3])).toEqual([1, 2.5, 2.5, 4]);
    expect(averageRanks([30, 10, 20, 10])).toEqual([4, 1.5, 3, 1.5]);
    expect(() => averageRanks([1, Number.NaN])).toThrow(/finite/);
  });

  it("gives the normal and t quantiles of the printed tables", () => {
    // Normal table: z(0.975) = 1.959964; t table: t(0.975, 10) = 2.228139, t(0.995, 9) = 3.249836.
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959964, 6);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228139, 6);
    expect(studentTQuantile(0.995, 9)).toBeCloseTo(3.249836, 6);
    // Many degrees of freedom: t tends to the normal (t table's ∞ row: 1.960).
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.959964, 4);
    expect(() => normalQuantile(1)).toThrow(/0 < p < 1/);
    expect(() => studentTQuantile(0.975, 0)).toThrow(/df/);
  });

  it("gives two-sided t test p values", () => {
    // The table's 5% two-sided point for 10 df, read back.
    expect(studentTTwoSidedP(2.228139, 10)).toBeCloseTo(0.05, 6);
    expect(studentTTwoSidedP(-2.228139, 10)).toBeCloseTo(0.05, 6);
    expect(studentTTwoSidedP(0, 5)).toBe(1);
    expect(studentTTwoSidedP(Infinity, 3)).toBe(0);
    expect(() => studentTTwoSidedP(Number.NaN, 3)).toThrow();
  });
});
