import { beforeEach, describe, expect, it } from "vitest";
import { assignFromForm, assignmentsPage, removeAssignment } from "./assign.server";
import { actorOf, day, form, PARCEL, playAt, RETURNS, t, thrown, useAssignmentsWorld, type World } from "./test-support.server";

let world: World;

beforeEach(async () => {
  world = await useAssignmentsWorld();
});

const errorsOf = (result: Awaited<ReturnType<typeof assignFromForm>>) => (result.ok ? null : result.reply.error);

describe("who may assign what to whom", () => {
  it("refuses a manager's assignment to a team, or a trainee of a team, they do not manage (404)", async () => {
    const managerA = await actorOf(world.managerA);
    expect(await thrown(() => assignFromForm(managerA, form({ item: `scenario:${PARCEL.id}`, target: `team:${world.teamB.id}` }), t, day(0)))).toBe(404);
    expect(await thrown(() => assignFromForm(managerA, form({ item: `scenario:${PARCEL.id}`, target: `trainee:${world.cleo}` }), t, day(0)))).toBe(404);
    // A manager is no trainee to be assigned to, even in their own team.
    expect(await thrown(() => assignFromForm(managerA, form({ item: `scenario:${PARCEL.id}`, target: `trainee:${world.managerA}` }), t, day(0)))).toBe(404);
    expect((await assignmentsPage(await actorOf(world.managerB), day(0))).assignments).toEqual([]);
  });

  it("lets an admin assign anywhere and shows each manager only their own teams' assignments", async () => {
    const admin = await actorOf(world.admin);
    expect(await assignFromForm(admin, form({ item: `scenario:${PARCEL.id}`, target: `team:${world.teamB.id}` }), t, day(0))).toEqual({
      ok: true,
      value: { item: PARCEL.title, who: "Everyone in Night shift" },
    });
    expect(await assignFromForm(await actorOf(world.managerA), form({ item: `scenario:${RETURNS.id}`, target: `trainee:${world.ana}` }), t, day(0))).toMatchObject({ ok: true });
    const pageA = await assignmentsPage(await actorOf(world.managerA), day(0));
    expect(pageA.assignments.map((assignment) => [assignment.title, assignment.targetName])).toEqual([[RETURNS.title, "Ana"]]);
    expect(pageA.trainees.map((trainee) => trainee.name)).toEqual(["Ana", "Ben"]);
    const pageB = await assignmentsPage(await actorOf(world.managerB), day(0));
    expect(pageB.assignments.map((assignment) => [assignment.title, assignment.targetName])).toEqual([[PARCEL.title, "Night shift"]]);
    expect((await assignmentsPage(admin, day(0))).assignments).toHaveLength(2);
  });

  it("answers 404 for another team's page filter or another team's assignment", async () => {
    const foreignFilter = await actorOf(world.managerA, world.teamB.id);
    expect(await thrown(() => assignmentsPage(foreignFilter, day(0)))).toBe(404);
    await assignFromForm(await actorOf(world.managerB), form({ item: `scenario:${PARCEL.id}`, target: `trainee:${world.cleo}` }), t, day(0));
    const [cleos] = (await assignmentsPage(await actorOf(world.managerB), day(0))).assignments;
    const [managerA, managerB] = [await actorOf(world.managerA), await actorOf(world.managerB)];
    const remove = form({ assignmentId: String(cleos!.id) });
    expect(await thrown(() => removeAssignment(managerA, remove))).toBe(404);
    await removeAssignment(managerB, remove);
    expect((await assignmentsPage(managerB, day(0))).assignments).toEqual([]);
    // Removed once is gone: a second click is a missing page, not an error.
    expect(await thrown(() => removeAssignment(managerB, remove))).toBe(404);
  });
});

describe("the assignment form", () => {
  it("names the field and the problem", async () => {
    const managerA = await actorOf(world.managerA);
    const assign = (fields: Record<string, string>) => assignFromForm(managerA, form(fields), t, day(3)).then(errorsOf);
    expect(await assign({ target: `team:${world.teamA.id}` })).toEqual({ item: ["Choose a scenario or a pathway to assign."] });
    expect(await assign({ item: "scenario:no-such-scenario", target: `team:${world.teamA.id}` })).toEqual({ item: ["That scenario or pathway is not available any more. Choose another one."] });
    expect(await assign({ item: "pathway:999", target: `team:${world.teamA.id}` })).toEqual({ item: ["That scenario or pathway is not available any more. Choose another one."] });
    expect(await assign({ item: `scenario:${PARCEL.id}`, target: "everyone" })).toEqual({ target: ["Choose a trainee or a team."] });
    expect(await assign({ item: `scenario:${PARCEL.id}`, target: `team:${world.teamA.id}`, dueOn: "2026-02-30" })).toEqual({
      dueOn: ["Enter the due date as a calendar date, for example 2026-12-31."],
    });
    // day(3) is 5 March 2026: the 4th has passed, the 5th is still on time.
    expect(await assign({ item: `scenario:${PARCEL.id}`, target: `team:${world.teamA.id}`, dueOn: "2026-03-04" })).toEqual({
      dueOn: ["That due date has already passed. Choose today or a later day."],
    });
    expect(await assign({ item: `scenario:${PARCEL.id}`, target: `team:${world.teamA.id}`, dueOn: "2026-03-05" })).toBeNull();
    expect(await assign({ item: `scenario:${PARCEL.id}`, target: `team:${world.teamA.id}` })).toEqual({
      item: [`${PARCEL.title} is already assigned to Everyone in Harbour desk. Remove that assignment first to set a new one.`],
    });
  });

  it("keeps what was typed when it refuses", async () => {
    const result = await assignFromForm(await actorOf(world.managerA), form({ item: `scenario:${PARCEL.id}`, target: `team:${world.teamA.id}`, dueOn: "2026-03-01" }), t, day(3));
    expect(result.ok ? null : result.reply.initialValue).toMatchObject({ item: `scenario:${PARCEL.id}`, target: `team:${world.teamA.id}`, dueOn: "2026-03-01" });
  });
});

describe("progress", () => {
  it("is done after a finished conversation since the assignment, overdue after the due day, not done otherwise", async () => {
    const managerA = await actorOf(world.managerA);
    await playAt(world.ben, PARCEL, day(-1)); // before the assignment: does not count
    await assignFromForm(managerA, form({ item: `scenario:${PARCEL.id}`, target: `team:${world.teamA.id}`, dueOn: "2026-03-04" }), t, day(0));
    await playAt(world.ana, PARCEL, day(1));
    const statuses = async (when: Date) => {
      const [assignment] = (await assignmentsPage(managerA, when)).assignments;
      return { members: assignment!.members.map((member) => [member.name, member.status]), counts: assignment!.counts };
    };
    expect(await statuses(day(2))).toEqual({ members: [["Ana", "done"], ["Ben", "open"]], counts: { done: 1, open: 1, overdue: 0 } });
    expect(await statuses(day(3))).toEqual({ members: [["Ana", "done"], ["Ben", "overdue"]], counts: { done: 1, open: 0, overdue: 1 } });
    // An attempt begun but not finished is not done.
    await playAt(world.ben, { id: PARCEL.id, finish: PARCEL.finish.slice(0, 2) }, day(4));
    expect((await statuses(day(4))).members).toEqual([["Ana", "done"], ["Ben", "overdue"]]);
    await playAt(world.ben, PARCEL, day(5));
    expect((await statuses(day(5))).members).toEqual([["Ana", "done"], ["Ben", "done"]]);
  });
});
