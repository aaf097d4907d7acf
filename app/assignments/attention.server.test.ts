import { beforeEach, describe, expect, it } from "vitest";
import { buildOverview } from "~/analytics/overview.server";
import { startAttempt } from "~/attempts/start.server";
import { assignFromForm } from "./assign.server";
import { teamAttention } from "./attention.server";
import { actorOf, day, form, PARCEL, playAt, RETURNS, t, useAssignmentsWorld, type World } from "./test-support.server";

let world: World;

beforeEach(async () => {
  world = await useAssignmentsWorld();
});

const ALL_TIME = { from: "0000-01-01T00:00:00.000Z", to: "9999-12-31T23:59:59.999Z" };

async function attentionOf(teamIds: number[], now: Date) {
  const scope = { teamIds, ...ALL_TIME };
  const { rows } = await buildOverview(scope, "name", "asc");
  return teamAttention(scope, rows, now);
}

describe("the team overview's attention flags", () => {
  it("lists trainees quiet for 14 UTC days, never-played first; a started conversation counts as practice", async () => {
    await playAt(world.ana, RETURNS, day(0));
    await startAttempt(world.ben, PARCEL.id, day(10));
    // day(14) is 14 days after Ana's only conversation: she has gone quiet; Ben started one 4 days ago.
    expect((await attentionOf([world.teamA.id], day(13))).inactive).toEqual({ total: 0, shown: [] });
    const { inactive } = await attentionOf([world.teamA.id], day(14));
    expect(inactive.shown).toEqual([{ id: world.ana, name: "Ana", lastActivity: expect.stringMatching(/^2026-03-02T10:00/) }]);
    // Cleo (team B) never played: she is listed only in her own team's view, with no date.
    const other = await attentionOf([world.teamB.id], day(14));
    expect(other.inactive.shown).toEqual([{ id: world.cleo, name: "Cleo", lastActivity: null }]);
  });

  it("flags a skill below 50 only with three assessed conversations of it", async () => {
    // Walking out on the returns desk scores low; twice is not yet enough evidence, three times is.
    await playAt(world.ana, RETURNS, day(0));
    await playAt(world.ana, RETURNS, day(1));
    const before = await attentionOf([world.teamA.id], day(2));
    expect(before.attention.total).toBe(0);
    await playAt(world.ana, RETURNS, day(2));
    const after = await attentionOf([world.teamA.id], day(3));
    expect(after.attention.shown.map((entry) => entry.name)).toEqual(["Ana"]);
    const skills = after.attention.shown[0]!.skills;
    expect(skills.length).toBeGreaterThan(0);
    for (const skill of skills) {
      expect(skill.mastery).toBeLessThan(50);
      expect(skill.assessed).toBe(3);
    }
    expect(after.rules).toEqual({ inactiveDays: 14, below: 50, minEvidence: 3 });
  });

  it("lists overdue assignments per trainee, and only those of the teams in view", async () => {
    await assignFromForm(await actorOf(world.managerA), form({ item: `scenario:${PARCEL.id}`, target: `team:${world.teamA.id}`, dueOn: "2026-03-03" }), t, day(0));
    await assignFromForm(await actorOf(world.managerB), form({ item: `scenario:${PARCEL.id}`, target: `trainee:${world.cleo}`, dueOn: "2026-03-03" }), t, day(0));
    await playAt(world.ana, PARCEL, day(1));
    expect((await attentionOf([world.teamA.id], day(1))).overdue.total).toBe(0);
    const { overdue } = await attentionOf([world.teamA.id], day(2));
    expect(overdue.shown).toEqual([{ assignmentId: expect.any(Number), traineeId: world.ben, traineeName: "Ben", title: PARCEL.title, dueOn: "2026-03-03" }]);
  });
});
