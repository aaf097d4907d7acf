import { parseWithZod } from "@conform-to/zod/v4";
import type { TFunction } from "i18next";
import * as z from "zod";
import type { FilterParams } from "~/analytics/scope.server";
import type { Skill } from "~/domain/vocabulary";
import { findAssignment, hasCurrentAssignment, insertAssignment, markAssignmentRemoved, type AssignmentItem, type AssignmentTarget } from "~/models/assignment.server";
import { listPathways } from "~/models/pathway.server";
import type { Team } from "~/models/team.server";
import { teamIdsOfMember } from "~/models/team-members.server";
import { listTraineesOfTeams, type User } from "~/models/user.server";
import { scenarioOptions, type ScenarioOption } from "./library-options.server";
import type { FormOutcome } from "./pathways.server";
import { isPastDay, type AssignmentStatus } from "./progress";
import { progressInTeams, type MemberProgress } from "./team-progress.server";

/**
 * The manager's assignments page: assign a scenario or a pathway to a trainee of their teams or
 * to a whole team they manage, see each trainee's progress, remove an assignment. An admin sees
 * every team. Anything outside the person's teams answers 404, like a missing page.
 */

export type AssignActor = { user: User; teams: Team[]; filters: FilterParams };

export type AssignmentView = {
  id: number;
  kind: "scenario" | "pathway";
  title: string;
  steps: number;
  missing: boolean;
  target: "trainee" | "team";
  targetName: string;
  teamName: string | null;
  dueOn: string | null;
  assignedBy: string | null;
  createdAt: string;
  counts: Record<AssignmentStatus, number>;
  members: MemberProgress[];
};

export type PathwayOption = { id: number; title: string; skill: Skill; steps: number };
/** teamIds: the shown teams the trainee is a member of; the form lists them under each. */
export type TraineeOption = { id: number; name: string; teamIds: number[] };

export type AssignmentsPage = {
  today: string;
  /** The teams shown: the one picked in the filter, or every team the person may see. */
  shownTeams: Team[];
  trainees: TraineeOption[];
  scenarios: ScenarioOption[];
  pathways: PathwayOption[];
  assignments: AssignmentView[];
};

export const utcToday = (now: Date) => now.toISOString().slice(0, 10);

const notFound = () => new Response("Not found", { status: 404 });

/** The teams in view: one picked team (404 when it is not theirs) or all of them. */
function shownTeamsOf(actor: AssignActor): Team[] {
  if (actor.filters.team === undefined) return actor.teams;
  const team = actor.teams.find((candidate) => candidate.id === actor.filters.team);
  if (!team) throw notFound();
  return [team];
}

export async function assignmentsPage(actor: AssignActor, now: Date = new Date()): Promise<AssignmentsPage> {
  const today = utcToday(now);
  const shownTeams = shownTeamsOf(actor);
  const [{ assignments, trainees }, scenarios, pathways] = await Promise.all([progressInTeams(shownTeams.map((team) => team.id), today), scenarioOptions(), listPathways()]);
  return {
    today,
    shownTeams,
    trainees: trainees.filter((trainee) => trainee.active).map((trainee) => ({ id: trainee.id, name: trainee.displayName, teamIds: trainee.teamIds })),
    scenarios,
    pathways: pathways.filter((pathway) => pathway.scenarioIds.length > 0).map((pathway) => ({ id: pathway.id, title: pathway.title, skill: pathway.skill, steps: pathway.scenarioIds.length })),
    assignments: assignments.map((assignment) => {
      const { record } = assignment;
      const counts: Record<AssignmentStatus, number> = { done: 0, open: 0, overdue: 0 };
      for (const member of assignment.members) counts[member.status]++;
      return {
        id: record.id,
        kind: assignment.kind,
        title: assignment.title,
        steps: assignment.scenarioIds.length,
        missing: assignment.missing,
        target: record.target.kind,
        targetName: record.target.kind === "trainee" ? (record.userName ?? "") : (record.teamName ?? ""),
        teamName: record.teamName,
        dueOn: record.dueOn,
        assignedBy: record.assignedBy,
        createdAt: record.createdAt,
        counts,
        members: assignment.members,
      };
    }),
  };
}

const ITEM = /^(scenario|pathway):(.+)$/;
const TARGET = /^(trainee|team):([1-9]\d{0,15})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isRealDay = (day: string) => DAY.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);

/** "scenario:<id>" or "pathway:<id>", as the assignment and deep-linking forms send what they offer. */
export function parseAssignmentItem(value: string): AssignmentItem | null {
  const [, kind, rest] = ITEM.exec(value) ?? [];
  if (kind === "scenario" && rest) return { kind: "scenario", scenarioId: rest };
  if (kind === "pathway" && rest && /^[1-9]\d{0,15}$/.test(rest)) return { kind: "pathway", pathwayId: Number(rest) };
  return null;
}

function parseTarget(value: string): AssignmentTarget | null {
  const [, kind, id] = TARGET.exec(value) ?? [];
  if (!kind || !id) return null;
  return kind === "team" ? { kind: "team", teamId: Number(id) } : { kind: "trainee", userId: Number(id) };
}

export type Assigned = { item: string; who: string };

/**
 * Assigns from the page's form: what (a scenario or pathway), to whom (a trainee or a team) and an
 * optional due day (UTC), today or later. A target outside the person's teams throws 404, like a
 * page they cannot see; the same item already assigned to the same target is refused by name.
 */
export async function assignFromForm(actor: AssignActor, formData: FormData, t: TFunction, now: Date = new Date()): Promise<FormOutcome<Assigned>> {
  const today = utcToday(now);
  const [scenarios, pathways, members] = await Promise.all([scenarioOptions(), listPathways(), listTraineesOfTeams(actor.teams.map((team) => team.id))]);
  const schema = z.object({
    item: z.string({ error: t("assignments.assign.errors.what") }).transform((value, ctx) => {
      const item = parseAssignmentItem(value);
      const known = item?.kind === "scenario" ? scenarios.some((s) => s.id === item.scenarioId) : pathways.some((p) => item !== null && p.id === item.pathwayId && p.scenarioIds.length > 0);
      if (!item || !known) {
        ctx.addIssue({ code: "custom", message: t("assignments.assign.errors.whatUnknown") });
        return z.NEVER;
      }
      return item;
    }),
    target: z.string({ error: t("assignments.assign.errors.who") }).transform((value, ctx) => {
      const target = parseTarget(value);
      if (!target) {
        ctx.addIssue({ code: "custom", message: t("assignments.assign.errors.who") });
        return z.NEVER;
      }
      return target;
    }),
    dueOn: z
      .string()
      .optional()
      .superRefine((value, ctx) => {
        if (value === undefined) return;
        if (!isRealDay(value)) ctx.addIssue({ code: "custom", message: t("assignments.assign.errors.dueInvalid") });
        else if (isPastDay(value, today)) ctx.addIssue({ code: "custom", message: t("assignments.assign.errors.duePast") });
      }),
  });
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return { ok: false, reply: submission.reply() };
  const { item, target, dueOn } = submission.value;

  const team = target.kind === "team" ? actor.teams.find((candidate) => candidate.id === target.teamId) : undefined;
  const trainee = target.kind === "trainee" ? members.find((member) => member.id === target.userId && member.active) : undefined;
  if (!team && !trainee) throw notFound();
  const who = team ? t("assignments.assign.wholeTeam", { team: team.name }) : trainee!.displayName;
  const what = item.kind === "scenario" ? scenarios.find((s) => s.id === item.scenarioId)!.title : pathways.find((p) => p.id === item.pathwayId)!.title;
  if (await hasCurrentAssignment(item, target)) {
    return { ok: false, reply: submission.reply({ fieldErrors: { item: [t("assignments.assign.errors.duplicate", { item: what, who })] } }) };
  }
  await insertAssignment(item, target, dueOn ?? null, actor.user.id, now);
  return { ok: true, value: { item: what, who } };
}

/** A team the person manages, or a trainee who is a member of one (their own team or a course they launched from). */
async function inActorsTeams(actor: AssignActor, target: AssignmentTarget): Promise<boolean> {
  const teamIds = target.kind === "team" ? [target.teamId] : await teamIdsOfMember(target.userId);
  return actor.teams.some((team) => teamIds.includes(team.id));
}

const RemoveForm = z.object({ assignmentId: z.coerce.number().int().positive() });

/** Removes an assignment of the person's teams; anything else (missing, removed, another team's) is 404. */
export async function removeAssignment(actor: AssignActor, formData: FormData, now: Date = new Date()): Promise<void> {
  const parsed = RemoveForm.safeParse({ assignmentId: formData.get("assignmentId") });
  if (!parsed.success) throw notFound();
  const record = await findAssignment(parsed.data.assignmentId);
  if (!record || !(await inActorsTeams(actor, record.target))) throw notFound();
  if (!(await markAssignmentRemoved(record.id, now))) throw notFound();
}
