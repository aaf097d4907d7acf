import { SKILLS, type Skill } from "~/engine/types";

/** How many of the latest assessed scores make up a skill's mastery. */
export const MASTERY_WINDOW = 5;

type Scored = Record<Skill, number | null>;

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
