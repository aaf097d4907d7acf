import { beforeAll, describe, expect, it } from "vitest";
import { makeTempDir, useFreshDatabase } from "#db/test-database";
import { createAccount, findOrCreateTeam } from "~/accounts/accounts.server";
import { pinVersion } from "~/attempts/version.server";
import type { Skill } from "~/domain/vocabulary";
import { getLibrary } from "~/library/catalog.server";
import { insertFixtureImport } from "~/outcomes/report-fixtures.server";
import {
  hasRealOutcomes,
  masteryHistories,
  NOT_ASSESSED,
  simulatedCsatByTrainee,
  ticketsOfTrainees,
  traineesOfTeams,
  unknownAgentTickets,
  type AgentTickets,
} from "./outcome-report.server";
import { insertHistoricAttempts, type HistoricAttempt } from "./seed.server";

/** These fixtures have no turns: no replies rated, nothing rushed. */
const NO_FACTS = { best: 0, fair: 0, poor: 0, lowestMood: 0, rushed: false };

const HASH = "scrypt$17$8$1$c2FsdA==$a2V5"; // never used to sign in
const ALL = { from: "0000-01-01T00:00:00.000Z", to: "9999-12-31T23:59:59.999Z" };
let desk = 0;
let phones = 0;
let empty = 0;
let [zoe, ana, ben, carl, manager] = [0, 0, 0, 0, 0];

const person = (email: string, role: "trainee" | "manager", teamId: number | null) =>
  createAccount({ email, displayName: email.split("@")[0]!, role, teamId, password: "" }, HASH);

/** Each agent's tickets as [time, satisfied, rating, resolved]. */
const readable = (agents: AgentTickets[]) =>
  agents.map((agent) => [
    agent.userId,
    Array.from(agent.time, (time, i) => [new Date(time).toISOString(), agent.satisfied[i], Number.isNaN(agent.rating[i]!) ? null : agent.rating[i], agent.resolved[i]]),
  ]);

beforeAll(async () => {
  process.env.SCENARIO_CACHE_DIR = makeTempDir("frontline-cache-");
  await useFreshDatabase();
  [desk, phones, empty] = [(await findOrCreateTeam("Desk")).id, (await findOrCreateTeam("Phones")).id, (await findOrCreateTeam("Empty")).id];
  // Zoe sorts last by name but is created first: the trainee list is by name, not by id.
  zoe = await person("zoe@example.test", "trainee", desk);
  ana = await person("ana@example.test", "trainee", desk);
  ben = await person("ben@example.test", "trainee", desk);
  carl = await person("carl@example.test", "trainee", phones);
  manager = await person("boss@example.test", "manager", desk);

  const version = await pinVersion((await getLibrary()).scenarios[0]!);
  const scores = (listening: number | null, calm: number | null): Record<Skill, number | null> => ({ listening, empathy: null, calm, persuasion: null, expectations: null });
  const attempt = (userId: number, endedAt: string | null, skillScores = scores(50, 50), csat = 3): HistoricAttempt => ({
    userId,
    scenarioId: version.scenario.id,
    scenarioHash: version.hash,
    snapshot: "{}",
    startedAt: endedAt ?? "2026-05-01T00:00:00.000Z",
    stepShownAt: endedAt ?? "2026-05-01T00:00:00.000Z",
    turns: [],
    end:
      endedAt === null
        ? null
        : { endingId: "x", outcome: "neutral", csat, resolved: false, mood: 0, scores: skillScores, overall: 50, endedAt, facts: NO_FACTS },
  });
  await insertHistoricAttempts([
    attempt(ana, "2026-03-01T10:00:00.000Z", scores(80, null), 5),
    attempt(ana, "2026-01-01T10:00:00.000Z", scores(40, 60), 1),
    attempt(ana, "2026-06-01T10:00:00.000Z", scores(100, 100), 4),
    attempt(ana, null),
    attempt(ben, "2026-02-01T10:00:00.000Z", scores(null, null), 2),
    attempt(carl, "2026-02-01T10:00:00.000Z"),
  ]);

  await insertFixtureImport(
    [
      { userId: ana, at: "2026-04-02T09:00:00.000Z", stars: 5, solved: 1 },
      { userId: ana, at: "2026-04-01T09:00:00.000Z", stars: 2, solved: 1, reopened: 1 },
      { userId: ana, at: "2026-04-03T09:00:00.000Z", stars: null, solved: null, reopened: 1 },
      { userId: ana, at: "2026-04-04T09:00:00.000Z", stars: 4, replaced: true },
      { userId: ben, at: "2026-05-01T00:00:00.000Z", stars: 1, solved: 0 },
      { userId: carl, at: "2026-04-01T09:00:00.000Z", stars: 5, solved: 1 },
      { userId: null, at: "2026-04-01T09:00:00.000Z", agentKey: "desk-only" },
    ],
    [desk],
  );
  await insertFixtureImport([{ userId: null, at: "2026-04-05T09:00:00.000Z", agentKey: "org-wide-1" }, { userId: null, at: "2026-04-06T09:00:00.000Z", agentKey: "org-wide-2" }]);
  await insertFixtureImport([{ userId: null, at: "2026-04-07T09:00:00.000Z", agentKey: "two-teams" }], [desk, phones]);
});

describe("traineesOfTeams", () => {
  it("lists the teams' trainees by name, not their managers or other teams", async () => {
    expect((await traineesOfTeams([desk])).map((trainee) => [trainee.id, trainee.email, trainee.name])).toEqual([
      [ana, "ana@example.test", "ana"],
      [ben, "ben@example.test", "ben"],
      [zoe, "zoe@example.test", "zoe"],
    ]);
    expect(await traineesOfTeams([])).toEqual([]);
    expect(manager).toBeGreaterThan(0);
  });
});

describe("ticketsOfTrainees", () => {
  it("reads only current tickets of the teams' trainees, with satisfied, rating and resolution as the page counts them", async () => {
    expect(readable(await ticketsOfTrainees([desk], ALL.from, ALL.to))).toEqual([
      [
        ana,
        [
          // Solved on first contact but reopened: not resolved.
          ["2026-04-01T09:00:00.000Z", 0, 0.25, 0],
          ["2026-04-02T09:00:00.000Z", 1, 1, 1],
          // Not rated, resolution unknown (reopened alone says nothing about first contact).
          ["2026-04-03T09:00:00.000Z", -1, null, -1],
        ],
      ],
      [ben, [["2026-05-01T00:00:00.000Z", 0, 0, 0]]],
    ]);
  });

  it("keeps to [from, to)", async () => {
    const agents = await ticketsOfTrainees([desk, phones], "2026-04-02T09:00:00.000Z", "2026-05-01T00:00:00.000Z");
    expect(agents.map((agent) => [agent.userId, [...agent.time]])).toEqual([[ana, [Date.parse("2026-04-02T09:00:00.000Z"), Date.parse("2026-04-03T09:00:00.000Z")]]]);
    expect(await ticketsOfTrainees([], ALL.from, ALL.to)).toEqual([]);
  });
});

describe("unknownAgentTickets", () => {
  it("counts unmatched tickets only from imports made for the viewer's teams, and org-wide ones for the whole organisation", async () => {
    expect(await unknownAgentTickets({ teamIds: [desk], wholeOrganisation: false }, ALL)).toEqual({ tickets: 1, agents: 1 });
    expect(await unknownAgentTickets({ teamIds: [desk, phones], wholeOrganisation: false }, ALL)).toEqual({ tickets: 2, agents: 2 });
    expect(await unknownAgentTickets({ teamIds: [desk, phones, empty], wholeOrganisation: true }, ALL)).toEqual({ tickets: 4, agents: 4 });
    expect(await unknownAgentTickets({ teamIds: [phones], wholeOrganisation: false }, ALL)).toEqual({ tickets: 0, agents: 0 });
    expect(await unknownAgentTickets({ teamIds: [desk, phones], wholeOrganisation: true }, { from: "2026-04-06T00:00:00.000Z", to: ALL.to })).toEqual({ tickets: 2, agents: 2 });
  });
});

describe("hasRealOutcomes", () => {
  it("is true with a trainee's ticket or a visible unmatched one, false for a team with neither", async () => {
    expect(await hasRealOutcomes({ teamIds: [phones], wholeOrganisation: false })).toBe(true);
    expect(await hasRealOutcomes({ teamIds: [empty], wholeOrganisation: false })).toBe(false);
    // Only the organisation-wide import's unmatched tickets: an admin sees them.
    expect(await hasRealOutcomes({ teamIds: [empty], wholeOrganisation: true })).toBe(true);
    expect(await hasRealOutcomes({ teamIds: [], wholeOrganisation: false })).toBe(false);
  });
});

describe("masteryHistories", () => {
  it("gives every finished attempt before `to`, from the first, oldest first, with unassessed skills marked", async () => {
    const histories = await masteryHistories([desk], "2026-06-01T10:00:00.000Z");
    const N = NOT_ASSESSED;
    const readable = histories.map((history) => [history.userId, Array.from(history.endedAt, (ms) => new Date(ms).toISOString()), [...history.month], [...history.scores]]);
    expect(readable).toEqual([
      [ana, ["2026-01-01T10:00:00.000Z", "2026-03-01T10:00:00.000Z"], [2026 * 12, 2026 * 12 + 2], [40, N, 60, N, N, 80, N, N, N, N]],
      [ben, ["2026-02-01T10:00:00.000Z"], [2026 * 12 + 1], [N, N, N, N, N]],
    ]);
    expect((await masteryHistories([phones], ALL.to)).map((history) => history.userId)).toEqual([carl]);
    expect(await masteryHistories([], ALL.to)).toEqual([]);
  });
});

describe("simulatedCsatByTrainee", () => {
  it("averages the simulated CSAT of conversations finished in the scope", async () => {
    expect(await simulatedCsatByTrainee({ teamIds: [desk], from: "2026-01-01T00:00:00.000Z", to: "2026-04-01T00:00:00.000Z" })).toEqual(
      new Map([
        [ana, 3],
        [ben, 2],
      ]),
    );
  });
});
