import { beforeEach, describe, expect, it } from "vitest";
import { assignFromForm, assignmentsPage } from "./assign.server";
import { changePathwayScenarios, createPathway, pathwayPage, pathwaysPage, removePathway, savePathwayDetails } from "./pathways.server";
import { actorOf, day, form, PARCEL, RETURNS, t, useAssignmentsWorld, type World } from "./test-support.server";

let world: World;

beforeEach(async () => {
  world = await useAssignmentsWorld();
});

async function created(fields: Record<string, string | string[]>): Promise<number> {
  const result = await createPathway(form(fields), world.admin, t, day(0));
  if (!result.ok) throw new Error(JSON.stringify(result.reply.error));
  return result.value.id;
}

const order = async (id: number) => (await pathwayPage(id))!.pathway.steps.map((step) => step.id);

describe("creating a pathway", () => {
  it("names each problem: no title, no skill, no scenario, an unknown scenario, one twice", async () => {
    const errors = async (fields: Record<string, string | string[]>) => {
      const result = await createPathway(form(fields), world.admin, t, day(0));
      return result.ok ? null : result.reply.error;
    };
    expect(await errors({ title: "  ", skill: "calm", scenarioIds: [PARCEL.id] })).toEqual({ title: ["Enter a title for the pathway."] });
    expect(await errors({ title: "Calm", skill: "shouting", scenarioIds: [PARCEL.id] })).toEqual({ skill: ["Choose the skill this pathway trains."] });
    expect(await errors({ title: "Calm", skill: "calm" })).toEqual({ scenarioIds: ["Choose at least one scenario."] });
    expect(await errors({ title: "Calm", skill: "calm", scenarioIds: [PARCEL.id, "no-such-scenario"] })).toEqual({
      scenarioIds: ["“no-such-scenario” is not a scenario in the library. Reload the page and choose again."],
    });
    expect(await errors({ title: "Calm", skill: "calm", scenarioIds: [PARCEL.id, RETURNS.id, PARCEL.id] })).toEqual({
      scenarioIds: [`${PARCEL.title} is already in this pathway: each scenario appears once.`],
    });
    expect(await errors({ title: "", skill: "" })).toEqual({
      title: ["Enter a title for the pathway."],
      skill: ["Choose the skill this pathway trains."],
      scenarioIds: ["Choose at least one scenario."],
    });
    expect((await pathwaysPage()).pathways).toEqual([]);
  });

  it("keeps the scenarios in the order given, and lists the pathway", async () => {
    const id = await created({ title: " Calm first ", skill: "calm", scenarioIds: [RETURNS.id, PARCEL.id] });
    expect(await order(id)).toEqual([RETURNS.id, PARCEL.id]);
    expect((await pathwaysPage()).pathways).toMatchObject([{ id, title: "Calm first", skill: "calm", scenarios: 2, missing: 0 }]);
  });
});

describe("changing a pathway", () => {
  it("moves a scenario up and down, and stays put at the ends", async () => {
    const id = await created({ title: "Order", skill: "listening", scenarioIds: [PARCEL.id, RETURNS.id] });
    expect(await changePathwayScenarios(id, form({ intent: "up", scenarioId: RETURNS.id }), t)).toMatchObject({ ok: true, position: 1, count: 2 });
    expect(await order(id)).toEqual([RETURNS.id, PARCEL.id]);
    await changePathwayScenarios(id, form({ intent: "up", scenarioId: RETURNS.id }), t);
    expect(await order(id)).toEqual([RETURNS.id, PARCEL.id]);
    await changePathwayScenarios(id, form({ intent: "down", scenarioId: RETURNS.id }), t);
    expect(await order(id)).toEqual([PARCEL.id, RETURNS.id]);
  });

  it("adds at the end, refuses a second copy, an unknown scenario and removing the last one", async () => {
    const id = await created({ title: "Grow", skill: "empathy", scenarioIds: [PARCEL.id] });
    const change = (fields: Record<string, string>) => changePathwayScenarios(id, form(fields), t);
    expect(await change({ intent: "add", scenarioId: PARCEL.id })).toEqual({ ok: false, message: `${PARCEL.title} is already in this pathway: each scenario appears once.` });
    expect(await change({ intent: "add", scenarioId: "ghost" })).toEqual({ ok: false, message: "“ghost” is not a scenario in the library. Reload the page and choose again." });
    expect(await change({ intent: "add" })).toEqual({ ok: false, message: "Choose a scenario to add." });
    expect(await change({ intent: "remove", scenarioId: PARCEL.id })).toEqual({
      ok: false,
      message: "A pathway needs at least one scenario. To retire this one, delete the pathway instead.",
    });
    expect(await change({ intent: "add", scenarioId: RETURNS.id })).toMatchObject({ ok: true, position: 2, count: 2 });
    expect(await change({ intent: "remove", scenarioId: PARCEL.id })).toMatchObject({ ok: true });
    expect(await order(id)).toEqual([RETURNS.id]);
    // A page from before the removal: the scenario is no longer there to move.
    expect(await change({ intent: "down", scenarioId: PARCEL.id })).toMatchObject({ ok: false });
    expect(await changePathwayScenarios(9999, form({ intent: "add", scenarioId: PARCEL.id }), t)).toBeNull();
  });

  it("saves the title and skill without touching the order", async () => {
    const id = await created({ title: "Old", skill: "empathy", scenarioIds: [RETURNS.id, PARCEL.id] });
    expect(await savePathwayDetails(id, form({ title: "", skill: "calm" }), t)).toMatchObject({ ok: false, reply: { error: { title: ["Enter a title for the pathway."] } } });
    expect(await savePathwayDetails(id, form({ title: "New", skill: "calm" }), t)).toEqual({ ok: true, value: { title: "New" } });
    expect((await pathwayPage(id))!.pathway).toMatchObject({ title: "New", skill: "calm", steps: [{ id: RETURNS.id }, { id: PARCEL.id }] });
    expect(await savePathwayDetails(9999, form({ title: "New", skill: "calm" }), t)).toBeNull();
  });

  it("deletes the pathway and its assignments with it", async () => {
    const id = await created({ title: "Short-lived", skill: "calm", scenarioIds: [PARCEL.id] });
    const managerA = await actorOf(world.managerA);
    await assignFromForm(managerA, form({ item: `pathway:${id}`, target: `team:${world.teamA.id}` }), t, day(0));
    expect((await pathwayPage(id))!.pathway.assignments).toBe(1);
    expect(await removePathway(id)).toBe("Short-lived");
    expect(await pathwayPage(id)).toBeNull();
    expect((await assignmentsPage(managerA, day(0))).assignments).toEqual([]);
    expect(await removePathway(id)).toBeNull();
  });
});
