import type { AttemptSnapshot } from "~/engine";
import { findAttempt, type Attempt } from "~/models/attempt.server";
import { AttemptError } from "./errors";
import { loadVersion, type PinnedVersion } from "./version.server";

export type OwnAttempt = { attempt: Attempt; version: PinnedVersion; snapshot: AttemptSnapshot };

/**
 * The attempt with its pinned version, if it belongs to `userId`. Someone else's attempt answers
 * exactly like a missing one, so its existence is not revealed.
 */
export async function loadOwnAttempt(userId: number, attemptId: number): Promise<OwnAttempt> {
  const attempt = await findAttempt(attemptId);
  if (!attempt || attempt.userId !== userId) {
    throw new AttemptError(404, "not-found", "We could not find that attempt among yours.");
  }
  const version = await loadVersion(attempt.scenarioHash);
  if (!version) throw new AttemptError(404, "unavailable", "The scenario version of this attempt is missing.");
  return { attempt, version, snapshot: JSON.parse(attempt.snapshot) as AttemptSnapshot };
}
