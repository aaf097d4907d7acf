import { SKILLS } from "~/engine";
import { outcomesByMonth, teamOverview, type PeriodStat, type Scope } from "~/models/analytics.server";

export type OutcomesView = {
  months: PeriodStat[];
  trainees: { id: number; name: string; mastery: number; csat: number }[];
  /** Pearson correlation of mastery and average CSAT across trainees; null below three trainees. */
  correlation: number | null;
};

export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 3 || ys.length !== n) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

export async function buildOutcomes(scope: Scope): Promise<OutcomesView> {
  const [months, overview] = await Promise.all([outcomesByMonth(scope), teamOverview(scope)]);
  const trainees = overview.flatMap((row) => {
    const values = SKILLS.map((skill) => row.mastery[skill]).filter((value): value is number => value !== null);
    if (values.length === 0 || row.avgCsat === null) return [];
    return [{ id: row.id, name: row.displayName, mastery: Math.round(values.reduce((a, b) => a + b, 0) / values.length), csat: Math.round(row.avgCsat * 100) / 100 }];
  });
  return { months, trainees, correlation: pearson(trainees.map((t) => t.mastery), trainees.map((t) => t.csat)) };
}
