import { outcomesByMonth, traineeHistoriesInScope, type PeriodStat, type Scope } from "~/models/analytics.server";
import { averageMasteryByMonth, masteryTrajectory, meanMastery } from "./mastery";

export type OutcomesView = {
  /** Per month, beside CSAT and resolution: the team's average mastery at the month's end. */
  months: (PeriodStat & { mastery: number | null })[];
  trainees: { id: number; name: string; mastery: number; csat: number }[];
  /** Pearson correlation of mastery and average CSAT across trainees; null below three trainees. */
  correlation: number | null;
  strength: CorrelationStrength | null;
  /** The number of trainees below which the page calls the correlation a hint, when there are fewer. */
  fewTrainees: number | null;
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

/** How a correlation reads in words (the usual rough bands for |r|), for the written summary. */
export type CorrelationStrength = "strong" | "moderate" | "weak" | "none" | "negative";

export function correlationStrength(r: number): CorrelationStrength {
  if (r <= -0.2) return "negative";
  if (r >= 0.5) return "strong";
  if (r >= 0.3) return "moderate";
  if (r >= 0.1) return "weak";
  return "none";
}

/** Below this many trainees, a correlation is a hint, not evidence, and the page says so. */
export const FEW_TRAINEES = 10;

export async function buildOutcomes(scope: Scope): Promise<OutcomesView> {
  const [months, histories] = await Promise.all([outcomesByMonth(scope), traineeHistoriesInScope(scope)]);
  // Each trainee's mastery after every attempt, worked out once for the months and the dots alike.
  const timelines = histories.map(({ scores }) => masteryTrajectory(scores).map((mastery, i) => ({ endedAt: scores[i]!.ended_at, mastery })));
  const masteryByMonth = averageMasteryByMonth(timelines, months.map((month) => month.period));
  const trainees = histories.flatMap((history, i) => {
    const current = timelines[i]!.at(-1);
    const mastery = current ? meanMastery(current.mastery) : null;
    return mastery === null ? [] : [{ id: history.userId, name: history.name, mastery, csat: Math.round(history.avgCsat * 100) / 100 }];
  });
  const correlation = pearson(
    trainees.map((t) => t.mastery),
    trainees.map((t) => t.csat),
  );
  return {
    months: months.map((month) => ({ ...month, mastery: masteryByMonth.get(month.period) ?? null })),
    trainees,
    correlation,
    strength: correlation === null ? null : correlationStrength(correlation),
    fewTrainees: trainees.length < FEW_TRAINEES ? FEW_TRAINEES : null,
  };
}
