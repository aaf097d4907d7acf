/**
 * A learner launched from two courses keeps one account whose own team is the first course's; the second course's
 * team counts them through `team_members` (migration 0012), so its instructor sees them. Kim, launched from the first
 * course only, and Cleo, of a team made by hand, must stay out of the second course's pages: the checks can fail.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildOverview } from "~/analytics/overview.server";
import { teamsVisibleTo } from "~/analytics/scope.server";
import { traineeInTeams } from "~/analytics/trainee-access.server";
import { assignFromForm, assignmentsPage, removeAssignment } from "~/assignments/assign.server";
import { actorOf, day, form, PARCEL, playAt, RETURNS, t, thrown, useAssignmentsWorld, type World } from "~/assignments/test-support.server";
import { assignedFor } from "~/assignments/trainee.server";
import { attemptsInScope, teamOverview, type Scope } from "./analytics.server";
import { recordLaunchedPerson, type LaunchRecord } from "./lti-launch.server";
import { masteryHistories, traineesOfTeams } from "./outcome-report.server";
import { traineesWithActivity } from "./team-attention.server";
import { countTeamFinished, listTeammateXp } from "./team-game.server";
import { teamIdsOfMember } from "./team-members.server";
import { listTeamSummaries } from "./team.server";
import { scenarioTurnLogs } from "./turn-log.server";
import { findUserById, listTraineesOfTeams } from "./user.server";

const launch = (subject: string, displayName: string, contextId: string, title: string, over: Partial<LaunchRecord> = {}) =>
  recordLaunchedPerson({
    issuer: "https://lms.example.test",
    subject,
    displayName,
    email: null,
    role: "trainee",
    course: { deploymentId: "d1", contextId, title },
    courseRoles: ["Learner"],
    managesCourse: false,
    ...over,
  });

let world: World;
const ids = { lee: 0, kim: 0, ivy: 0, one: 0, two: 0 };
const dates = { from: "2026-01-01T00:00:00.000Z", to: "2026-12-31T00:00:00.000Z" };
const scopeOf = (...teamIds: number[]): Scope => ({ teamIds, ...dates });
const ivyActor = () => actorOf(ids.ivy);

beforeAll(async () => {
  world = await useAssignmentsWorld();
  const lee = await launch("lee", "Lee", "c-1", "Course one");
  ids.lee = lee.userId;
  ids.one = lee.teamId!;
  ids.two = (await launch("lee", "Lee", "c-2", "Course two")).teamId!;
  ids.kim = (await launch("kim", "Kim", "c-1", "Course one")).userId;
  ids.ivy = (await launch("ivy", "Ivy", "c-2", "Course two", { role: "manager", courseRoles: ["Instructor"], managesCourse: true })).userId;
  await playAt(ids.lee, PARCEL, day(1));
  await playAt(ids.kim, PARCEL, day(1));
  await playAt(world.cleo, PARCEL, day(1));
}, 60_000);

describe("a learner launched from two courses", () => {
  it("keeps the first course as their own team and is a member of both", async () => {
    expect((await findUserById(ids.lee))?.teamId).toBe(ids.one);
    expect(await teamIdsOfMember(ids.lee)).toEqual([ids.one, ids.two].sort((a, b) => a - b));
    expect((await teamsVisibleTo((await findUserById(ids.ivy))!)).map((team) => team.id)).toEqual([ids.two]);
  });

  it("is listed on the second course's team pages, under that team, and nobody else is", async () => {
    const overview = await teamOverview(scopeOf(ids.two));
    expect(overview.map((row) => [row.displayName, row.teamId, row.teamName])).toEqual([["Lee", ids.two, "Course two"]]);
    expect(overview[0]?.attempts).toBe(1);
    expect((await listTraineesOfTeams([ids.two])).map((user) => user.displayName)).toEqual(["Lee"]);
    expect((await traineesOfTeams([ids.two])).map((trainee) => trainee.name)).toEqual(["Lee"]);
    expect((await masteryHistories([ids.two], dates.to)).map((history) => history.userId)).toEqual([ids.lee]);
    expect((await scenarioTurnLogs(PARCEL.id, scopeOf(ids.two))).map((log) => log.userId)).toEqual([ids.lee]);
    expect(await countTeamFinished(ids.two, "2026-03-01", "2026-03-09")).toBe(1);
    expect((await listTeammateXp(ids.two, "2026-03-01", "2026-03-08")).map((row) => row.user_id)).toEqual([ids.lee]);
  });

  it("lets the second course's instructor open their page and attempts; another team's manager gets 404", async () => {
    const ivy = await ivyActor();
    expect(await traineeInTeams(ids.lee, ivy.teams, ivy.user)).toMatchObject({ id: ids.lee, teamName: "Course two" });
    expect((await attemptsInScope(scopeOf(ids.two))).map((attempt) => [attempt.display_name, attempt.team_name])).toEqual([["Lee", "Course two"]]);
    expect(await thrown(() => traineeInTeams(ids.kim, ivy.teams, ivy.user))).toBe(404);
    const managerB = await actorOf(world.managerB);
    expect(await thrown(() => traineeInTeams(ids.lee, managerB.teams, managerB.user))).toBe(404);
  });

  it("is reached by the second course's assignments, which its instructor may make and remove", async () => {
    const ivy = await ivyActor();
    expect(await assignFromForm(ivy, form({ item: `scenario:${RETURNS.id}`, target: `team:${ids.two}` }), t, day(2))).toMatchObject({ ok: true });
    expect(await assignFromForm(ivy, form({ item: `scenario:${PARCEL.id}`, target: `trainee:${ids.lee}` }), t, day(2))).toMatchObject({ ok: true });
    const page = await assignmentsPage(ivy, day(2));
    expect(page.trainees).toEqual([{ id: ids.lee, name: "Lee", teamIds: [ids.two] }]);
    const toTeam = page.assignments.find((assignment) => assignment.target === "team");
    expect(toTeam?.members.map((member) => member.name)).toEqual(["Lee"]);
    expect((await assignedFor(ids.lee, day(2))).map((item) => item.title)).toContain(RETURNS.title);
    expect(await assignedFor(ids.kim, day(2))).toEqual([]);
    const toLee = page.assignments.find((assignment) => assignment.target === "trainee");
    await removeAssignment(ivy, form({ assignmentId: String(toLee!.id) }), day(2));
    expect((await assignmentsPage(ivy, day(2))).assignments.map((assignment) => assignment.target)).toEqual(["team"]);
  });
});

describe("figures across the organisation", () => {
  it("count the learner once: in the admin's per-team column, by their own team, and once on a page of every team", async () => {
    const summaries = new Map((await listTeamSummaries()).map((team) => [team.id, team.trainees]));
    expect([summaries.get(ids.one), summaries.get(ids.two)]).toEqual([2, 0]);
    const admin = await actorOf(world.admin);
    const everyTeam = scopeOf(...admin.teams.map((team) => team.id));
    const lees = (await teamOverview(everyTeam)).filter((row) => row.id === ids.lee);
    expect(lees.map((row) => row.teamName)).toEqual(["Course one"]);
    expect((await buildOverview(everyTeam, "name", "asc")).rows.filter((row) => row.id === ids.lee)).toHaveLength(1);
    expect((await attemptsInScope(everyTeam)).filter((attempt) => attempt.display_name === "Lee")).toHaveLength(1);
    const both = await traineesWithActivity([ids.one, ids.two]);
    expect(both.filter((row) => row.id === ids.lee).map((row) => row.teamIds.sort((a, b) => a - b))).toEqual([[ids.one, ids.two].sort((a, b) => a - b)]);
  });
});
