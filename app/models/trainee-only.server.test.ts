/**
 * Trainers and admins play the catalogue too, and their attempts count in no trainee figure. A
 * trainee and a trainer (and an admin) play the same scenarios; every figure that reads attempts
 * or turns must equal the one with the trainee alone.
 *
 * The trainer and the admin sit in the trainee's team here. The pages never give them a team, but
 * the database allows one (a trainee made a trainer by hand keeps it), and the rule is the role,
 * not the team: without the role checks, these figures would count them.
 */
import * as z from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/db.server";
import { makeTempDir, useFreshDatabase } from "#db/test-database";
import { createAccount, findOrCreateTeam } from "~/accounts/accounts.server";
import { attemptsCsvRows } from "~/analytics/attempts-export.server";
import { simulateHistory } from "~/analytics/history.server";
import { buildItemAnalysis } from "~/analytics/item-analysis.server";
import { buildOverview } from "~/analytics/overview.server";
import { buildScenarioDetail, listScenarioSummaries } from "~/analytics/scenario-analytics.server";
import { loadScenarioLogs } from "~/analytics/scenario-logs.server";
import { startAttempt } from "~/attempts/start.server";
import { useExampleLibrary } from "~/attempts/test-trainees";
import { pinVersion } from "~/attempts/version.server";
import type { Role } from "~/domain/vocabulary";
import { seededRandom } from "~/engine/random";
import { engagementOf } from "~/game/engagement.server";
import { rebuildGames } from "~/game/progress.server";
import { getLibrary } from "~/library/catalog.server";
import { attemptsInScope, scenarioStats, skillTrend, teamOverview } from "./analytics.server";
import { lastCompletionsInTeams, lastCompletionsOfTrainee } from "./assignment.server";
import { findGameHistoryRow, findGameState, listAttemptsWithoutFacts, listGameHistory, listGameStates, xpSince } from "./game-state.server";
import { masteryHistories, simulatedCsatByTrainee, traineesOfTeams } from "./outcome-report.server";
import { insertHistoricAttempts } from "./seed.server";
import { assessedCounts, traineesWithActivity } from "./team-attention.server";
import { countTeamFinished, listTeammateXp } from "./team-game.server";
import { masteryOf, scenarioTurnLogs, userTurnLogs } from "./turn-log.server";
import { updateUser } from "./user.server";

const HASH = "scrypt$17$8$1$c2FsdA==$a2V5"; // never used to sign in
const PARCEL = "parcel-third-call";
const RETURNS = "returns-desk-loop";
const WINDOW = { from: Date.parse("2026-01-05T00:00:00Z"), to: Date.parse("2026-03-27T00:00:00Z") };
const NOW = new Date("2026-03-27T12:00:00Z");
let teamId = 0;
let scope = { teamIds: [] as number[], from: "2026-01-01T00:00:00.000Z", to: "2026-04-01T00:00:00.000Z" };
const people = { trainee: 0, trainer: 0, admin: 0 };

async function person(role: Role, team: number): Promise<number> {
  const id = await createAccount({ email: `${role}@example.test`, displayName: `A ${role}`, role: "trainee", teamId: team, password: "" }, HASH);
  // updateUser keeps the team it is given, whatever the role (the people page clears it for non-trainees).
  if (role !== "trainee") await updateUser(id, { role, teamId: team, displayName: `A ${role}` });
  return id;
}

/**
 * Plays a history for `userId`: finished conversations of both scenarios over the window (their
 * skill differs per person, so a leak would move every average), one conversation in progress,
 * and the newest finished one without its game facts, as if it ended before the game layer.
 */
async function playHistory(userId: number, skillAtStart: number, seed: number): Promise<void> {
  const library = await getLibrary();
  const versions = await Promise.all([PARCEL, RETURNS].map((id) => pinVersion(library.scenarios.find((entry) => entry.scenario.id === id)!)));
  await insertHistoricAttempts(simulateHistory({ userId, attempts: 10, skillAtStart, growth: 0.3 }, versions, WINDOW, seededRandom(seed)));
  await startAttempt(userId, PARCEL, new Date("2026-03-20T09:00:00Z"));
  const db = await getDb();
  await db.write((tx) =>
    tx.run(
      `UPDATE attempts SET best_replies = NULL WHERE id = (SELECT id FROM attempts WHERE user_id = ? AND status = 'completed' ORDER BY ended_at DESC LIMIT 1)`,
      [userId],
    ),
  );
}

async function attemptIds(): Promise<number[]> {
  const db = await getDb();
  return (await db.all(z.object({ id: z.number().int() }), "SELECT id FROM attempts ORDER BY id")).map((row) => row.id);
}

/** Every figure over the team, the scenarios and each of the three people, read through the models and the use cases on them. */
async function figures() {
  const everyone = [people.trainee, people.trainer, people.admin];
  const each = <T>(read: (userId: number) => Promise<T>) => Promise.all(everyone.map(read));
  const scenarioIds = [PARCEL, RETURNS];
  const logs = await loadScenarioLogs(PARCEL, scope);
  return {
    overview: await teamOverview(scope),
    overviewPage: await buildOverview(scope, "name", "asc"),
    stats: await scenarioStats(scope),
    summaries: await listScenarioSummaries(scope),
    detail: await buildScenarioDetail(PARCEL, scope, logs),
    items: await buildItemAnalysis(PARCEL, scope, logs, null),
    exported: await attemptsInScope(scope),
    csv: await attemptsCsvRows(scope),
    turnLogs: await scenarioTurnLogs(PARCEL, scope),
    userTurnLogs: await each(userTurnLogs),
    mastery: [...(await masteryOf(everyone, scope))],
    trends: await each((userId) => skillTrend(userId, scope)),
    activity: await traineesWithActivity([teamId]),
    assessed: [...(await assessedCounts(everyone, scope))],
    completionsInTeam: await lastCompletionsInTeams([teamId], scenarioIds),
    completionsOf: await each((userId) => lastCompletionsOfTrainee(userId, scenarioIds)),
    teamFinished: await countTeamFinished(teamId, scope.from, scope.to),
    teammateXp: await listTeammateXp(teamId, "2026-01-01", "2026-03-31"),
    outcomeTrainees: await traineesOfTeams([teamId]),
    masteryHistories: await masteryHistories([teamId], scope.to),
    simulatedCsat: [...(await simulatedCsatByTrainee(scope))],
    gameHistories: await each(listGameHistory),
    gameStates: await each(findGameState),
    gameRows: (await Promise.all((await attemptIds()).map(findGameHistoryRow))).filter((row) => row !== undefined).length,
    withoutFacts: await listAttemptsWithoutFacts(1_000),
    xp: [...(await xpSince(everyone, "2026-01-01"))],
    storedStates: [...(await listGameStates(everyone))],
    engagement: await engagementOf(everyone, NOW),
  };
}

let alone: Awaited<ReturnType<typeof figures>>;

beforeAll(async () => {
  process.env.SCENARIO_CACHE_DIR = makeTempDir("frontline-cache-");
  useExampleLibrary(makeTempDir("frontline-library-"));
  await useFreshDatabase();
  teamId = (await findOrCreateTeam("Desk")).id;
  scope = { ...scope, teamIds: [teamId] };
  people.trainee = await person("trainee", teamId);
  people.trainer = await person("trainer", teamId);
  people.admin = await person("admin", teamId);
  await playHistory(people.trainee, 0.4, 1);
  await rebuildGames([people.trainee]);
  alone = await figures();
});

describe("a trainer's and an admin's attempts", () => {
  it("leave every trainee figure as it is with the trainee alone", async () => {
    // The trainee's figures are not empty, so an equal result below is not two empty ones.
    expect(alone.stats.find((stat) => stat.scenario_id === PARCEL)?.started).toBeGreaterThan(0);
    expect(alone.gameStates[0]?.completed).toBeGreaterThan(0);
    expect(alone.withoutFacts).toHaveLength(1);
    await playHistory(people.trainer, 0.9, 2);
    await playHistory(people.admin, 0.1, 3);
    // Game rows left from a time the trainer was a trainee: stored XP, streak and cards count no more.
    await updateUser(people.trainer, { role: "trainee", teamId, displayName: "A trainer" });
    await rebuildGames([people.trainer]);
    await updateUser(people.trainer, { role: "trainer", teamId, displayName: "A trainer" });
    expect((await attemptIds()).length).toBeGreaterThan(2 * 11);
    expect(await figures()).toEqual(alone);
  });

  it("would count were their player a trainee: the figures above do read these attempts", async () => {
    await updateUser(people.trainer, { role: "trainee", teamId, displayName: "A trainer" });
    try {
      const counted = await figures();
      expect(counted.stats).not.toEqual(alone.stats);
      expect(counted.gameStates[1]?.completed).toBeGreaterThan(0);
    } finally {
      await updateUser(people.trainer, { role: "trainer", teamId, displayName: "A trainer" });
    }
  });
});
