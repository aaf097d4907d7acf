import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { TFunction } from "i18next";
import * as z from "zod";
import { SKILLS, type Skill } from "~/domain/vocabulary";
import { countPathwayAssignments, deletePathway, findPathway, insertPathway, listPathways, updatePathway, type PathwayRecord } from "~/models/pathway.server";
import { scenarioOptions, scenarioTitles, type ScenarioOption } from "./library-options.server";
import { moveScenario, scenarioListProblem, type ListProblem } from "./progress";

/**
 * Skill pathways, defined by admins and trainers: a title, the skill they train and an ordered
 * list of library scenarios, each once. Every change is checked against the library as it is now.
 */

export const PATHWAY_TITLE_MAX = 120;

export type PathwaySummary = { id: number; title: string; skill: Skill; scenarios: number; missing: number; updatedAt: string };
export type PathwayStep = { id: string; title: string; missing: boolean };
export type PathwayDetail = { id: number; title: string; skill: Skill; steps: PathwayStep[]; assignments: number };

export async function pathwaysPage(): Promise<{ pathways: PathwaySummary[]; scenarios: ScenarioOption[] }> {
  const [records, scenarios] = await Promise.all([listPathways(), scenarioOptions()]);
  const known = new Set(scenarios.map((scenario) => scenario.id));
  return {
    pathways: records.map((record) => ({
      id: record.id,
      title: record.title,
      skill: record.skill,
      scenarios: record.scenarioIds.length,
      missing: record.scenarioIds.filter((id) => !known.has(id)).length,
      updatedAt: record.updatedAt,
    })),
    scenarios,
  };
}

/** One pathway with its steps (named from the library) and the scenarios that could still be added; null when missing. */
export async function pathwayPage(id: number): Promise<{ pathway: PathwayDetail; addable: ScenarioOption[] } | null> {
  const [record, scenarios, titles, assignments] = await Promise.all([findPathway(id), scenarioOptions(), scenarioTitles(), countPathwayAssignments(id)]);
  if (!record) return null;
  return {
    pathway: {
      id: record.id,
      title: record.title,
      skill: record.skill,
      steps: record.scenarioIds.map((scenarioId) => ({ id: scenarioId, title: titles.get(scenarioId) ?? scenarioId, missing: !titles.has(scenarioId) })),
      assignments,
    },
    addable: scenarios.filter((scenario) => !record.scenarioIds.includes(scenario.id)),
  };
}

function listMessage(t: TFunction, problem: ListProblem, titles: ReadonlyMap<string, string>): string {
  switch (problem.kind) {
    case "empty":
      return t("assignments.pathways.errors.empty");
    case "unknown":
      return t("assignments.pathways.errors.unknown", { id: problem.id });
    case "duplicate":
      return t("assignments.pathways.errors.duplicate", { title: titles.get(problem.id) ?? problem.id });
  }
}

function detailsShape(t: TFunction) {
  return {
    title: z
      .string({ error: t("assignments.pathways.errors.titleRequired") })
      .trim()
      .min(1, t("assignments.pathways.errors.titleRequired"))
      .max(PATHWAY_TITLE_MAX, t("assignments.pathways.errors.titleTooLong", { max: PATHWAY_TITLE_MAX })),
    skill: z.enum(SKILLS, { error: t("assignments.pathways.errors.skill") }),
  };
}

/** A form's result: the saved value, or conform's reply with each field's message (and what was typed). */
export type FormOutcome<T> = { ok: true; value: T } | { ok: false; reply: SubmissionResult<string[]> };

/** Creates a pathway from the new-pathway form: title, skill and the ticked scenarios in library order. */
export async function createPathway(formData: FormData, createdBy: number | null, t: TFunction, now: Date = new Date()): Promise<FormOutcome<{ id: number; title: string }>> {
  const titles = await scenarioTitles();
  // The list is checked on its own field, so its message shows beside the title's and the skill's.
  const scenarioIds = z.array(z.string()).superRefine((ids, ctx) => {
    const problem = scenarioListProblem(ids, new Set(titles.keys()));
    if (problem) ctx.addIssue({ code: "custom", message: listMessage(t, problem, titles) });
  });
  const schema = z.object({ ...detailsShape(t), scenarioIds });
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return { ok: false, reply: submission.reply() };
  const id = await insertPathway(submission.value, createdBy, now);
  return { ok: true, value: { id, title: submission.value.title } };
}

/** Saves a pathway's title and skill; null when the pathway is missing. */
export async function savePathwayDetails(id: number, formData: FormData, t: TFunction, now: Date = new Date()): Promise<FormOutcome<{ title: string }> | null> {
  const record = await findPathway(id);
  if (!record) return null;
  const submission = parseWithZod(formData, { schema: z.object(detailsShape(t)) });
  if (submission.status !== "success") return { ok: false, reply: submission.reply() };
  if (!(await updatePathway(id, { ...submission.value, scenarioIds: record.scenarioIds }, now))) return null;
  return { ok: true, value: { title: submission.value.title } };
}

const ListChange = z.object({ intent: z.enum(["add", "up", "down", "remove"]), scenarioId: z.string().trim().min(1).max(200) });
export type ListChangeResult =
  | { ok: true; intent: "add" | "up" | "down" | "remove"; scenarioId: string; title: string; position: number; count: number }
  | { ok: false; message: string };

function planChange(record: PathwayRecord, intent: z.infer<typeof ListChange>["intent"], scenarioId: string): { ids: string[] } | { problem: "stale" | "lastOne" } {
  const present = record.scenarioIds.includes(scenarioId);
  if (intent === "add") return { ids: [...record.scenarioIds, scenarioId] };
  if (!present) return { problem: "stale" };
  if (intent === "remove") {
    const ids = record.scenarioIds.filter((id) => id !== scenarioId);
    return ids.length === 0 ? { problem: "lastOne" } : { ids };
  }
  return { ids: moveScenario(record.scenarioIds, scenarioId, intent) };
}

/**
 * One change to a pathway's list: add a scenario at the end, move one up or down, or remove one.
 * A stale page (the scenario moved away or was removed in another tab) gets a message, not a
 * guess. Null when the pathway is missing.
 */
export async function changePathwayScenarios(id: number, formData: FormData, t: TFunction, now: Date = new Date()): Promise<ListChangeResult | null> {
  const [record, titles] = await Promise.all([findPathway(id), scenarioTitles()]);
  if (!record) return null;
  const parsed = ListChange.safeParse({ intent: formData.get("intent"), scenarioId: formData.get("scenarioId") ?? undefined });
  if (!parsed.success) return { ok: false, message: t("assignments.pathways.errors.addChoose") };
  const { intent, scenarioId } = parsed.data;
  const plan = planChange(record, intent, scenarioId);
  if ("problem" in plan) return { ok: false, message: t(`assignments.pathways.errors.${plan.problem}`) };
  // A list that held a scenario since removed from the library may keep it; a new one must exist.
  const problem = scenarioListProblem(plan.ids, new Set([...titles.keys(), ...record.scenarioIds]));
  if (problem) return { ok: false, message: listMessage(t, problem, titles) };
  if (!(await updatePathway(id, { title: record.title, skill: record.skill, scenarioIds: plan.ids }, now))) return null;
  return { ok: true, intent, scenarioId, title: titles.get(scenarioId) ?? scenarioId, position: plan.ids.indexOf(scenarioId) + 1, count: plan.ids.length };
}

/** Deletes a pathway and, with it, its assignments; the title it had, or null when it was missing. */
export async function removePathway(id: number): Promise<string | null> {
  const record = await findPathway(id);
  if (!record || !(await deletePathway(id))) return null;
  return record.title;
}
