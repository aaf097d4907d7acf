import { startAttempt as startSnapshot } from "~/engine";
import { findPublishedScenario } from "~/library/catalog.server";
import { insertAttempt } from "~/models/attempt.server";
import { AttemptError } from "./errors";
import { pinVersion } from "./version.server";

/** Begins a new attempt on the scenario's current version; any unfinished one is put aside. */
export async function startAttempt(userId: number, scenarioId: string, now: Date = new Date()): Promise<number> {
  const entry = await findPublishedScenario(scenarioId);
  if (!entry) throw new AttemptError(404, "unavailable", `There is no published scenario "${scenarioId}".`);
  const version = await pinVersion(entry);
  return insertAttempt({
    userId,
    scenarioId: entry.scenario.id,
    scenarioHash: version.hash,
    snapshot: JSON.stringify(startSnapshot(version.machine)),
    now,
  });
}
