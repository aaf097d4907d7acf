import { TIMINGS } from "~/domain/timing";
import * as z from "zod";
import { getDb } from "#db/db.server";
import { MASTERY_WINDOW } from "~/analytics/mastery";
import { SKILLS, type Skill } from "~/engine";
import { listedTeam, memberOfTeams } from "./team-members.server";

/**
 * Which completed attempts count: trainees who are members of these teams (`team_members`: their own team or a
 * course they launched from), finished within [from, to). Every query here also checks `role = 'trainee'`: trainers
 * and admins play the catalogue too, and their attempts count in no trainee figure even should one of them carry a
 * team (the rule is the role).
 */
export type Scope = { teamIds: readonly number[]; from: string; to: string };

export const placeholders = (values: readonly unknown[]) => values.map(() => "?").join(", ");

/** Mean of the last MASTERY_WINDOW (five) assessed scores of one skill for the trainee `u`, within the scope's dates. */
export const masteryColumn = (skill: Skill) => `(
  SELECT AVG(v) FROM (
    SELECT a.${skill} AS v FROM attempts a
     WHERE a.user_id = u.id AND a.status = 'completed' AND a.${skill} IS NOT NULL AND a.ended_at >= ? AND a.ended_at < ?
     ORDER BY a.ended_at DESC, a.id DESC LIMIT ${MASTERY_WINDOW})
) AS ${skill}`;

const Mastery = z.number().nullable();
const OverviewRow = z.object({
  id: z.number().int(),
  display_name: z.string(),
  email: z.string().nullable(),
  team_id: z.number().int(),
  team_name: z.string(),
  active: z.number().int(),
  listening: Mastery,
  empathy: Mastery,
  calm: Mastery,
  persuasion: Mastery,
  expectations: Mastery,
  attempts: z.number().int().nullable(),
  scenarios: z.number().int().nullable(),
  csat: z.number().nullable(),
  fcr: z.number().nullable(),
  last_active: z.string().nullable(),
});

export type OverviewTrainee = {
  id: number;
  displayName: string;
  email: string | null;
  teamId: number;
  teamName: string;
  active: boolean;
  mastery: Record<Skill, number | null>;
  attempts: number;
  scenariosCompleted: number;
  avgCsat: number | null;
  fcrRate: number | null;
  lastActive: string | null;
};

/**
 * One row per trainee who is a member of the scope's teams (a course they launched from counts), listed once, under
 * their own team when it is in the scope: current mastery per skill and their activity.
 */
export async function teamOverview(scope: Scope): Promise<OverviewTrainee[]> {
  if (scope.teamIds.length === 0) return [];
  const db = await getDb();
  const rows = await db.all(
    OverviewRow,
    `SELECT u.id, u.display_name, u.email, t.id AS team_id, t.name AS team_name, u.active,
            ${SKILLS.map(masteryColumn).join(",\n")},
            s.attempts, s.scenarios, s.csat, s.fcr, s.last_active
       FROM users u
       JOIN teams t ON t.id = ${listedTeam(scope.teamIds)}
       LEFT JOIN (
         SELECT a.user_id, COUNT(*) AS attempts, COUNT(DISTINCT a.scenario_id) AS scenarios,
                AVG(a.csat) AS csat, AVG(a.resolved) AS fcr, MAX(a.ended_at) AS last_active
           FROM attempts a
          WHERE ${memberOfTeams("a.user_id", scope.teamIds)} AND a.status = 'completed' AND a.ended_at >= ? AND a.ended_at < ?
          GROUP BY a.user_id
       ) s ON s.user_id = u.id
      WHERE u.role = 'trainee' AND ${memberOfTeams("u.id", scope.teamIds)}
      ORDER BY u.display_name COLLATE NOCASE`,
    [
      ...SKILLS.flatMap(() => [scope.from, scope.to]),
      ...scope.teamIds,
      ...scope.teamIds,
      scope.from,
      scope.to,
      ...scope.teamIds,
    ],
  );
  return rows.map((row) => ({
    id: row.id,
    displayName: row.display_name,
    email: row.email,
    teamId: row.team_id,
    teamName: row.team_name,
    active: row.active === 1,
    mastery: Object.fromEntries(SKILLS.map((skill) => [skill, row[skill]])) as Record<Skill, number | null>,
    attempts: row.attempts ?? 0,
    scenariosCompleted: row.scenarios ?? 0,
    avgCsat: row.csat,
    fcrRate: row.fcr,
    lastActive: row.last_active,
  }));
}

const ScenarioStatRow = z.object({
  scenario_id: z.string(),
  started: z.number().int(),
  completed: z.number().int(),
  delighted: z.number().int(),
  satisfied: z.number().int(),
  neutral: z.number().int(),
  escalated: z.number().int(),
  lost: z.number().int(),
  csat: z.number().nullable(),
  fcr: z.number().nullable(),
  listening: Mastery,
  empathy: Mastery,
  calm: Mastery,
  persuasion: Mastery,
  expectations: Mastery,
  overall: Mastery,
});
export type ScenarioStat = z.infer<typeof ScenarioStatRow>;

/** Per scenario: attempts started and completed, outcomes, and average scores (no names). */
export async function scenarioStats(scope: Scope): Promise<ScenarioStat[]> {
  if (scope.teamIds.length === 0) return [];
  const db = await getDb();
  return db.all(
    ScenarioStatRow,
    `SELECT a.scenario_id,
            COUNT(*) AS started,
            SUM(a.status = 'completed') AS completed,
            SUM(a.outcome = 'delighted') AS delighted, SUM(a.outcome = 'satisfied') AS satisfied,
            SUM(a.outcome = 'neutral') AS neutral, SUM(a.outcome = 'escalated') AS escalated, SUM(a.outcome = 'lost') AS lost,
            AVG(a.csat) AS csat, AVG(a.resolved) AS fcr,
            ${SKILLS.map((skill) => `AVG(a.${skill}) AS ${skill}`).join(", ")}, AVG(a.overall) AS overall
       FROM attempts a JOIN users u ON u.id = a.user_id
      WHERE u.role = 'trainee' AND ${memberOfTeams("u.id", scope.teamIds)} AND a.status <> 'abandoned'
        AND a.started_at >= ? AND a.started_at < ?
      GROUP BY a.scenario_id
      ORDER BY a.scenario_id`,
    [...scope.teamIds, scope.from, scope.to],
  );
}

const ScopedAttemptRow = z.object({
  id: z.number().int(),
  display_name: z.string(),
  email: z.string().nullable(),
  team_name: z.string(),
  scenario_id: z.string(),
  title: z.string(),
  status: z.enum(["in-progress", "completed"]),
  started_at: z.string(),
  ended_at: z.string().nullable(),
  outcome: z.string().nullable(),
  csat: z.number().int().nullable(),
  resolved: z.number().int().nullable(),
  listening: z.number().int().nullable(),
  empathy: z.number().int().nullable(),
  calm: z.number().int().nullable(),
  persuasion: z.number().int().nullable(),
  expectations: z.number().int().nullable(),
  overall: z.number().int().nullable(),
  timing: z.enum(TIMINGS),
});
export type ScopedAttempt = z.infer<typeof ScopedAttemptRow>;

/** Every attempt (finished or in progress) started in the scope, oldest first, for export. */
export async function attemptsInScope(scope: Scope): Promise<ScopedAttempt[]> {
  if (scope.teamIds.length === 0) return [];
  const db = await getDb();
  return db.all(
    ScopedAttemptRow,
    `SELECT a.id, u.display_name, u.email, t.name AS team_name, a.scenario_id, v.title, a.status, a.started_at, a.ended_at,
            a.outcome, a.csat, a.resolved, ${SKILLS.map((skill) => `a.${skill}`).join(", ")}, a.overall, a.timing
       FROM attempts a
       JOIN users u ON u.id = a.user_id
       JOIN teams t ON t.id = ${listedTeam(scope.teamIds)}
       JOIN scenario_versions v ON v.hash = a.scenario_hash
      WHERE u.role = 'trainee' AND ${memberOfTeams("u.id", scope.teamIds)} AND a.status <> 'abandoned' AND a.started_at >= ? AND a.started_at < ?
      ORDER BY a.started_at, a.id`,
    [...scope.teamIds, ...scope.teamIds, scope.from, scope.to],
  );
}

const TrendRow = z.object({
  ended_at: z.string(),
  listening: z.number().int().nullable(),
  empathy: z.number().int().nullable(),
  calm: z.number().int().nullable(),
  persuasion: z.number().int().nullable(),
  expectations: z.number().int().nullable(),
});
export type TrendPoint = z.infer<typeof TrendRow>;

/** A trainee's skill scores per finished attempt in the date range, oldest first. */
export async function skillTrend(userId: number, scope: Pick<Scope, "from" | "to">): Promise<TrendPoint[]> {
  const db = await getDb();
  return db.all(
    TrendRow,
    `SELECT a.ended_at, ${SKILLS.map((skill) => `a.${skill}`).join(", ")}
       FROM attempts a JOIN users u ON u.id = a.user_id AND u.role = 'trainee'
      WHERE a.user_id = ? AND a.status = 'completed' AND a.ended_at >= ? AND a.ended_at < ?
      ORDER BY a.ended_at, a.id`,
    [userId, scope.from, scope.to],
  );
}
