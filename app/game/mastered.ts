/**
 * "Mastered": the goal of practice for each skill. Mastery is the app's one rule (the mean of the
 * last MASTERY_WINDOW assessed scores, rounded, as in analytics/mastery.ts); a skill is mastered
 * when that mean is at least MASTERED_AT and rests on at least MASTERED_MIN_CONVERSATIONS
 * assessed conversations, so one lucky conversation is not mastery.
 */
import { MASTERY_WINDOW } from "~/analytics/mastery";
import { SKILLS, type Skill } from "~/domain/vocabulary";

export const MASTERED_AT = 80;
export const MASTERED_MIN_CONVERSATIONS = 3;

/** What the rules keep about one skill: its latest assessed scores and how many there have been. */
export type SkillEvidence = { recent: readonly number[]; assessed: number };

export const NO_EVIDENCE: SkillEvidence = { recent: [], assessed: 0 };

export function addScore(evidence: SkillEvidence, score: number | null): SkillEvidence {
  if (score === null) return evidence;
  return { recent: [...evidence.recent, score].slice(-MASTERY_WINDOW), assessed: evidence.assessed + 1 };
}

export function masteryOf(evidence: SkillEvidence): number | null {
  const { recent } = evidence;
  return recent.length === 0 ? null : Math.round(recent.reduce((sum, score) => sum + score, 0) / recent.length);
}

export type MasteredProgress = {
  mastery: number | null;
  assessed: number;
  mastered: boolean;
  /** Mastery points still missing (0 when reached). */
  pointsToGo: number;
  /** Assessed conversations still missing (0 when reached). */
  conversationsToGo: number;
  /**
   * 0..100 for a progress bar: the share of the target mastery times the share of the evidence
   * needed, so the bar is full exactly when the skill is mastered and never moves backwards
   * while both keep rising.
   */
  percent: number;
};

export function masteredProgress(evidence: SkillEvidence): MasteredProgress {
  const mastery = masteryOf(evidence);
  const reached = Math.min(mastery ?? 0, MASTERED_AT);
  const enough = Math.min(evidence.assessed, MASTERED_MIN_CONVERSATIONS);
  const pointsToGo = Math.max(0, MASTERED_AT - (mastery ?? 0));
  const conversationsToGo = Math.max(0, MASTERED_MIN_CONVERSATIONS - evidence.assessed);
  return {
    mastery,
    assessed: evidence.assessed,
    mastered: pointsToGo === 0 && conversationsToGo === 0,
    pointsToGo,
    conversationsToGo,
    // In whole numbers, so that a full bar is exactly 100 and never 99.99…
    percent: Math.floor((100 * reached * enough) / (MASTERED_AT * MASTERED_MIN_CONVERSATIONS)),
  };
}

export type SkillsEvidence = Record<Skill, SkillEvidence>;

export const emptySkills = (): SkillsEvidence => Object.fromEntries(SKILLS.map((skill) => [skill, NO_EVIDENCE])) as SkillsEvidence;

export function addScores(skills: SkillsEvidence, scores: Record<Skill, number | null>): SkillsEvidence {
  return Object.fromEntries(SKILLS.map((skill) => [skill, addScore(skills[skill], scores[skill])])) as SkillsEvidence;
}

export function masteredSkills(skills: SkillsEvidence): Skill[] {
  return SKILLS.filter((skill) => masteredProgress(skills[skill]).mastered);
}
