import { lastCompletionsOfTrainee, listAssignmentsOfTrainee, type AssignmentRecord } from "~/models/assignment.server";
import { listPathways, type PathwayRecord } from "~/models/pathway.server";
import type { Skill } from "~/domain/vocabulary";
import { scenarioTitles } from "./library-options.server";
import { compareForTrainee, progressOf, type AssignmentStatus } from "./progress";
import { pathwaysById, resolveItem } from "./team-progress.server";

/** What a trainee was asked to practise: their own assignments and their team's. */

export type AssignedScenario = { id: string; title: string; done: boolean };

export type AssignedItem = {
  id: number;
  kind: "scenario" | "pathway";
  title: string;
  /** The pathway's skill; null for a single scenario. */
  skill: Skill | null;
  dueOn: string | null;
  status: Exclude<AssignmentStatus, "done">;
  assignedBy: string | null;
  createdAt: string;
  /** In order; only scenarios still in the library. */
  scenarios: AssignedScenario[];
  /** The first scenario not done yet. */
  next: AssignedScenario;
};

async function resolved(userId: number) {
  const [records, titles] = await Promise.all([listAssignmentsOfTrainee(userId), scenarioTitles()]);
  const pathways = records.some((record) => record.item.kind === "pathway") ? pathwaysById(await listPathways()) : new Map<number, PathwayRecord>();
  return { records, titles, pathways, items: records.map((record) => ({ record, ...resolveItem(record, pathways, titles) })) };
}

const skillOf = (record: AssignmentRecord, pathways: ReadonlyMap<number, PathwayRecord>): Skill | null =>
  record.item.kind === "pathway" ? (pathways.get(record.item.pathwayId)?.skill ?? null) : null;

/**
 * The trainee's open assignments (not done yet, with something to play), overdue first, then by
 * due day (none last), then the newest; each with its scenarios and the next one to play.
 */
export async function assignedFor(userId: number, now: Date = new Date()): Promise<AssignedItem[]> {
  return (await assignedWithScenarios(userId, now)).open;
}

/**
 * The open assignments (as `assignedFor`) and every scenario of a current assignment, done or not
 * (as `assignedScenarioIds`), from one read: the home page needs both.
 */
export async function assignedWithScenarios(userId: number, now: Date = new Date()): Promise<{ open: AssignedItem[]; scenarioIds: Set<string> }> {
  const today = now.toISOString().slice(0, 10);
  const { items, titles, pathways } = await resolved(userId);
  const completions = await lastCompletionsOfTrainee(userId, [...new Set(items.flatMap((item) => item.scenarioIds))]);
  const last = new Map(completions.map((row) => [row.scenario_id, row.last_ended]));
  const open: AssignedItem[] = [];
  for (const item of items) {
    const { record } = item;
    const progress = progressOf({ scenarioIds: item.scenarioIds, assignedAt: record.createdAt, dueOn: record.dueOn, today, lastCompleted: (id) => last.get(id) });
    if (progress.status === "done" || progress.next === null) continue;
    const scenarios = item.scenarioIds.map((id) => ({ id, title: titles.get(id) ?? id, done: progress.done.includes(id) }));
    open.push({
      id: record.id,
      kind: item.kind,
      title: item.title,
      skill: skillOf(record, pathways),
      dueOn: record.dueOn,
      status: progress.status,
      assignedBy: record.assignedBy,
      createdAt: record.createdAt,
      scenarios,
      next: scenarios.find((scenario) => scenario.id === progress.next)!,
    });
  }
  return { open: open.sort(compareForTrainee), scenarioIds: new Set(items.flatMap((item) => item.scenarioIds)) };
}

/**
 * Every scenario in a current assignment of the trainee, done or not (a pathway's scenarios
 * included): these are always open to them, whatever the difficulty lock says.
 */
export async function assignedScenarioIds(userId: number): Promise<Set<string>> {
  const { items } = await resolved(userId);
  return new Set(items.flatMap((item) => item.scenarioIds));
}

export async function isAssigned(userId: number, scenarioId: string): Promise<boolean> {
  return (await assignedScenarioIds(userId)).has(scenarioId);
}
