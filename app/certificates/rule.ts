/**
 * Who has earned a certificate (issue 12): a best overall score of at least 80 on every core
 * scenario, and a mastery of at least 70 in each of the five skills. Pure: it reads a trainee's
 * attempts and the core set, and says what is met and what is still missing.
 */
import { masteryTrajectory } from "~/analytics/mastery";
import { SKILLS, type Skill } from "~/domain/vocabulary";

/** The best overall score each core scenario needs. */
export const CORE_SCORE_MIN = 80;
/** The mastery each skill needs. */
export const SKILL_MASTERY_MIN = 70;

export type CertificationAttempt = {
  id: number;
  scenarioId: string;
  status: "in-progress" | "completed" | "abandoned";
  /** ISO 8601 UTC; null while in progress. */
  endedAt: string | null;
  scores: Record<Skill, number | null>;
  overall: number | null;
};

export type CoreScenarioStanding = { scenarioId: string; best: number | null; met: boolean };
export type SkillStanding = { skill: Skill; mastery: number | null; met: boolean };

export type CertificationStanding = {
  /** Every condition holds (never with an empty core set). */
  met: boolean;
  /** In the core set's order. */
  scenarios: CoreScenarioStanding[];
  /** In the order of SKILLS. */
  skills: SkillStanding[];
};

const byEnd = (a: { id: number; endedAt: string | null }, b: { id: number; endedAt: string | null }) =>
  (a.endedAt ?? "").localeCompare(b.endedAt ?? "") || a.id - b.id;

/**
 * Mastery is the app's one rule (analytics/mastery.ts): the rounded mean of the latest assessed
 * scores of each skill over completed attempts, in the order they ended. The rounded value is the
 * one every page shows, so a trainee who sees 70 is at 70 here too. A skill never assessed has no
 * mastery, which does not meet the bar.
 */
export function certificationStanding(attempts: readonly CertificationAttempt[], coreScenarioIds: readonly string[]): CertificationStanding {
  const completed = attempts.filter((attempt) => attempt.status === "completed" && attempt.endedAt !== null).sort(byEnd);
  const scenarios = coreScenarioIds.map((scenarioId) => {
    const overalls = completed.flatMap((attempt) => (attempt.scenarioId === scenarioId && attempt.overall !== null ? [attempt.overall] : []));
    const best = overalls.length === 0 ? null : Math.max(...overalls);
    return { scenarioId, best, met: best !== null && best >= CORE_SCORE_MIN };
  });
  const mastery = masteryTrajectory(completed.map((attempt) => attempt.scores)).at(-1);
  const skills = SKILLS.map((skill) => {
    const value = mastery?.[skill] ?? null;
    return { skill, mastery: value, met: value !== null && value >= SKILL_MASTERY_MIN };
  });
  const met = scenarios.length > 0 && scenarios.every((scenario) => scenario.met) && skills.every((skill) => skill.met);
  return { met, scenarios, skills };
}
