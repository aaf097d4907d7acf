import type { TFunction } from "i18next";
import { SKILLS, type Skill } from "~/domain/vocabulary";
import "~/locales/en/lti";

/**
 * The AGS score a completion sends (Assignment and Grade Services 2.0, score publish service): the best overall score
 * so far for the resource link, or for a pathway the mean of its scenarios' best scores, where a scenario not yet
 * played counts 0, so the grade only grows as the learner goes on and never rewards skipping.
 */

export const SCORE_MEDIA_TYPE = "application/vnd.ims.lis.v1.score+json";

export type AgsScore = {
  userId: string;
  scoreGiven: number;
  scoreMaximum: 100;
  comment: string;
  timestamp: string;
  activityProgress: "InProgress" | "Completed";
  gradingProgress: "FullyGraded";
};

export type PartBest = { overall: number; scores: Record<Skill, number | null> } | null;

const round = (value: number) => Math.round(value * 100) / 100;

/** Each skill's mean over the parts that have a score for it; null when none has. */
function skillMeans(played: NonNullable<PartBest>[]): Record<Skill, number | null> {
  return Object.fromEntries(
    SKILLS.map((skill) => {
      const values = played.map((part) => part.scores[skill]).filter((value): value is number => value !== null);
      return [skill, values.length === 0 ? null : Math.round(values.reduce((sum, value) => sum + value, 0) / values.length)];
    }),
  ) as Record<Skill, number | null>;
}

/**
 * `parts` are the best attempts of the link's scenarios in order (one for a scenario link), null where none is done.
 * Null when nothing is played yet: there is no grade to send.
 */
export function agsScore(input: { subject: string; parts: readonly PartBest[]; pathway: boolean; at: Date }, t: TFunction): AgsScore | null {
  const played = input.parts.filter((part): part is NonNullable<PartBest> => part !== null);
  if (played.length === 0) return null;
  const total = input.parts.length;
  const score = round(played.reduce((sum, part) => sum + part.overall, 0) / total);
  const means = skillMeans(played);
  const skills = SKILLS.filter((skill) => means[skill] !== null)
    .map((skill) => t("lti.grade.skill", { name: t(`skills.${skill}.name`), score: means[skill] }))
    .join(", ");
  const head = input.pathway ? t("lti.grade.pathway", { score, total, played: played.length }) : t("lti.grade.scenario", { score });
  return {
    userId: input.subject,
    scoreGiven: score,
    scoreMaximum: 100,
    comment: skills ? `${head} ${t("lti.grade.skills", { skills })}` : head,
    timestamp: input.at.toISOString(),
    activityProgress: played.length === total ? "Completed" : "InProgress",
    gradingProgress: "FullyGraded",
  };
}
