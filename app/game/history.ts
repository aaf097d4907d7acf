/**
 * What the game rules read: one plain record per attempt, built by the app from what it stores
 * (the `attempts` row, its pinned scenario version, and its turns rated by the engine's
 * `rateChoice`). Only finished conversations count; abandoned and unfinished attempts never do.
 */
import type { Channel, Outcome, Persona, Skill } from "~/domain/vocabulary";
import { OUTCOMES, SKILLS } from "~/domain/vocabulary";
import type { Rating } from "~/engine/scoring";
import { GameInputError, utcDay } from "./time";

/** Rated replies of one attempt; turns that assessed nothing (rating null) are not counted. */
export type ReplyCounts = { best: number; fair: number; poor: number };

export type GameAttempt = {
  id: number;
  status: "in-progress" | "completed" | "abandoned";
  scenarioId: string;
  /** From the pinned scenario version. */
  persona: Persona;
  channel: Channel;
  difficulty: 1 | 2 | 3;
  /** ISO 8601 UTC; null while in progress. */
  endedAt: string | null;
  outcome: Outcome | null;
  scores: Record<Skill, number | null>;
  overall: number | null;
  replies: ReplyCounts;
  /** The customer's lowest mood at any point, the starting mood included (-5..5). */
  lowestMood: number;
  /** At least half the replies came faster than they could be read (analytics/reading.ts). */
  rushed: boolean;
};

/** A finished conversation: a completed attempt, with what completion guarantees. */
export type Conversation = GameAttempt & { status: "completed"; endedAt: string; outcome: Outcome };

export function countReplies(ratings: readonly (Rating | null)[]): ReplyCounts {
  const counts: ReplyCounts = { best: 0, fair: 0, poor: 0 };
  for (const rating of ratings) if (rating) counts[rating]++;
  return counts;
}

const isScore = (value: number | null) => value === null || (Number.isInteger(value) && value >= 0 && value <= 100);
const isCount = (value: number) => Number.isInteger(value) && value >= 0;

/** Whether the attempt counts for XP, streaks and badges; throws on a completed attempt with impossible data. */
export function isConversation(attempt: GameAttempt): attempt is Conversation {
  if (attempt.status !== "completed") return false;
  const problem = (what: string) => new GameInputError(`attempt ${attempt.id}: ${what}`);
  if (attempt.endedAt === null) throw problem("completed without an end time");
  utcDay(attempt.endedAt, `attempt ${attempt.id}: endedAt`);
  if (attempt.outcome === null || !OUTCOMES.includes(attempt.outcome)) throw problem(`outcome ${String(attempt.outcome)} is not an outcome`);
  for (const skill of SKILLS) {
    if (!isScore(attempt.scores[skill])) throw problem(`${skill} score ${attempt.scores[skill]} is not a whole number from 0 to 100`);
  }
  if (!isScore(attempt.overall)) throw problem(`overall ${attempt.overall} is not a whole number from 0 to 100`);
  const { best, fair, poor } = attempt.replies;
  if (![best, fair, poor].every(isCount)) throw problem(`reply counts ${best}/${fair}/${poor} are not whole numbers`);
  if (!Number.isInteger(attempt.lowestMood) || attempt.lowestMood < -5 || attempt.lowestMood > 5) throw problem(`lowest mood ${attempt.lowestMood} is not from -5 to 5`);
  return true;
}

/** Finished conversations in the order they ended (ties by id), which is the order rules apply. */
export function conversationsOf(history: readonly GameAttempt[]): Conversation[] {
  return history.filter(isConversation).sort(compareConversations);
}

/** Orders by end time, then by id; also takes the `last` a game state remembers. */
export function compareConversations(a: { id: number; endedAt: string }, b: { id: number; endedAt: string }): number {
  const at = Date.parse(a.endedAt) - Date.parse(b.endedAt);
  return at !== 0 ? at : a.id - b.id;
}
