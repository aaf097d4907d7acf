import { beforeAll, describe, expect, it } from "vitest";
import { makeTempDir, useFreshDatabase } from "#db/test-database";
import { createAccount, findOrCreateTeam } from "~/accounts/accounts.server";
import { pinVersion } from "~/attempts/version.server";
import type { Skill } from "~/engine";
import { getLibrary } from "~/library/catalog.server";
import { skillScoresInScope } from "./analytics.server";
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
  const finished = (userId: number, endedAt: string, skillScores: Scores | null): HistoricAttempt => ({
    userId,
    scenarioId: version.scenario.id,
    scenarioHash: version.hash,
    snapshot: "{}",
    startedAt: endedAt,
    stepShownAt: endedAt,
    turns: [],
    end: skillScores && { endingId: "x", outcome: "neutral", csat: 3, resolved: false, mood: 0, scores: skillScores, overall: 50, endedAt },
  });
  await insertHistoricAttempts([
    finished(ben, "2026-03-02T10:00:00.000Z", scores(40, 0)),
    finished(ana, "2026-02-01T09:00:00.000Z", scores(null, 60)),
    finished(ana, "2026-01-15T08:30:00.000Z", scores(20, null)),
    finished(ana, "2026-02-01T09:00:00.000Z", scores(7, 100)),
    finished(ana, "2026-04-01T00:00:00.000Z", null),
    finished(outsider, "2026-02-01T00:00:00.000Z", scores(1, 1)),
  ]);
});

describe("skillScoresInScope", () => {
  it("gives every finished attempt of the scope's trainees, by trainee then oldest first, not-assessed skills as null", async () => {
    const points = await skillScoresInScope({ teamIds: [teamId], ...EVERYTHING });
    expect(points.map((point) => [point.userId, point.ended_at, point.listening, point.calm, point.empathy])).toEqual([
      [ana, "2026-01-15T08:30:00.000Z", 20, null, null],
      // Two attempts that ended at the same moment keep the order they were stored in.
      [ana, "2026-02-01T09:00:00.000Z", null, 60, null],
      [ana, "2026-02-01T09:00:00.000Z", 7, 100, null],
      [ben, "2026-03-02T10:00:00.000Z", 40, 0, null],
    ]);
    expect(points.every((point) => point.persuasion === 100)).toBe(true);
  });

  it("keeps to the date range and to the teams", async () => {
    const february = await skillScoresInScope({ teamIds: [teamId], from: "2026-02-01T00:00:00.000Z", to: "2026-03-01T00:00:00.000Z" });
    expect(february.map((point) => point.listening)).toEqual([null, 7]);
    expect((await skillScoresInScope({ teamIds: [otherTeamId], ...EVERYTHING })).map((point) => point.userId)).toEqual([outsider]);
    expect(await skillScoresInScope({ teamIds: [], ...EVERYTHING })).toEqual([]);
  });
});
