import {
  averageRanks,
  correlation,
  mean,
  normalQuantile,
  sampleVariance,
  studentTQuantile,
  studentTTwoSidedP,
} from "./stats";

/**
 * The statistics behind the "real customer outcomes" page: does training mastery go with real
 * helpdesk outcomes (CSAT, first-contact resolution), and did those outcomes change after training?
 *
 * Every figure comes with a confidence interval because a team has tens of agents, not thousands:
 * a correlation of 0.7 over seven agents is still compatible with no link at all, and the page
 * must say so rather than print "0.7". The readings at the bottom turn an interval into the plain
 * words the page shows, so the words and the interval beside them can never disagree.
 *
 * Pure: no database, no node:* imports; quantiles and correlations go through ./stats (jstat).
 * Non-finite input throws: a NaN CSAT is a bug upstream, and jstat would quietly rank or average it.
 */

/** Below this many agents the page says "too early" instead of a correlation (outcomes issue). */
export const MIN_AGENTS_FOR_CORRELATION = 10;
/** Below this many agents with both a before and an after window, no before/after reading. */
export const MIN_AGENTS_FOR_BEFORE_AFTER = 8;
/** An agent's CSAT or resolution rate over fewer tickets than this in a window is noise: leave the agent out. */
export const MIN_TICKETS_PER_WINDOW = 10;

export type CorrelationWithCi = {
  /** Pearson's r, or Spearman's rho. */
  r: number;
  n: number;
  low: number;
  high: number;
  /** Two-sided, against no correlation. */
  p: number;
};

/** A t test's result when every difference is the same number (sd 0): see zeroSpread. */
type TestResult = { low: number; high: number; t: number | null; p: number | null };

export type PairedDifference = TestResult & {
  n: number;
  /** Mean of after − before. */
  meanDiff: number;
  /** Sample standard deviation of the differences. */
  sd: number;
  df: number;
};

export type WelchDifference = TestResult & {
  nA: number;
  nB: number;
  /** mean(b) − mean(a). */
  meanDiff: number;
  se: number;
  /** Welch–Satterthwaite degrees of freedom, not a whole number in general. */
  df: number;
};

export type Strength = "weak" | "moderate" | "strong";

export type CorrelationReading =
  | { kind: "too-early"; n: number; minN: number }
  | { kind: "no-clear-link" }
  | { kind: "positive" | "negative"; strength: Strength };

export type DifferenceReading =
  | { kind: "too-early"; n: number; minN: number }
  | { kind: "no-clear-change" }
  | { kind: "better" }
  | { kind: "worse" };

function requireFinite(what: string, values: readonly number[]): void {
  if (!values.every(Number.isFinite)) throw new RangeError(`${what} needs finite numbers`);
}

function requirePairs(what: string, xs: readonly number[], ys: readonly number[]): void {
  if (xs.length !== ys.length) throw new Error(`${what} needs pairs: ${xs.length} and ${ys.length} values`);
  requireFinite(what, xs);
  requireFinite(what, ys);
}

/** The upper quantile's probability for a two-sided interval at `level`. */
function upperTail(level: number): number {
  if (!(level > 0 && level < 1)) throw new RangeError(`a confidence level is between 0 and 1, not ${level}`);
  return 1 - (1 - level) / 2;
}

// Exact equality, not a variance test: the mean of [0.1, 0.1, 0.1] is not exactly 0.1, so the
// variance of a constant side can come out as 1e-34 and jstat would divide by it.
function constant(values: readonly number[]): boolean {
  return values.every((v) => v === values[0]);
}

// Differences of decimals such as 4.3 − 4.1 and 4.5 − 4.3 differ in the last bit, which makes an
// sd of 1e-16 and a t of 1e15 out of "every agent gained 0.2". Spreads this far below the data's
// own magnitude are rounding, not variation.
function negligible(spread: number, values: readonly number[]): boolean {
  return spread <= 1e-9 * Math.max(1, ...values.map(Math.abs));
}

function withFisherCi(r: number, n: number, se: number, level: number): CorrelationWithCi {
  const z = Math.atanh(r);
  const half = normalQuantile(upperTail(level)) * se;
  // |r| = 1 gives t = ±Infinity and z = ±Infinity: p 0 and the interval [r, r], the exact limits.
  const t = r * Math.sqrt((n - 2) / (1 - r * r));
  return { r, n, low: Math.tanh(z - half), high: Math.tanh(z + half), p: studentTTwoSidedP(t, n - 2) };
}

/**
 * Pearson's r with a Fisher-z interval (se 1/√(n − 3)) and the t test's two-sided p (n − 2 df),
 * as R's cor.test. Null below four pairs (no interval: n − 3 must be positive) or when either
 * side never varies.
 */
export function pearsonWithCi(xs: readonly number[], ys: readonly number[], level = 0.95): CorrelationWithCi | null {
  requirePairs("pearsonWithCi", xs, ys);
  upperTail(level);
  if (xs.length < 4 || constant(xs) || constant(ys)) return null;
  const r = correlation(xs, ys);
  return r === null ? null : withFisherCi(r, xs.length, 1 / Math.sqrt(xs.length - 3), level);
}

/**
 * Spearman's rho (Pearson's r of the average ranks, so tied scores are handled exactly) with a
 * Fisher-z interval. Same nulls as pearsonWithCi.
 *
 * The interval's standard error is Bonett & Wright's (2000) √((1 + rho²/2)/(n − 3)), not Fisher's
 * 1/√(n − 3): ranks vary more from sample to sample than Pearson's r on normal data, so Fisher's
 * error gives intervals that miss the true rho more often than they claim, most of all for the
 * strong correlations that the page would call a link; Bonett & Wright's simulations keep it close
 * to the nominal level for |rho| up to about 0.9, at the same cost.
 *
 * The p value is the t approximation with n − 2 df (R's cor.test does the same once there are
 * ties, scipy's spearmanr always): an exact permutation p needs no ties, and mastery ties often.
 */
export function spearmanWithCi(xs: readonly number[], ys: readonly number[], level = 0.95): CorrelationWithCi | null {
  requirePairs("spearmanWithCi", xs, ys);
  upperTail(level);
  const n = xs.length;
  if (n < 4 || constant(xs) || constant(ys)) return null;
  const rho = correlation(averageRanks(xs), averageRanks(ys));
  return rho === null ? null : withFisherCi(rho, n, Math.sqrt((1 + (rho * rho) / 2) / (n - 3)), level);
}

/**
 * Student's t interval and two-sided p for `diff` with standard error `se`.
 *
 * When every difference is the same (no spread), the t statistic is 0/0 or x/0: there is no error
 * to scale by. The interval is the single value observed, and the test says "no change at all"
 * (t 0, p 1) when that value is 0; otherwise t and p are null, not 0, because two agents who each
 * gained exactly 5 points are not proof beyond doubt; the sample size check in differenceReading
 * is what guards that reading.
 */
function tTest(diff: number, se: number, df: number, level: number, zeroSpread: boolean): TestResult {
  if (zeroSpread) return { low: diff, high: diff, t: diff === 0 ? 0 : null, p: diff === 0 ? 1 : null };
  const half = studentTQuantile(upperTail(level), df) * se;
  const t = diff / se;
  return { low: diff - half, high: diff + half, t, p: studentTTwoSidedP(t, df) };
}

/**
 * Paired change (after − before, agent by agent) with Student's t interval on n − 1 df, as R's
 * t.test(after, before, paired = TRUE). Null below two pairs (no sd). See tTest for sd 0.
 */
export function pairedDifference(
  before: readonly number[],
  after: readonly number[],
  level = 0.95,
): PairedDifference | null {
  requirePairs("pairedDifference", before, after);
  upperTail(level);
  const n = before.length;
  if (n < 2) return null;
  const diffs = after.map((value, i) => value - before[i]!);
  const meanDiff = mean(diffs)!;
  const spread = Math.sqrt(sampleVariance(diffs)!);
  const zeroSpread = negligible(spread, [...before, ...after]);
  const sd = zeroSpread ? 0 : spread;
  const df = n - 1;
  return { n, meanDiff, sd, df, ...tTest(meanDiff, sd / Math.sqrt(n), df, level, zeroSpread) };
}

/**
 * mean(b) − mean(a) with Welch's interval (unequal variances, Welch–Satterthwaite df), as R's
 * t.test(b, a). For the trained group's change against a control group's: the groups differ in
 * size and spread, which Student's pooled test assumes away. Null when either group has fewer
 * than two values. When neither group varies, Welch's df is 0/0; it is given as nA + nB − 2, its
 * value for equal spreads, and the interval is the point (see tTest).
 */
export function welchDifference(a: readonly number[], b: readonly number[], level = 0.95): WelchDifference | null {
  requireFinite("welchDifference", a);
  requireFinite("welchDifference", b);
  upperTail(level);
  const nA = a.length;
  const nB = b.length;
  if (nA < 2 || nB < 2) return null;
  const vA = sampleVariance(a)! / nA;
  const vB = sampleVariance(b)! / nB;
  const zeroSpread = negligible(Math.sqrt(vA + vB), [...a, ...b]);
  const se = zeroSpread ? 0 : Math.sqrt(vA + vB);
  const df = zeroSpread ? nA + nB - 2 : (vA + vB) ** 2 / (vA ** 2 / (nA - 1) + vB ** 2 / (nB - 1));
  const meanDiff = mean(b)! - mean(a)!;
  return { nA, nB, meanDiff, se, df, ...tTest(meanDiff, se, df, level, zeroSpread) };
}

/**
 * A correlation in plain words. Too early below `minN` agents; otherwise a link only when the
 * interval excludes 0. `n` is only read when `result` is null (pearsonWithCi and spearmanWithCi
 * do not say how many pairs they refused); with enough agents, a null result means one side never
 * varied, and nothing can be linked to a constant.
 *
 * Strength bands are Cohen's .1/.3/.5. A correlation under .1 whose interval excludes 0 (that takes
 * hundreds of agents) is still "no clear link": it explains under 1% of the variation, and "weak
 * link" would invite a manager to act on it.
 */
export function correlationReading(
  result: CorrelationWithCi | null,
  minN: number = MIN_AGENTS_FOR_CORRELATION,
  n = 0,
): CorrelationReading {
  const count = result?.n ?? n;
  if (count < minN) return { kind: "too-early", n: count, minN };
  if (result === null || (result.low <= 0 && result.high >= 0)) return { kind: "no-clear-link" };
  const size = Math.abs(result.r);
  if (size < 0.1) return { kind: "no-clear-link" };
  const strength: Strength = size >= 0.5 ? "strong" : size >= 0.3 ? "moderate" : "weak";
  return { kind: result.r > 0 ? "positive" : "negative", strength };
}

/**
 * A change in plain words, for outcomes where higher is better (CSAT, first-contact resolution;
 * negate a lower-is-better measure first). Too early below `minN` agents (for a Welch comparison,
 * the smaller group); otherwise a change only when the interval excludes 0. `n` is only read when
 * `result` is null.
 */
export function differenceReading(
  result: PairedDifference | WelchDifference | null,
  minN: number = MIN_AGENTS_FOR_BEFORE_AFTER,
  n = 0,
): DifferenceReading {
  const count = result === null ? n : "nA" in result ? Math.min(result.nA, result.nB) : result.n;
  if (result === null || count < minN) return { kind: "too-early", n: count, minN };
  if (result.low > 0) return { kind: "better" };
  if (result.high < 0) return { kind: "worse" };
  return { kind: "no-clear-change" };
}
