import { SKILLS, type Skill } from "~/engine/types";

/** How many of the latest assessed scores make up a skill's mastery. */
export const MASTERY_WINDOW = 5;

type Scored = Record<Skill, number | null>;

/** Mastery of each skill right after one finished conversation, for trend charts. */
export type TrendPoint = { endedAt: string } & Scored;

/**
 * Mastery after each attempt, oldest first: per skill, the mean of the last five assessed scores
 * so far (null until the skill has been assessed once). The same rule as the overview's "current".
 */
export function masteryTrajectory(points: readonly Scored[]): Record<Skill, number | null>[] {
  const windows = Object.fromEntries(SKILLS.map((skill) => [skill, [] as number[]])) as Record<Skill, number[]>;
  return points.map((point) =>
    Object.fromEntries(
      SKILLS.map((skill) => {
        const window = windows[skill];
        const score = point[skill];
        if (score !== null) {
          window.push(score);
          if (window.length > MASTERY_WINDOW) window.shift();
        }
        return [skill, window.length === 0 ? null : Math.round(window.reduce((sum, value) => sum + value, 0) / window.length)];
      }),
    ) as Record<Skill, number | null>,
  );
}

/** One number for a trainee: the mean of the skills that have a mastery; null when none has. */
export function meanMastery(mastery: Record<Skill, number | null>): number | null {
  const values = SKILLS.map((skill) => mastery[skill]).filter((value): value is number => value !== null);
  return values.length === 0 ? null : Math.round(values.reduce((sum, value) => sum + value, 0) / values.length);
}

/** A trainee's mastery after each of their attempts (masteryTrajectory), with when each ended. */
export type MasteryTimeline = readonly { endedAt: string; mastery: Record<Skill, number | null> }[];

/**
 * The team's average mastery at the end of each month ("YYYY-MM", ascending): each trainee's
 * mean mastery after their last attempt so far, carried through months without practice, then
 * averaged over the trainees who have one.
 */
export function averageMasteryByMonth(timelines: readonly MasteryTimeline[], periods: readonly string[]): Map<string, number | null> {
  const totals = periods.map(() => ({ sum: 0, trainees: 0 }));
  for (const timeline of timelines) {
    let last = -1;
    periods.forEach((period, i) => {
      while (last + 1 < timeline.length && timeline[last + 1]!.endedAt.slice(0, 7) <= period) last++;
      const value = last < 0 ? null : meanMastery(timeline[last]!.mastery);
      if (value === null) return;
      totals[i]!.sum += value;
      totals[i]!.trainees++;
    });
  }
  return new Map(periods.map((period, i) => [period, totals[i]!.trainees === 0 ? null : Math.round(totals[i]!.sum / totals[i]!.trainees)]));
}
