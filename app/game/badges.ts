/**
 * Badges: each one is evidence of a skill, declared as data in one table. A badge is earned when
 * enough *different* scenarios (or channels, or kinds of customer) show its evidence, so replaying
 * one scenario learnt by heart proves nothing new. A conversation answered faster than it could
 * be read is never evidence. Badges are private (the trainee and their manager); the words live
 * in the copy (app/locales/en/game.ts), which takes its numbers from `badgeValues`.
 */
import { CHANNELS, PERSONAS, SKILLS, type Outcome, type Persona, type Skill } from "~/domain/vocabulary";
import type { Conversation } from "./history";

/** A conversation as a badge sees it: the record plus the skills mastered right after it. */
export type BadgeFacts = Conversation & { masteredAfter: readonly Skill[] };

/** What a conversation must show; every condition given must hold. */
export type Evidence = {
  persona?: Persona;
  difficulty?: 1 | 2 | 3;
  skill?: { skill: Skill; atLeast: number };
  overallAtLeast?: number;
  outcomes?: readonly Outcome[];
  lowestMoodAtMost?: number;
  /** No fair or poor reply, and at least this many best ones. */
  onlyBestReplies?: number;
  masteredAtLeast?: number;
};

export type BadgeRule = {
  id: string;
  where: Evidence;
  /** How many different scenarios, channels or personas must show the evidence. */
  needed: number;
  different: "scenario" | "channel" | "persona";
};

export const BADGES = [
  { id: "calm-under-fire", where: { persona: "angry", skill: { skill: "calm", atLeast: 90 } }, needed: 3, different: "scenario" },
  { id: "straight-talker", where: { skill: { skill: "expectations", atLeast: 100 } }, needed: 5, different: "scenario" },
  { id: "good-listener", where: { skill: { skill: "listening", atLeast: 90 } }, needed: 5, different: "scenario" },
  { id: "in-their-shoes", where: { skill: { skill: "empathy", atLeast: 90 } }, needed: 5, different: "scenario" },
  { id: "good-case", where: { skill: { skill: "persuasion", atLeast: 90 } }, needed: 3, different: "scenario" },
  { id: "clear-explainer", where: { persona: "confused", overallAtLeast: 80 }, needed: 3, different: "scenario" },
  { id: "delight-everywhere", where: { outcomes: ["delighted"] }, needed: CHANNELS.length, different: "channel" },
  { id: "hard-cases", where: { difficulty: 3, overallAtLeast: 80 }, needed: PERSONAS.length, different: "persona" },
  // Mood −5 ends the conversation in escalation, so −4 is the lowest a customer can be won back from.
  { id: "turnaround", where: { lowestMoodAtMost: -4, outcomes: ["satisfied", "delighted"] }, needed: 1, different: "scenario" },
  // At least three rated replies, so a conversation that assessed almost nothing is not a clean run.
  { id: "clean-run", where: { onlyBestReplies: 3 }, needed: 1, different: "scenario" },
  { id: "first-mastered", where: { masteredAtLeast: 1 }, needed: 1, different: "scenario" },
  { id: "all-mastered", where: { masteredAtLeast: SKILLS.length }, needed: 1, different: "scenario" },
] as const satisfies readonly BadgeRule[];

export function meetsEvidence(where: Evidence, facts: BadgeFacts): boolean {
  const { replies } = facts;
  return (
    (where.persona === undefined || facts.persona === where.persona) &&
    (where.difficulty === undefined || facts.difficulty === where.difficulty) &&
    (where.skill === undefined || (facts.scores[where.skill.skill] ?? -1) >= where.skill.atLeast) &&
    (where.overallAtLeast === undefined || (facts.overall ?? -1) >= where.overallAtLeast) &&
    (where.outcomes === undefined || where.outcomes.includes(facts.outcome)) &&
    (where.lowestMoodAtMost === undefined || facts.lowestMood <= where.lowestMoodAtMost) &&
    (where.onlyBestReplies === undefined || (replies.fair === 0 && replies.poor === 0 && replies.best >= where.onlyBestReplies)) &&
    (where.masteredAtLeast === undefined || facts.masteredAfter.length >= where.masteredAtLeast)
  );
}

/** The numbers a badge's description states, taken from its definition. */
export function badgeValues(badge: BadgeRule): Record<string, number> {
  const { where } = badge;
  const values: Record<string, number> = { needed: badge.needed };
  if (where.skill) values.atLeast = where.skill.atLeast;
  if (where.overallAtLeast !== undefined) values.overall = where.overallAtLeast;
  if (where.difficulty !== undefined) values.difficulty = where.difficulty;
  if (where.lowestMoodAtMost !== undefined) values.mood = where.lowestMoodAtMost;
  if (where.onlyBestReplies !== undefined) values.replies = where.onlyBestReplies;
  if (where.masteredAtLeast !== undefined) values.mastered = where.masteredAtLeast;
  return values;
}

const keyOf = (different: BadgeRule["different"], facts: BadgeFacts) =>
  different === "channel" ? facts.channel : different === "persona" ? facts.persona : facts.scenarioId;

export type BadgeId = (typeof BADGES)[number]["id"];

export type BadgeTrack = { keys: readonly string[]; earned: { at: string; attemptId: number } | null };
/** Plain JSON, so the app may store it. */
export type BadgeProgress = Record<BadgeId, BadgeTrack>;

export const emptyBadgeProgress = (): BadgeProgress =>
  Object.fromEntries(BADGES.map((badge) => [badge.id, { keys: [], earned: null }])) as unknown as BadgeProgress;

/** Adds one conversation's evidence; returns the badges it earned, in table order. */
export function trackBadges(progress: BadgeProgress, facts: BadgeFacts): { progress: BadgeProgress; earned: BadgeId[] } {
  if (facts.rushed) return { progress, earned: [] };
  const next = { ...progress };
  const earned: BadgeId[] = [];
  for (const badge of BADGES) {
    const track = progress[badge.id];
    if (track.earned || !meetsEvidence(badge.where, facts)) continue;
    const key = keyOf(badge.different, facts);
    const keys = track.keys.includes(key) ? track.keys : [...track.keys, key];
    if (keys.length >= badge.needed) {
      // Once earned the evidence list is no longer needed; dropping it keeps stored state small.
      next[badge.id] = { keys: [], earned: { at: facts.endedAt, attemptId: facts.id } };
      earned.push(badge.id);
    } else {
      next[badge.id] = { keys, earned: null };
    }
  }
  return { progress: next, earned };
}

export type BadgeStatus = { id: BadgeId; needed: number; have: number; earned: { at: string; attemptId: number } | null };

/** Every badge in table order, with how far the trainee has come towards it. */
export function badgeStatuses(progress: BadgeProgress): BadgeStatus[] {
  return BADGES.map((badge) => {
    const track = progress[badge.id];
    return { id: badge.id, needed: badge.needed, have: track.earned ? badge.needed : track.keys.length, earned: track.earned };
  });
}
