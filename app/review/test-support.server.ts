// For the review tests that play through the real database: a fresh database and library, and
// whole conversations played at chosen times.
import { makeTempDir, useFreshDatabase } from "#db/test-database";
import { chooseReply } from "~/attempts/choose.server";
import { startAttempt } from "~/attempts/start.server";
import { createTrainees, useExampleLibrary } from "~/attempts/test-trainees";

export const DAY = 86_400_000;

/** 10:00 UTC (or `hour`) on the n-th day after Monday 2 March 2026. */
export const day = (n: number, hour = 10): Date => new Date(Date.parse("2026-03-02T00:00:00Z") + n * DAY + hour * 3_600_000);

/** A fresh database on the two pinned example scenarios, with `trainees` trainees; returns their ids. */
export function useReviewDatabase(trainees: number): Promise<number[]> {
  process.env.SCENARIO_CACHE_DIR = makeTempDir("frontline-cache-");
  useExampleLibrary(makeTempDir("frontline-library-"));
  return useFreshDatabase().then(() => createTrainees(trainees));
}

/** Starts a conversation at `when` and gives these replies, 20 s apart; returns the attempt's id. */
export async function playAt(userId: number, scenarioId: string, choiceIds: readonly string[], when: Date): Promise<number> {
  const attemptId = await startAttempt(userId, scenarioId, when);
  for (const [i, choiceId] of choiceIds.entries()) {
    await chooseReply({ userId, attemptId, turn: i + 1, choiceId, now: new Date(when.getTime() + (i + 1) * 20_000) });
  }
  return attemptId;
}

/**
 * Paths through parcel-third-call (app/engine/__fixtures__/shared). `twoMisses` misses `listen`
 * (a poor reply) and `options` (a trace instead of the replacement), then recovers.
 */
export const PARCEL = {
  id: "parcel-third-call",
  best: ["opening.1", "listen.1", "details.1", "options.1"],
  twoMisses: ["opening.1", "listen.2", "details.1", "options.2", "trace.1"],
  missListen: ["opening.1", "listen.2", "details.1", "options.1"],
} as const;
