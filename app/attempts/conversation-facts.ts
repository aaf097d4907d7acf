/**
 * What the game rules read from a finished conversation (app/game/history.ts): its replies rated
 * the way the debrief rates them, the customer's lowest mood, and whether the replies came faster
 * than they could be read. Worked out once, when the attempt ends, and stored on the attempt, so
 * that XP, badges and a rebuild never need the scenario or the engine again.
 */
import { fastRepliesOf, rateTurns } from "~/analytics/decisions";
import type { AttemptContext, Scenario } from "~/engine";

export type ConversationFacts = { best: number; fair: number; poor: number; lowestMood: number; rushed: boolean };

/** `responseMs` per turn number (1-based), as the server measured each reply. */
export function conversationFacts(scenario: Scenario, context: AttemptContext, responseMs: ReadonlyMap<number, number>): ConversationFacts {
  const turns = context.turns.map((turn, i) => ({
    turn: i + 1,
    stepId: turn.step,
    choiceId: turn.choice,
    visible: turn.visible,
    // A turn with no recorded time is treated as read: the rushed flag must never be a guess against the trainee.
    responseMs: responseMs.get(i + 1) ?? Number.MAX_SAFE_INTEGER,
  }));
  const counts = { best: 0, fair: 0, poor: 0 };
  for (const { rating } of rateTurns(scenario, turns)) if (rating) counts[rating]++;
  const lowestMood = Math.min(scenario.mood, ...context.turns.map((turn) => turn.mood));
  return { ...counts, lowestMood, rushed: fastRepliesOf(scenario, turns).flagged };
}
