/**
 * Finished conversations as the card rules read them (cards.ts `FinishedAttempt`), from storage.
 * The incremental path (one attempt, just ended) and the rebuild (all of a trainee's attempts) both
 * come through `finishedAttempt`, so a turn is rated the same way on both, and the same way the
 * debrief and scenario analytics rate it (`rateTurns`: among the replies on offer at that turn).
 */
import { rateTurns } from "~/analytics/decisions";
import { loadVersion, type PinnedVersion } from "~/attempts/version.server";
import type { AttemptSnapshot } from "~/engine";
import { findAttempt, listAttemptsOfUser, listAttemptTurns } from "~/models/attempt.server";
import type { NewReviewLogEntry } from "~/models/review-card.server";
import { userTurnLogs } from "~/models/turn-log.server";
import { cardKey, type FinishedAttempt } from "./cards";

type Meta = { attemptId: number; userId: number; scenarioId: string; scenarioHash: string; endedAt: string };
type TurnInput = { turn: number; stepId: string; choiceId: string; visible: readonly string[] };

async function versionOf(hash: string, attemptId: number): Promise<PinnedVersion> {
  const version = await loadVersion(hash);
  // The attempt's row refers to its version, so this is a damaged database, not a user's mistake.
  if (!version) throw new Error(`attempt ${attemptId}: its scenario version ${hash.slice(0, 12)} is missing`);
  return version;
}

function finishedAttempt(meta: Meta, version: PinnedVersion, turns: readonly TurnInput[]): FinishedAttempt {
  return {
    traineeId: meta.userId,
    attemptId: meta.attemptId,
    endedAt: meta.endedAt,
    turns: rateTurns(version.scenario, turns).map((rated, i) => ({
      stepId: rated.stepId,
      scenarioId: meta.scenarioId,
      scenarioHash: meta.scenarioHash,
      visibleChoiceIds: turns[i]!.visible,
      chosenId: rated.choiceId,
      rating: rated.rating,
    })),
  };
}

/** One completed attempt, or null when it is missing, abandoned or still in progress. */
export async function readFinishedAttempt(attemptId: number): Promise<FinishedAttempt | null> {
  const attempt = await findAttempt(attemptId);
  if (!attempt || attempt.status !== "completed" || !attempt.endedAt) return null;
  const [version, stored] = await Promise.all([versionOf(attempt.scenarioHash, attemptId), listAttemptTurns(attemptId)]);
  // attempt_turns holds what was chosen; the snapshot's n-th turn holds what was on offer then.
  const offered = (JSON.parse(attempt.snapshot) as AttemptSnapshot).context.turns;
  const turns = stored.map((turn, i) => {
    const record = offered[i];
    if (!record || record.step !== turn.stepId || record.choice !== turn.choiceId) {
      throw new Error(`attempt ${attemptId}, turn ${turn.turn}: its snapshot does not match the stored reply`);
    }
    return { turn: turn.turn, stepId: turn.stepId, choiceId: turn.choiceId, visible: record.visible };
  });
  return finishedAttempt({ ...attempt, attemptId: attempt.id, endedAt: attempt.endedAt }, version, turns);
}

/** Every completed attempt of a trainee, in the order they ended. */
export async function readFinishedAttempts(userId: number): Promise<FinishedAttempt[]> {
  const [logs, attempts] = await Promise.all([userTurnLogs(userId), listAttemptsOfUser(userId)]);
  const byId = new Map(attempts.map((attempt) => [attempt.id, attempt]));
  const finished: FinishedAttempt[] = [];
  for (const log of logs) {
    const attempt = byId.get(log.attemptId);
    if (!attempt?.endedAt) continue;
    const version = await versionOf(log.scenarioHash, log.attemptId);
    finished.push(finishedAttempt({ ...attempt, attemptId: attempt.id, endedAt: attempt.endedAt }, version, log.turns));
  }
  return finished.sort((a, b) => Date.parse(a.endedAt) - Date.parse(b.endedAt) || a.attemptId - b.attemptId);
}

/**
 * The log entries of a conversation's misses: the first reply that was not the best at each step
 * (per version) that assessed something — exactly the cards `cardUpdatesForAttempt` touches.
 */
export function missesOf(attempt: FinishedAttempt): NewReviewLogEntry[] {
  const seen = new Set<string>();
  const entries: NewReviewLogEntry[] = [];
  for (const turn of attempt.turns) {
    if (turn.rating === null || turn.rating === "best") continue;
    const key = cardKey({ traineeId: attempt.traineeId, scenarioHash: turn.scenarioHash, stepId: turn.stepId });
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({
      userId: attempt.traineeId,
      scenarioHash: turn.scenarioHash,
      stepId: turn.stepId,
      source: "conversation",
      attemptId: attempt.attemptId,
      chosenId: turn.chosenId,
      rating: turn.rating,
      reviewedAt: attempt.endedAt,
    });
  }
  return entries;
}
