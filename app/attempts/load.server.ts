import type { AttemptSnapshot } from "~/engine";
import { findAttempt, type Attempt } from "~/models/attempt.server";
import { AttemptError } from "./errors";
import { loadVersion, type PinnedVersion } from "./version.server";

export type OwnAttempt = { attempt: Attempt; version: PinnedVersion; snapshot: AttemptSnapshot };

/** An attempt with its pinned version, whoever it belongs to: callers decide who may see it. */
export async function loadAttempt(attemptId: number, accept: (attempt: Attempt) => boolean | Promise<boolean>): Promise<OwnAttempt> {
  const attempt = await findAttempt(attemptId);
  // Someone else's attempt answers exactly like a missing one, so its existence is not revealed.
  if (!attempt || !(await accept(attempt))) throw new AttemptError(404, "not-found", "We could not find that attempt.");
  const version = await loadVersion(attempt.scenarioHash);
  if (!version) throw new AttemptError(404, "unavailable", "The scenario version of this attempt is missing.");
  return { attempt, version, snapshot: JSON.parse(attempt.snapshot) as AttemptSnapshot };
}

/**
 * The attempt if it belongs to `userId` and is of the kind asked for: a trainer's preview only
 * opens in the workspace, and a catalogue attempt only on the play pages.
 */
export function loadOwnAttempt(userId: number, attemptId: number, { preview = false }: { preview?: boolean } = {}): Promise<OwnAttempt> {
  return loadAttempt(attemptId, (attempt) => attempt.userId === userId && attempt.preview === preview);
}
