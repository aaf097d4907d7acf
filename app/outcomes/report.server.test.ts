import { beforeAll, describe, expect, it } from "vitest";
import { makeTempDir, useFreshDatabase } from "#db/test-database";
import { createAccount, findOrCreateTeam } from "~/accounts/accounts.server";
import type { ManagerContext } from "~/analytics/guard.server";
import { scopeOf } from "~/analytics/scope.server";
import { pinVersion } from "~/attempts/version.server";
import type { Skill } from "~/domain/vocabulary";
import { getLibrary } from "~/library/catalog.server";
import type { Team } from "~/models/team.server";
import { insertHistoricAttempts, type HistoricAttempt } from "~/models/seed.server";
import type { User } from "~/models/user.server";
import { insertFixtureImport, type FixtureTicket } from "./report-fixtures.server";
import { buildOutcomesReport, readOutcomesQuery } from "./report.server";

/** These fixtures have no turns: no replies rated, nothing rushed. */
const NO_FACTS = { best: 0, fair: 0, poor: 0, lowestMood: 0, rushed: false };

const HASH = "scrypt$17$8$1$c2FsdA==$a2V5"; // never used to sign in
let desk: Team;
let quiet: Team;
const trainees: number[] = [];

function context(role: "manager" | "admin", teams: Team[], filters: ManagerContext["filters"] = {}): ManagerContext {
  const user: User = { id: 999, email: "viewer@example.test", displayName: "Viewer", role, teamId: null, teamName: null, active: true };
  return { user, teams, filters, scope: scopeOf(teams, filters) };
}

describe("readOutcomesQuery", () => {
  it.each([
    ["", 4, "overall"],
    ["?weeks=2&mastery=empathy", 2, "empathy"],
    ["?weeks=12", 12, "overall"],
    ["?weeks=13", 4, "overall"],
    ["?weeks=0", 4, "overall"],
    ["?weeks=2.5", 4, "overall"],
    ["?weeks=abc&mastery=charm", 4, "overall"],
  ])("reads %s as %s weeks and %s mastery", (search, weeks, mastery) => {
    expect(readOutcomesQuery(new URL(`http://frontline.test/team/outcomes${search}`))).toEqual({ weeks, mastery });
  });
});

describe("buildOutcomesReport", () => {
  beforeAll(async () => {
    process.env.SCENARIO_CACHE_DIR = makeTempDir("frontline-cache-");
    await useFreshDatabase();
    desk = await findOrCreateTeam("Desk");
    quiet = await findOrCreateTeam("Quiet");
    for (let i = 0; i < 11; i++) {
      trainees.push(await createAccount({ email: `t${i}@example.test`, displayName: `Trainee ${i}`, role: "trainee", teamId: desk.id, password: "" }, HASH));
    }
    const version = await pinVersion((await getLibrary()).scenarios[0]!);
    const scores = (value: number): Record<Skill, number | null> => ({ listening: value, empathy: value, calm: value, persuasion: value, expectations: value });
    // Ten of the eleven practised, with mastery 30, 35, … 75; the eleventh never did.
    await insertHistoricAttempts(
      trainees.slice(0, 10).map(
        (userId, i): HistoricAttempt => ({
          userId,
          scenarioId: version.scenario.id,
          scenarioHash: version.hash,
          snapshot: "{}",
          startedAt: "2026-03-10T10:00:00.000Z",
          stepShownAt: "2026-03-10T10:00:00.000Z",
          turns: [],
          end: { endingId: "x", outcome: "neutral", csat: 3, resolved: true, mood: 0, scores: scores(30 + 5 * i), overall: 30 + 5 * i, endedAt: "2026-03-10T10:00:00.000Z", facts: NO_FACTS },
        }),
      ),
    );
    // Every trainee answers ten rated tickets in April, satisfied more often the more they mastered;
    // only the first nine in the April-only view, since the tenth's are in May.
    const tickets: FixtureTicket[] = trainees.flatMap((userId, i) =>
      Array.from({ length: 10 }, (_, k): FixtureTicket => ({ userId, at: `2026-0${i === 9 ? 5 : 4}-${String(k + 1).padStart(2, "0")}T09:00:00.000Z`, stars: k <= i ? 5 : 2, solved: 1 })),
    );
    await insertFixtureImport([...tickets, { userId: null, at: "2026-04-03T09:00:00.000Z" }], [desk.id]);
  });

  it("is the empty state when the viewer's teams have no real outcome at all", async () => {
    const report = await buildOutcomesReport(context("manager", [quiet]), new URL("http://frontline.test/team/outcomes?weeks=3"));
    expect(report).toEqual({ hasOutcomes: false, query: { weeks: 3, mastery: "overall" } });
  });

  it("reads the link when ten agents have a mastery and rated tickets, and counts who is left out", async () => {
    const report = await buildOutcomesReport(context("manager", [desk, quiet]), new URL("http://frontline.test/team/outcomes"));
    if (!report.hasOutcomes) throw new Error("the desk has outcomes");
    expect(report.agents.points).toHaveLength(10);
    expect(report.agents.correlations.csat.reading).toEqual({ kind: "positive", strength: "strong" });
    expect(report.agents.leftOut).toEqual({ noMastery: 1, noTickets: 0, noRatings: 0 });
    expect(report.unknown).toEqual({ tickets: 1, agents: 1 });
    // The unmatched agent's ticket is in no month: the months are the trainees'.
    expect(report.months.map((month) => [month.period, month.tickets, month.mastery])).toEqual([
      ["2026-04", 100, 53],
      ["2026-05", 10, 53],
    ]);
  });

  it("plots the skill asked for", async () => {
    const report = await buildOutcomesReport(context("admin", [desk, quiet]), new URL("http://frontline.test/team/outcomes?mastery=calm"));
    if (!report.hasOutcomes) throw new Error("the desk has outcomes");
    expect(report.agents.key).toBe("calm");
    expect(report.agents.points.map((point) => point.mastery).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([30, 35, 40, 45, 50, 55, 60, 65, 70, 75]);
  });

  it("says too early when the dates leave nine agents, and shows no r", async () => {
    const report = await buildOutcomesReport(context("manager", [desk], { from: "2026-04-01", to: "2026-04-30" }), new URL("http://frontline.test/team/outcomes"));
    if (!report.hasOutcomes) throw new Error("the desk has outcomes");
    const { csat } = report.agents.correlations;
    expect(csat.reading).toEqual({ kind: "too-early", n: 9, minN: 10 });
    expect(csat.pearson).toBeNull();
    expect(report.agents.leftOut.noTickets).toBe(1);
  });
});
