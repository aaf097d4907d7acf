import jStat from "jstat";

/**
 * The statistics the analytics pages need, typed, over jstat. Server-side only (it would put
 * jstat in a page's JavaScript). Empty or degenerate input gives null rather than NaN, so callers
 * have one "cannot tell" value to show as a dash.
 */

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : jStat.mean(values);
}

/**
 * Pearson's correlation. With one side 0/1 (chose the best reply or not) this is the
 * point-biserial correlation. Null below two pairs or when either side never varies
 * (everyone chose the best reply, or every score is the same): there is nothing to correlate.
 */
export function correlation(a: readonly number[], b: readonly number[]): number | null {
  if (a.length !== b.length) throw new Error(`correlation needs pairs: ${a.length} and ${b.length} values`);
  if (a.length < 2) return null;
  const r = jStat.corrcoeff(a, b);
  return Number.isFinite(r) ? Math.max(-1, Math.min(1, r)) : null;
}

/** The sample (n − 1) variance; null below two values, where it is undefined. */
export function sampleVariance(values: readonly number[]): number | null {
  return values.length < 2 ? null : jStat.variance(values, true);
}

/**
 * 1-based ranks with ties given the mean of the ranks they span, which is what Spearman's rho
 * needs to stay a Pearson correlation of ranks when scores repeat (mastery is often a round number).
 */
export function averageRanks(values: readonly number[]): number[] {
  // jStat.rank keys values by their string form: NaN would share one rank with every other NaN.
  if (!values.every(Number.isFinite)) throw new RangeError("averageRanks needs finite numbers");
  return jStat.rank(values);
}

function probability(p: number): void {
  if (!(p > 0 && p < 1)) throw new RangeError(`a quantile needs 0 < p < 1, not ${p}`);
}

/** The standard normal quantile: qnorm(p). */
export function normalQuantile(p: number): number {
  probability(p);
  return jStat.normal.inv(p, 0, 1);
}

/** Student's t quantile with `df` degrees of freedom (not necessarily whole: Welch's are not): qt(p, df). */
export function studentTQuantile(p: number, df: number): number {
  probability(p);
  if (!(df > 0)) throw new RangeError(`Student's t needs df > 0, not ${df}`);
  return jStat.studentt.inv(p, df);
}

/** P(|T| ≥ |t|) for Student's t with `df` degrees of freedom: 2 × pt(−|t|, df). */
export function studentTTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) throw new RangeError(`a t test needs a t and df > 0, not ${t} and ${df}`);
  // jstat's cdf is NaN at ±Infinity (∞ − ∞ inside); the limit is certain.
  if (!Number.isFinite(t)) return 0;
  return Math.min(1, 2 * jStat.studentt.cdf(-Math.abs(t), df));
}
