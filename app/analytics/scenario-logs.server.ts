import type { Scenario } from "~/engine";
import { loadVersion } from "~/attempts/version.server";
import { scenarioTurnLogs, type AttemptLog } from "~/models/turn-log.server";
import type { Scope } from "~/models/analytics.server";
import { fastRepliesOf, rateTurns, type RatedTurn } from "./decisions";
import type { FastReplies } from "./reading";

/** An attempt's replies, each rated against the replies on offer in its own scenario version. */
export type RatedLog = AttemptLog & { scenario: Scenario; rated: RatedTurn[]; fast: FastReplies };

/** Rates the turns of logged attempts in their pinned versions (attempts whose version is gone are skipped). */
export async function rateLogs(logs: readonly AttemptLog[]): Promise<RatedLog[]> {
  const hashes = [...new Set(logs.map((log) => log.scenarioHash))];
  const versions = new Map(await Promise.all(hashes.map(async (hash) => [hash, (await loadVersion(hash))?.scenario] as const)));
  return logs.flatMap((log) => {
    const scenario = versions.get(log.scenarioHash);
    if (!scenario) return [];
    return [{ ...log, scenario, rated: rateTurns(scenario, log.turns), fast: fastRepliesOf(scenario, log.turns) }];
  });
}

/** Every attempt of a scenario started in the scope (finished or not), rated: the scenario page's raw material. */
export async function loadScenarioLogs(scenarioId: string, scope: Scope): Promise<RatedLog[]> {
  return rateLogs(await scenarioTurnLogs(scenarioId, scope));
}
