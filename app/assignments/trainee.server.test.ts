import { beforeEach, describe, expect, it } from "vitest";
import { assignFromForm, assignmentsPage, removeAssignment } from "./assign.server";
import { createPathway } from "./pathways.server";
import { actorOf, day, form, PARCEL, playAt, RETURNS, t, useAssignmentsWorld, type World } from "./test-support.server";
import { assignedFor, assignedScenarioIds, isAssigned } from "./trainee.server";

let world: World;

beforeEach(async () => {
  world = await useAssignmentsWorld();
});

async function assign(item: string, target: string, when: Date, dueOn?: string): Promise<void> {
  const result = await assignFromForm(await actorOf(world.managerA), form({ item, target, ...(dueOn ? { dueOn } : {}) }), t, when);
  if (!result.ok) throw new Error(JSON.stringify(result.reply.error));
}

async function pathway(title: string, scenarioIds: string[]): Promise<number> {
  const result = await createPathway(form({ title, skill: "listening", scenarioIds }), world.admin, t, day(0));
  if (!result.ok) throw new Error(JSON.stringify(result.reply.error));
  return result.value.id;
}

describe("assignedFor", () => {
  it("lists the trainee's own and their team's open assignments: overdue first, then by due day, then the newest", async () => {
    const calm = await pathway("Listening path", [PARCEL.id, RETURNS.id]);
    await assign(`scenario:${PARCEL.id}`, `trainee:${world.ana}`, day(0), "2026-03-03"); // overdue by day(5)
    await assign(`pathway:${calm}`, `team:${world.teamA.id}`, day(1), "2026-03-20");
    await assign(`scenario:${RETURNS.id}`, `trainee:${world.ana}`, day(2)); // no due day, newest
    await assign(`scenario:${PARCEL.id}`, `team:${world.teamA.id}`, day(1)); // no due day, older
    const items = await assignedFor(world.ana, day(5));
    expect(items.map((item) => [item.title, item.status, item.dueOn])).toEqual([
      [PARCEL.title, "overdue", "2026-03-03"],
      ["Listening path", "open", "2026-03-20"],
      [RETURNS.title, "open", null],
      [PARCEL.title, "open", null],
    ]);
    expect(items[1]).toMatchObject({ kind: "pathway", skill: "listening", assignedBy: "Maya A", next: { id: PARCEL.id, done: false } });
    // Cleo is in the other team: none of this reaches her.
    expect(await assignedFor(world.cleo, day(5))).toEqual([]);
  });

  it("moves a pathway on to its next scenario and drops what is done", async () => {
    const calm = await pathway("Listening path", [PARCEL.id, RETURNS.id]);
    await assign(`pathway:${calm}`, `trainee:${world.ben}`, day(0));
    await assign(`scenario:${PARCEL.id}`, `trainee:${world.ben}`, day(0));
    await playAt(world.ben, PARCEL, day(1));
    const [open] = await assignedFor(world.ben, day(2));
    expect(await assignedFor(world.ben, day(2))).toHaveLength(1);
    expect(open).toMatchObject({ title: "Listening path", next: { id: RETURNS.id }, scenarios: [{ id: PARCEL.id, done: true }, { id: RETURNS.id, done: false }] });
    await playAt(world.ben, RETURNS, day(2));
    expect(await assignedFor(world.ben, day(3))).toEqual([]);
    // Done, but still assigned: the manager sees it done, and the scenarios stay open to Ben.
    expect((await assignmentsPage(await actorOf(world.managerA), day(3))).assignments.map((a) => a.counts.done)).toEqual([1, 1]);
    expect(await isAssigned(world.ben, RETURNS.id)).toBe(true);
  });

  it("forgets a removed assignment", async () => {
    await assign(`scenario:${RETURNS.id}`, `team:${world.teamA.id}`, day(0));
    expect(await assignedScenarioIds(world.ana)).toEqual(new Set([RETURNS.id]));
    expect(await isAssigned(world.ana, PARCEL.id)).toBe(false);
    const [assignment] = (await assignmentsPage(await actorOf(world.managerA), day(0))).assignments;
    await removeAssignment(await actorOf(world.managerA), form({ assignmentId: String(assignment!.id) }));
    expect(await assignedFor(world.ana, day(1))).toEqual([]);
    expect(await isAssigned(world.ana, RETURNS.id)).toBe(false);
  });
});
