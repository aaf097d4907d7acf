import { randomInt } from "node:crypto";
import { startSnapshot } from "~/engine";
import { findPublishedScenario } from "~/library/catalog.server";
import { insertAttempt, listAttemptsOfUser } from "~/models/attempt.server";
import { insertDeliveries } from "~/models/outbox.server";
import { launchDeliveries, xapiScopeFor } from "~/xapi/record.server";
import { AttemptError } from "./errors";
import { ORDER_SEED_LIMIT } from "./reply-order";
import { trainingTiming } from "./timing-settings.server";
import { pinVersion } from "./version.server";

/**
 * Begins a new attempt on the scenario's current version; any unfinished one is put aside.
 * The attempt gets its own order of replies (a fresh random seed, so two attempts by the same
 * trainee differ) and the trainee's chosen time limit. With an LRS switched on, "launched" is queued with it.
 */
export async function startAttempt(userId: number, scenarioId: string, now: Date = new Date()): Promise<number> {
  const entry = await findPublishedScenario(scenarioId);
  if (!entry) throw new AttemptError(404, "unavailable", `There is no published scenario "${scenarioId}".`);
  const [version, timing, xapi] = await Promise.all([pinVersion(entry), trainingTiming(userId), xapiScopeFor(userId)]);
  return insertAttempt(
    {
      userId,
      scenarioId: entry.scenario.id,
      scenarioHash: version.hash,
      snapshot: JSON.stringify(startSnapshot(version.machine)),
      orderSeed: randomInt(0, ORDER_SEED_LIMIT),
      timing,
      now,
    },
    // Queued with the attempt itself, so a crash cannot keep one without the other.
    xapi ? (tx, attemptId) => insertDeliveries(tx, launchDeliveries(xapi, version, { id: attemptId, startedAt: now.toISOString() }), now) : undefined,
  );
}

/** The trainee's unfinished attempt at this scenario, if any: the brief page offers to continue it. */
export async function inProgressAttemptId(userId: number, scenarioId: string): Promise<number | null> {
  const attempts = await listAttemptsOfUser(userId);
  return attempts.find((attempt) => attempt.scenarioId === scenarioId && attempt.status === "in-progress")?.id ?? null;
}
