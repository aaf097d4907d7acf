import { describe, expect, it } from "vitest";
import {
  MIN_AGENTS_FOR_BEFORE_AFTER,
  MIN_AGENTS_FOR_CORRELATION,
  MIN_TICKETS_PER_WINDOW,
  correlationReading,
  differenceReading,
  pairedDifference,
  pearsonWithCi,
  spearmanWithCi,
  welchDifference,
  type CorrelationWithCi,
} from "./outcome-stats";

// Student (1908), "The probable error of a mean", as R's datasets::sleep: extra hours of sleep of
// ten patients under drug 1 (group 1) and drug 2 (group 2), same patients in the same order.
const SLEEP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const SLEEP_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe("the outcome page's minimum samples", () => {
  it("are the issue's", () => {
    expect([MIN_AGENTS_FOR_CORRELATION, MIN_AGENTS_FOR_BEFORE_AFTER, MIN_TICKETS_PER_WINDOW]).toEqual([10, 8, 10]);
  });
});

describe("pearsonWithCi", () => {
  it("matches a Fisher-z interval worked by hand", () => {
    // Seven agents: mastery 40…100 in steps of 10, CSAT below. Means 70 and 4.3.
    // dx = −30 −20 −10 0 10 20 30; dy = −.1 −.3 .1 −.2 −.1 .3 .3
    // Sxx = 2800, Syy = 0.34, Sxy = 3 + 6 − 1 + 0 − 1 + 6 + 9 = 22
    // r = 22 / √(2800 × 0.34) = 22 / √952 = 22 / 30.854497 = 0.713024
    // z = atanh r = ½ ln(1.713024 / 0.286976) = ½ ln 5.969226 = 0.893309
    // se = 1/√(7 − 3) = 0.5; z(0.975) = 1.959964 (normal table); half-width 0.979982
    // z ± 0.979982 = −0.086673 … 1.873291; tanh: −0.086457 … 0.953892
    // t = r √(5 / (1 − r²)) = 0.713024 × √(5 / 0.491597) = 0.713024 × 3.189191 = 2.273970, df 5;
    // the t table puts it between the two-sided .10 (2.015) and .05 (2.571) points; scipy's
    // pearsonr gives p = 0.072080 for these data.
    const result = pearsonWithCi([40, 50, 60, 70, 80, 90, 100], [4.2, 4.0, 4.4, 4.1, 4.2, 4.6, 4.6]);
    expect(result).not.toBeNull();
    expect(result!.n).toBe(7);
    expect(result!.r).toBeCloseTo(0.713024, 6);
    expect(result!.low).toBeCloseTo(-0.086457, 5);
    expect(result!.high).toBeCloseTo(0.953892, 5);
    expect(result!.p).toBeGreaterThan(0.05);
    expect(result!.p).toBeLessThan(0.1);
    expect(result!.p).toBeCloseTo(0.07208, 5);
  });

  it("matches R's cor.test on a published negative example", () => {
    // Statology, "How to Find the P-Value of Correlation Coefficient in R": cor.test(x, y) prints
    // t = -1.7885, df = 8, p-value = 0.1115, 95% CI -0.8709830 0.1434593, cor -0.5344408.
    const x = [70, 78, 90, 87, 84, 86, 91, 74, 83, 85];
    const y = [90, 94, 79, 86, 84, 83, 88, 92, 76, 75];
    const result = pearsonWithCi(x, y)!;
    expect(result.r).toBeCloseTo(-0.5344408, 6);
    expect(result.low).toBeCloseTo(-0.870983, 6);
    expect(result.high).toBeCloseTo(0.1434593, 6);
    expect(result.p).toBeCloseTo(0.1115, 4);
  });

  it("narrows the interval at a lower level and widens it at a higher one", () => {
    // Same seven agents; z(0.95) = 1.644854: half-width 0.822427, z ± it = 0.070882 … 1.715736.
    const xs = [40, 50, 60, 70, 80, 90, 100];
    const ys = [4.2, 4.0, 4.4, 4.1, 4.2, 4.6, 4.6];
    const at90 = pearsonWithCi(xs, ys, 0.9)!;
    expect(at90.low).toBeCloseTo(Math.tanh(0.070882), 5);
    expect(at90.high).toBeCloseTo(Math.tanh(1.715736), 5);
    expect(pearsonWithCi(xs, ys, 0.99)!.low).toBeLessThan(-0.086457);
  });

  it("gives a point interval and p 0 for a perfect line", () => {
    const result = pearsonWithCi([1, 2, 3, 4, 5], [2, 4, 6, 8, 10])!;
    expect(result.r).toBeCloseTo(1, 12);
    expect(result.low).toBeCloseTo(1, 6);
    expect(result.high).toBeCloseTo(1, 12);
    expect(result.p).toBeLessThan(1e-6);
  });

  it("has nothing to say below four pairs or when a side never varies", () => {
    expect(pearsonWithCi([1, 2, 3], [2, 1, 3])).toBeNull();
    expect(pearsonWithCi([1, 2, 3, 4, 5], [0.1, 0.1, 0.1, 0.1, 0.1])).toBeNull();
    expect(pearsonWithCi([70, 70, 70, 70], [4, 3, 5, 4])).toBeNull();
  });

  it("refuses NaN, infinities, unpaired input and impossible levels", () => {
    expect(() => pearsonWithCi([1, 2, Number.NaN, 4], [1, 2, 3, 4])).toThrow(/finite/);
    expect(() => pearsonWithCi([1, 2, 3, 4], [1, Infinity, 3, 4])).toThrow(/finite/);
    expect(() => pearsonWithCi([1, 2, 3, 4], [1, 2, 3])).toThrow(/pairs/);
    expect(() => pearsonWithCi([1, 2, 3, 4], [1, 3, 2, 4], 1)).toThrow(/level/);
    expect(() => pearsonWithCi([1, 2, 3, 4], [1, 3, 2, 4], 0)).toThrow(/level/);
  });
});

describe("spearmanWithCi", () => {
  // Eight agents, mastery with ties, CSAT with a tie. Hand ranking (ties take the mean rank):
  //   mastery 55 62 62  70 78 78 78 90 → 1 2.5 2.5 4 6 6 6 8
  //   CSAT   4.1 3.9 4.3 4.3 4.0 4.5 4.4 4.7 → 3 1 4.5 4.5 2 7 6 8
  // Both rank means are 4.5. Deviations: −3.5 −2 −2 −.5 1.5 1.5 1.5 3.5 and −1.5 −3.5 0 0 −2.5 2.5 1.5 3.5
  // Sxx = 39.5, Syy = 41.5, Sxy = 5.25 + 7 + 0 + 0 − 3.75 + 3.75 + 2.25 + 12.25 = 26.75
  // rho = 26.75 / √(39.5 × 41.5) = 26.75 / 40.487652 = 0.660695
  // (The no-ties shortcut 1 − 6Σd²/(n(n² − 1)) = 1 − 6 × 27.5 / 504 = 0.672619 would be wrong here.)
  // Bonett–Wright se = √((1 + 0.436518/2) / 5) = √0.243652 = 0.493611; half-width 1.959964 × it = 0.967460
  // z = atanh 0.660695 = 0.794046; z ± 0.967460 = −0.173413 … 1.761506; tanh: −0.171696 … 0.942671
  // (Fisher's se 1/√5 would give a low end of tanh(0.794046 − 0.876523) = −0.082290.)
  // t = rho √(6 / (1 − rho²)) = 2.155941, df 6; scipy's spearmanr gives p = 0.074493.
  const mastery = [55, 62, 62, 70, 78, 78, 78, 90];
  const csat = [4.1, 3.9, 4.3, 4.3, 4.0, 4.5, 4.4, 4.7];

  it("ranks ties by their mean rank and uses the Bonett–Wright interval", () => {
    const result = spearmanWithCi(mastery, csat)!;
    expect(result.n).toBe(8);
    expect(result.r).toBeCloseTo(0.660695, 6);
    expect(result.low).toBeCloseTo(-0.171696, 5);
    expect(result.high).toBeCloseTo(0.942671, 5);
    expect(result.p).toBeCloseTo(0.074493, 5);
  });

  it("only sees order: a monotone curve is a perfect rank correlation", () => {
    const xs = [1, 2, 3, 4, 5, 6];
    const cubes = xs.map((x) => x ** 3);
    expect(pearsonWithCi(xs, cubes)!.r).toBeLessThan(0.99);
    const result = spearmanWithCi(xs, cubes)!;
    expect(result.r).toBeCloseTo(1, 12);
    expect(result.high).toBeCloseTo(1, 12);
    expect(spearmanWithCi(xs, cubes.map((c) => -c))!.r).toBeCloseTo(-1, 12);
  });

  it("has nothing to say below four pairs or when every value ties", () => {
    expect(spearmanWithCi([1, 2, 3], [3, 1, 2])).toBeNull();
    expect(spearmanWithCi([80, 80, 80, 80, 80], [1, 2, 3, 4, 5])).toBeNull();
    expect(() => spearmanWithCi([1, 2, 3, Number.NaN], [1, 2, 3, 4])).toThrow(/finite/);
  });
});

describe("pairedDifference", () => {
  it("matches R's t.test(extra ~ group, data = sleep, paired = TRUE), after − before", () => {
    // R prints (group 1 − group 2): t = -4.0621, df = 9, p-value = 0.002833, 95% CI -2.4598858
    // -0.7001142, mean difference -1.58. With group 1 as before, the signs flip.
    // By hand: differences 1.2 2.4 1.3 1.3 0 1.0 1.8 0.8 4.6 1.4, sum 15.8, mean 1.58;
    // squared deviations sum to 13.616, sd = √(13.616 / 9) = 1.229995.
    const result = pairedDifference(SLEEP_1, SLEEP_2)!;
    expect(result.n).toBe(10);
    expect(result.df).toBe(9);
    expect(result.meanDiff).toBeCloseTo(1.58, 10);
    expect(result.sd).toBeCloseTo(1.229995, 6);
    expect(result.t).toBeCloseTo(4.0621, 4);
    expect(result.low).toBeCloseTo(0.7001142, 6);
    expect(result.high).toBeCloseTo(2.4598858, 6);
    expect(result.p).toBeCloseTo(0.002833, 6);
  });

  it("uses the t quantile of the asked level", () => {
    // qt(0.995, 9) = 3.249836 (t table: 3.250); se = 1.229995 / √10 = 0.388959; half-width 1.264052.
    const result = pairedDifference(SLEEP_1, SLEEP_2, 0.99)!;
    expect(result.low).toBeCloseTo(1.58 - 1.264052, 5);
    expect(result.high).toBeCloseTo(1.58 + 1.264052, 5);
  });

  it("gives a point interval when every agent changed by the same amount", () => {
    const none = pairedDifference([3, 4, 5], [3, 4, 5])!;
    expect(none).toMatchObject({ meanDiff: 0, sd: 0, low: 0, high: 0, t: 0, p: 1 });
    // 4.3 − 4.1 and 4.1 − 3.9 differ in the last bit: still no spread, not a t of 10^15.
    const same = pairedDifference([4.1, 4.3, 3.9], [4.3, 4.5, 4.1])!;
    expect(same.sd).toBe(0);
    expect(same.low).toBeCloseTo(0.2, 12);
    expect(same.high).toBeCloseTo(0.2, 12);
    expect(same.t).toBeNull();
    expect(same.p).toBeNull();
  });

  it("needs two pairs and refuses bad input", () => {
    expect(pairedDifference([4.2], [4.5])).toBeNull();
    expect(pairedDifference([], [])).toBeNull();
    expect(() => pairedDifference([4.2, 4.0], [4.5])).toThrow(/pairs/);
    expect(() => pairedDifference([4.2, Number.NaN], [4.5, 4.4])).toThrow(/finite/);
  });
});

describe("welchDifference", () => {
  it("matches R's t.test(extra ~ group, data = sleep), var.equal = FALSE", () => {
    // R prints (mean of group 1 − group 2): t = -1.8608, df = 17.776, p-value = 0.07939,
    // 95% CI -3.3654832 0.2054832, means 0.75 and 2.33. welchDifference(a, b) is mean(b) − mean(a).
    // By hand: variances 3.200556 and 4.009000, so se² = 0.320056 + 0.400900 = 0.720956,
    // se = 0.849091, df = 0.720956² / (0.320056²/9 + 0.4009²/9) = 0.519777 / 0.029240 = 17.7765.
    const result = welchDifference(SLEEP_2, SLEEP_1)!;
    expect(result.nA).toBe(10);
    expect(result.nB).toBe(10);
    expect(result.meanDiff).toBeCloseTo(-1.58, 10);
    expect(result.se).toBeCloseTo(0.849091, 6);
    expect(result.df).toBeCloseTo(17.776, 3);
    expect(result.t).toBeCloseTo(-1.8608, 4);
    expect(result.low).toBeCloseTo(-3.3654832, 5);
    expect(result.high).toBeCloseTo(0.2054832, 5);
    expect(result.p).toBeCloseTo(0.07939, 5);
    // Swapping the groups mirrors everything.
    const swapped = welchDifference(SLEEP_1, SLEEP_2)!;
    expect(swapped.low).toBeCloseTo(-0.2054832, 5);
    expect(swapped.t).toBeCloseTo(1.8608, 4);
  });

  it("takes groups of different sizes", () => {
    // Hand: a = 1 2 3 (mean 2, var 1), b = 2 4 6 8 (mean 5, var 20/3). se² = 1/3 + 5/3 = 2,
    // df = 4 / ((1/9)/2 + (25/9)/3) = 4 / (1/18 + 25/27) = 4 / 0.981481 = 4.075472, t = 3/√2 = 2.121320.
    const result = welchDifference([1, 2, 3], [2, 4, 6, 8])!;
    expect(result.meanDiff).toBe(3);
    expect(result.df).toBeCloseTo(4.075472, 6);
    expect(result.t).toBeCloseTo(2.12132, 6);
  });

  it("needs two in each group, and gives a point when neither varies", () => {
    expect(welchDifference([1], [2, 3, 4])).toBeNull();
    expect(welchDifference([1, 2, 3], [4])).toBeNull();
    expect(welchDifference([1, 1, 1], [2, 2, 2])).toMatchObject({ meanDiff: 1, se: 0, df: 4, low: 1, high: 1, t: null, p: null });
    expect(() => welchDifference([1, Number.NaN], [2, 3])).toThrow(/finite/);
    expect(() => welchDifference([1, 2], [2, 3], 1.5)).toThrow(/level/);
  });
});

describe("readings in plain words", () => {
  const ci = (r: number, low: number, high: number, n = 40): CorrelationWithCi => ({ r, n, low, high, p: 0.01 });

  it("calls a correlation too early, unclear, or a link of some strength", () => {
    const seven = pearsonWithCi([40, 50, 60, 70, 80, 90, 100], [4.2, 4.0, 4.4, 4.1, 4.2, 4.6, 4.6]);
    expect(correlationReading(seven, MIN_AGENTS_FOR_CORRELATION)).toEqual({ kind: "too-early", n: 7, minN: 10 });
    // r = 0.71 over seven agents, but the interval reaches below 0.
    expect(correlationReading(seven, 5)).toEqual({ kind: "no-clear-link" });
    expect(correlationReading(null, 10, 4)).toEqual({ kind: "too-early", n: 4, minN: 10 });
    expect(correlationReading(null, 10, 25)).toEqual({ kind: "no-clear-link" });
    expect(correlationReading(ci(0.62, 0.35, 0.79), 10)).toEqual({ kind: "positive", strength: "strong" });
    expect(correlationReading(ci(0.5, 0.2, 0.7), 10)).toEqual({ kind: "positive", strength: "strong" });
    expect(correlationReading(ci(-0.35, -0.6, -0.04), 10)).toEqual({ kind: "negative", strength: "moderate" });
    expect(correlationReading(ci(0.15, 0.02, 0.28), 10)).toEqual({ kind: "positive", strength: "weak" });
    expect(correlationReading(ci(0.05, 0.01, 0.09, 2000), 10)).toEqual({ kind: "no-clear-link" });
    expect(correlationReading(ci(0.4, 0, 0.7), 10)).toEqual({ kind: "no-clear-link" });
  });

  it("calls a change too early, unclear, better or worse", () => {
    const sleep = pairedDifference(SLEEP_1, SLEEP_2);
    expect(differenceReading(sleep)).toEqual({ kind: "better" });
    expect(differenceReading(pairedDifference(SLEEP_2, SLEEP_1))).toEqual({ kind: "worse" });
    expect(differenceReading(sleep, 12)).toEqual({ kind: "too-early", n: 10, minN: 12 });
    // Welch on the same data: the interval −3.37 … 0.21 spans 0.
    expect(differenceReading(welchDifference(SLEEP_1, SLEEP_2))).toEqual({ kind: "no-clear-change" });
    // The smaller group decides whether it is too early.
    expect(differenceReading(welchDifference([1, 2, 3], SLEEP_2))).toEqual({ kind: "too-early", n: 3, minN: 8 });
    expect(differenceReading(null, 8, 1)).toEqual({ kind: "too-early", n: 1, minN: 8 });
    expect(differenceReading(pairedDifference([3, 4, 5], [3, 4, 5]), 3)).toEqual({ kind: "no-clear-change" });
  });
});
