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
