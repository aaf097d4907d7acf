import { lastCompletionsInTeams, listAssignmentsOfTeams, type AssignmentRecord } from "~/models/assignment.server";
import { listPathways, type PathwayRecord } from "~/models/pathway.server";
import { traineesWithActivity, type TraineeActivity } from "~/models/team-attention.server";
import { scenarioTitles } from "./library-options.server";
import { progressOf, type AssignmentStatus } from "./progress";

/**
 * Every current assignment in some teams with each trainee's progress, in a fixed number of
 * queries whatever the team size: the assignments, the pathways, the trainees, and each
 * trainee's latest finish per assigned scenario.
 */

export type MemberProgress = { userId: number; name: string; active: boolean; status: AssignmentStatus; done: number; total: number };

export type AssignmentProgress = {
  record: AssignmentRecord;
  kind: "scenario" | "pathway";
  title: string;
  /** The scenarios still in the library, in order: what the trainee has to play. */
  scenarioIds: string[];
  /** Part of it (or all) is no longer in the library. */
  missing: boolean;
  members: MemberProgress[];
};

/** What an assignment asks for: its title and the scenarios of it still in the library. */
export function resolveItem(record: AssignmentRecord, pathways: ReadonlyMap<number, PathwayRecord>, titles: ReadonlyMap<string, string>) {
  if (record.item.kind === "scenario") {
    const { scenarioId } = record.item;
    const title = titles.get(scenarioId);
    return { kind: "scenario" as const, title: title ?? scenarioId, scenarioIds: title === undefined ? [] : [scenarioId], missing: title === undefined };
  }
  const pathway = pathways.get(record.item.pathwayId);
  const all = pathway?.scenarioIds ?? [];
  const scenarioIds = all.filter((id) => titles.has(id));
  return { kind: "pathway" as const, title: pathway?.title ?? "", scenarioIds, missing: scenarioIds.length < all.length || scenarioIds.length === 0 };
}

export const pathwaysById = (records: readonly PathwayRecord[]) => new Map(records.map((record) => [record.id, record]));

export async function progressInTeams(teamIds: readonly number[], today: string): Promise<{ assignments: AssignmentProgress[]; trainees: TraineeActivity[] }> {
  const [records, trainees, titles] = await Promise.all([listAssignmentsOfTeams(teamIds), traineesWithActivity(teamIds), scenarioTitles()]);
  if (records.length === 0) return { assignments: [], trainees };
  const pathways = records.some((record) => record.item.kind === "pathway") ? pathwaysById(await listPathways()) : new Map<number, PathwayRecord>();
  const items = records.map((record) => ({ record, ...resolveItem(record, pathways, titles) }));
  const wanted = [...new Set(items.flatMap((item) => item.scenarioIds))];
  const completions = await lastCompletionsInTeams(teamIds, wanted);
  const last = new Map(completions.map((row) => [`${row.user_id} ${row.scenario_id}`, row.last_ended]));
  const byTeam = new Map<number, TraineeActivity[]>();
  // Someone in several of these teams (a learner launched from several courses) is in each of them.
  for (const trainee of trainees) {
    for (const teamId of trainee.teamIds) {
      const members = byTeam.get(teamId);
      if (members) members.push(trainee);
      else byTeam.set(teamId, [trainee]);
    }
  }
  const byId = new Map(trainees.map((trainee) => [trainee.id, trainee]));

  const assignments = items.map((item): AssignmentProgress => {
    const { target } = item.record;
    // A team's assignment reaches whoever is in the team now and can sign in.
    const people = target.kind === "trainee" ? [byId.get(target.userId)].filter((person) => person !== undefined) : (byTeam.get(target.teamId) ?? []).filter((person) => person.active);
    const members = people.map((person) => {
      const progress = progressOf({
        scenarioIds: item.scenarioIds,
        assignedAt: item.record.createdAt,
        dueOn: item.record.dueOn,
        today,
        lastCompleted: (scenarioId) => last.get(`${person.id} ${scenarioId}`),
      });
      return { userId: person.id, name: person.displayName, active: person.active, status: progress.status, done: progress.done.length, total: item.scenarioIds.length };
    });
    return { ...item, members };
  });
  return { assignments, trainees };
}
