import { beforeAll, describe, expect, it } from "vitest";
import { makeTempDir, useFreshDatabase } from "#db/test-database";
import { createAccount, findOrCreateTeam } from "~/accounts/accounts.server";
import { pinVersion, type PinnedVersion } from "~/attempts/version.server";
import { getLibrary } from "~/library/catalog.server";
import { insertHistoricAttempts } from "~/models/seed.server";
import { fastRepliesOfTrainee } from "./fast-replies.server";
import { buildItemAnalysis, readVersionParam } from "./item-analysis.server";
import { simulateHistory } from "./history.server";
import { loadScenarioLogs } from "./scenario-logs.server";
import { seededRandom } from "~/engine/random";

const HASH = "scrypt$17$8$1$c2FsdA==$a2V5"; // never used to sign in
const EVERYTHING = { from: "0000-01-01T00:00:00.000Z", to: "9999-12-31T23:59:59.999Z" };
let teamId = 0;
let trainees: number[] = [];
let outsider = 0;
let version: PinnedVersion;

beforeAll(async () => {
  process.env.SCENARIO_CACHE_DIR = makeTempDir("frontline-cache-");
  await useFreshDatabase();
  teamId = (await findOrCreateTeam("Desk")).id;
  const otherTeam = (await findOrCreateTeam("Elsewhere")).id;
  const trainee = (email: string, team: number) => createAccount({ email, displayName: email, role: "trainee", teamId: team, password: "" }, HASH);
  trainees = [await trainee("a@example.test", teamId), await trainee("b@example.test", teamId), await trainee("c@example.test", teamId)];
  outsider = await trainee("out@example.test", otherTeam);
  version = await pinVersion((await getLibrary()).scenarios.find((entry) => entry.scenario.id === "parcel-third-call")!);
  const random = seededRandom(1);
  const window = { from: Date.parse("2026-01-01T00:00:00Z"), to: Date.parse("2026-03-01T00:00:00Z") };
  const plans = [
    { userId: trainees[0]!, attempts: 6, skillAtStart: 0.9, growth: 0 },
    { userId: trainees[1]!, attempts: 6, skillAtStart: 0.5, growth: 0, rushed: 2 },
    { userId: trainees[2]!, attempts: 6, skillAtStart: 0.2, growth: 0 },
    { userId: outsider, attempts: 4, skillAtStart: 0.5, growth: 0 },
  ];
  await insertHistoricAttempts(plans.flatMap((plan) => simulateHistory(plan, [version], window, random)));
});

describe("turn logs and item analysis over the database", () => {
  it("reads each attempt's turns with the replies on offer, from the team's attempts only", async () => {
    const logs = await loadScenarioLogs("parcel-third-call", { teamIds: [teamId], ...EVERYTHING });
    expect(logs).toHaveLength(18);
    expect(new Set(logs.map((log) => log.userId))).toEqual(new Set(trainees));
    for (const log of logs) {
      expect(log.turns.map((turn) => turn.turn)).toEqual(log.turns.map((_, index) => index + 1));
      for (const turn of log.turns) {
        expect(turn.visible).toContain(turn.choiceId);
        const offered = version.scenario.steps.find((step) => step.id === turn.stepId)!.choices.map((choice) => choice.id);
        expect(offered).toEqual(expect.arrayContaining(turn.visible));
      }
    }
    // Exactly the two rushed attempts are flagged.
    expect(logs.filter((log) => log.fast.flagged).map((log) => log.userId)).toEqual([trainees[1], trainees[1]]);
  });

  it("analyses the newest version with answers, leaving the rushed attempts out", async () => {
    const scope = { teamIds: [teamId], ...EVERYTHING };
    const items = await buildItemAnalysis("parcel-third-call", scope, await loadScenarioLogs("parcel-third-call", scope), null);
    expect(items.selected).toMatchObject({ hash: version.hash, current: true, attempts: 16, fastExcluded: 2 });
    expect(items.rows.length).toBeGreaterThan(0);
    // Every one of the 16 counted attempts answers the first step once.
    const opening = items.rows.find((row) => row.stepId === version.scenario.start)!;
    expect(opening.stats.answers).toBe(16);
    expect(opening.replies.reduce((sum, reply) => sum + reply.count, 0)).toBe(16);
    expect(opening.replies.filter((reply) => reply.best).length).toBeGreaterThanOrEqual(1);
    // Below the minimum number of answers nothing is flagged.
    expect(items.rows.every((row) => row.stats.flags === null)).toBe(true);
  });

  it("ignores a version that is not the scenario's and has nothing to show for a range without attempts", async () => {
    const scope = { teamIds: [teamId], ...EVERYTHING };
    const logs = await loadScenarioLogs("parcel-third-call", scope);
    expect((await buildItemAnalysis("parcel-third-call", scope, logs, "f".repeat(64))).selected?.hash).toBe(version.hash);
    const empty = { teamIds: [teamId], from: "2030-01-01T00:00:00.000Z", to: "2030-02-01T00:00:00.000Z" };
    expect(await buildItemAnalysis("parcel-third-call", empty, await loadScenarioLogs("parcel-third-call", empty), null)).toMatchObject({ selected: null, rows: [] });
  });

  it("reads the version parameter only as a content hash", () => {
    const url = (query: string) => new URL(`http://x.test/analytics/scenarios/p${query}`);
    expect(readVersionParam(url(`?version=${"a".repeat(64)}`))).toBe("a".repeat(64));
    expect(readVersionParam(url("?version=../../etc"))).toBeNull();
    expect(readVersionParam(url(""))).toBeNull();
  });

  it("flags a trainee's rushed attempts on their own", async () => {
    const flags = await fastRepliesOfTrainee(trainees[1]!);
    expect(flags.size).toBe(6);
    expect([...flags.values()].filter((fast) => fast.flagged)).toHaveLength(2);
    expect([...(await fastRepliesOfTrainee(trainees[0]!)).values()].some((fast) => fast.flagged)).toBe(false);
  });
});
