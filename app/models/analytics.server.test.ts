import { beforeAll, describe, expect, it } from "vitest";
import { makeTempDir, useFreshDatabase } from "#db/test-database";
import { createAccount, findOrCreateTeam } from "~/accounts/accounts.server";
import { pinVersion } from "~/attempts/version.server";
import type { Skill } from "~/engine";
import { getLibrary } from "~/library/catalog.server";
import { traineeHistoriesInScope, type TraineeHistory } from "./analytics.server";
import { insertHistoricAttempts, type HistoricAttempt } from "./seed.server";

const HASH = "scrypt$17$8$1$c2FsdA==$a2V5"; // never used to sign in
const EVERYTHING = { from: "0000-01-01T00:00:00.000Z", to: "9999-12-31T23:59:59.999Z" };
let teamId = 0;
let otherTeamId = 0;
let ana = 0;
let ben = 0;
let outsider = 0;

type Scores = Record<Skill, number | null>;
const scores = (listening: number | null, calm: number | null): Scores => ({ listening, empathy: null, calm, persuasion: 100, expectations: null });

beforeAll(async () => {
  process.env.SCENARIO_CACHE_DIR = makeTempDir("frontline-cache-");
  await useFreshDatabase();
  teamId = (await findOrCreateTeam("Desk")).id;
  otherTeamId = (await findOrCreateTeam("Elsewhere")).id;
  const trainee = (email: string, team: number) => createAccount({ email, displayName: email, role: "trainee", teamId: team, password: "" }, HASH);
  [ana, ben, outsider] = [await trainee("ana@example.test", teamId), await trainee("ben@example.test", teamId), await trainee("out@example.test", otherTeamId)];

  const entry = (await getLibrary()).scenarios[0]!;
  const version = await pinVersion(entry);
  const finished = (userId: number, endedAt: string, skillScores: Scores | null, csat = 3): HistoricAttempt => ({
    userId,
    scenarioId: version.scenario.id,
    scenarioHash: version.hash,
    snapshot: "{}",
    startedAt: endedAt,
    stepShownAt: endedAt,
    turns: [],
    end: skillScores && { endingId: "x", outcome: "neutral", csat, resolved: false, mood: 0, scores: skillScores, overall: 50, endedAt },
  });
  await insertHistoricAttempts([
    finished(ben, "2026-03-02T10:00:00.000Z", scores(40, 0), 5),
    finished(ana, "2026-02-01T09:00:00.000Z", scores(null, 60)),
    finished(ana, "2026-01-15T08:30:00.000Z", scores(20, null)),
    finished(ana, "2026-02-01T09:00:00.000Z", scores(7, 100), 4),
    finished(ana, "2026-04-01T00:00:00.000Z", null),
    finished(outsider, "2026-02-01T00:00:00.000Z", scores(1, 1)),
  ]);
});

/** Each trainee as [id, name, average CSAT], then each attempt as [end, listening, calm, empathy]. */
const summary = (histories: TraineeHistory[]) =>
  histories.map((history) => [
    history.userId,
    history.name,
    Math.round(history.avgCsat * 1000) / 1000,
    history.scores.map((point) => [point.ended_at, point.listening, point.calm, point.empathy]),
  ]);

describe("traineeHistoriesInScope", () => {
  it("gives every trainee of the scope with a finished attempt: name, average CSAT, scores oldest first, not-assessed skills as null", async () => {
    const histories = await traineeHistoriesInScope({ teamIds: [teamId], ...EVERYTHING });
    expect(summary(histories)).toEqual([
      [
        ana,
        "ana@example.test",
        3.333,
        [
          ["2026-01-15T08:30:00.000Z", 20, null, null],
          // Two attempts that ended at the same moment keep the order they were stored in.
          ["2026-02-01T09:00:00.000Z", null, 60, null],
          ["2026-02-01T09:00:00.000Z", 7, 100, null],
        ],
      ],
      [ben, "ben@example.test", 5, [["2026-03-02T10:00:00.000Z", 40, 0, null]]],
    ]);
    expect(histories.flatMap((history) => history.scores).every((point) => point.persuasion === 100)).toBe(true);
  });

  it("keeps to the date range and to the teams", async () => {
    const february = await traineeHistoriesInScope({ teamIds: [teamId], from: "2026-02-01T00:00:00.000Z", to: "2026-03-01T00:00:00.000Z" });
    expect(summary(february)).toEqual([
      [
        ana,
        "ana@example.test",
        3.5,
        [
          ["2026-02-01T09:00:00.000Z", null, 60, null],
          ["2026-02-01T09:00:00.000Z", 7, 100, null],
        ],
      ],
    ]);
    expect((await traineeHistoriesInScope({ teamIds: [otherTeamId], ...EVERYTHING })).map((history) => history.userId)).toEqual([outsider]);
    expect(await traineeHistoriesInScope({ teamIds: [], ...EVERYTHING })).toEqual([]);
  });
});
