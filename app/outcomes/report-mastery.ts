import { MASTERY_WINDOW } from "~/analytics/mastery";
import { SKILLS, type Skill } from "~/domain/vocabulary";
import { NOT_ASSESSED, type MasteryHistory } from "~/models/outcome-report.server";
import { MILESTONE_MASTERY, type MasteryKey } from "./report-vocabulary";


export type MasterySummary = {
  userId: number;
  /** Mastery after the last attempt: per skill (null: never assessed) and overall (null: no skill assessed). */
  current: Record<MasteryKey, number | null>;
  /** When overall mastery first reached MILESTONE_MASTERY; null when it never did. */
  milestoneAt: string | null;
  /** Overall mastery after the last attempt of each month that had one, oldest first. */
  monthEnds: { period: string; overall: number | null }[];
};

/** "YYYY-MM" of a month counted as year × 12 + month − 1. */
export function periodOf(month: number): string {
  return `${String(Math.floor(month / 12)).padStart(4, "0")}-${String((month % 12) + 1).padStart(2, "0")}`;
}

/**
 * Mastery as masteryTrajectory and meanMastery (app/analytics/mastery.ts) define it, worked out in
 * one pass over a trainee's history without an object per attempt: current mastery, the
 * milestone and the month ends, which is everything the outcomes report asks of the trajectory.
 * A test holds it to those two functions on random histories.
 */
export function summariseMastery(history: MasteryHistory): MasterySummary {
  const skills = SKILLS.length;
  const windows = SKILLS.map(() => new Int16Array(MASTERY_WINDOW));
  const filled = new Array<number>(skills).fill(0);
  const next = new Array<number>(skills).fill(0);
  const sums = new Array<number>(skills).fill(0);
  const skillMastery = (s: number) => (filled[s] === 0 ? null : Math.round(sums[s]! / filled[s]!));
  const overall = () => {
    let total = 0;
    let assessed = 0;
    for (let s = 0; s < skills; s++) {
      const value = skillMastery(s);
      if (value === null) continue;
      total += value;
      assessed++;
    }
    return assessed === 0 ? null : Math.round(total / assessed);
  };

  let milestoneAt: string | null = null;
  const monthEnds: MasterySummary["monthEnds"] = [];
  const attempts = history.endedAt.length;
  for (let i = 0; i < attempts; i++) {
    for (let s = 0; s < skills; s++) {
      const score = history.scores[i * skills + s]!;
      if (score === NOT_ASSESSED) continue;
      const window = windows[s]!;
      if (filled[s] === MASTERY_WINDOW) sums[s]! -= window[next[s]!]!;
      else filled[s]!++;
      window[next[s]!] = score;
      sums[s]! += score;
      next[s] = (next[s]! + 1) % MASTERY_WINDOW;
    }
    const month = history.month[i]!;
    const lastOfMonth = i === attempts - 1 || history.month[i + 1] !== month;
    if (milestoneAt !== null && !lastOfMonth) continue;
    const value = overall();
    if (milestoneAt === null && value !== null && value >= MILESTONE_MASTERY) milestoneAt = new Date(history.endedAt[i]!).toISOString();
    if (lastOfMonth) monthEnds.push({ period: periodOf(month), overall: value });
  }
  const current = Object.fromEntries(SKILLS.map((skill, s) => [skill, skillMastery(s)])) as Record<Skill, number | null>;
  return { userId: history.userId, current: { overall: overall(), ...current }, milestoneAt, monthEnds };
}

/**
 * The team's average mastery at each month's end ("YYYY-MM", ascending), as averageMasteryByMonth
 * defines it: each trainee's overall mastery after their last attempt so far, carried through
 * quiet months, averaged over the trainees who have one.
 */
export function averageOverallByMonth(summaries: readonly MasterySummary[], periods: readonly string[]): Map<string, number | null> {
  const totals = periods.map(() => ({ sum: 0, trainees: 0 }));
  for (const { monthEnds } of summaries) {
    let last = -1;
    periods.forEach((period, i) => {
      while (last + 1 < monthEnds.length && monthEnds[last + 1]!.period <= period) last++;
      const value = last < 0 ? null : monthEnds[last]!.overall;
      if (value === null) return;
      totals[i]!.sum += value;
      totals[i]!.trainees++;
    });
  }
  return new Map(periods.map((period, i) => [period, totals[i]!.trainees === 0 ? null : Math.round(totals[i]!.sum / totals[i]!.trainees)]));
}
