import * as z from "zod";
import { getDb } from "#db/db.server";
import { placeholders } from "./analytics.server";
import { memberOfTeams } from "./team-members.server";
import { isoNow } from "./time.server";

/**
 * Assignments (migration 0006): one scenario or one pathway, for one trainee or a whole team.
 * Removing one sets `removed_at`, so the record stays. "Current" means not removed.
 */

export type AssignmentItem = { kind: "scenario"; scenarioId: string } | { kind: "pathway"; pathwayId: number };
export type AssignmentTarget = { kind: "trainee"; userId: number } | { kind: "team"; teamId: number };

const AssignmentRow = z.object({
  id: z.number().int(),
  scenario_id: z.string().nullable(),
  pathway_id: z.number().int().nullable(),
  user_id: z.number().int().nullable(),
  user_name: z.string().nullable(),
  team_id: z.number().int().nullable(),
  target_team_id: z.number().int().nullable(),
  target_team_name: z.string().nullable(),
  due_on: z.string().nullable(),
  assigned_by_name: z.string().nullable(),
  created_at: z.string(),
});

export type AssignmentRecord = {
  id: number;
  item: AssignmentItem;
  target: AssignmentTarget;
  /** The trainee's name for a trainee's assignment. */
  userName: string | null;
  /** The team: the one assigned, or the trainee's team now (null for a trainee without one). */
  teamId: number | null;
  teamName: string | null;
  dueOn: string | null;
  assignedBy: string | null;
  createdAt: string;
};

function toRecord(row: z.infer<typeof AssignmentRow>): AssignmentRecord {
  return {
    id: row.id,
    item: row.scenario_id !== null ? { kind: "scenario", scenarioId: row.scenario_id } : { kind: "pathway", pathwayId: row.pathway_id! },
    target: row.user_id !== null ? { kind: "trainee", userId: row.user_id } : { kind: "team", teamId: row.team_id! },
    userName: row.user_name,
    teamId: row.target_team_id,
    teamName: row.target_team_name,
    dueOn: row.due_on,
    assignedBy: row.assigned_by_name,
    createdAt: row.created_at,
  };
}

const SELECT_ASSIGNMENTS = `
  SELECT a.id, a.scenario_id, a.pathway_id, a.user_id, u.display_name AS user_name, a.team_id,
         COALESCE(a.team_id, u.team_id) AS target_team_id, t.name AS target_team_name,
         a.due_on, b.display_name AS assigned_by_name, a.created_at
    FROM assignments a
    LEFT JOIN users u ON u.id = a.user_id
    LEFT JOIN teams t ON t.id = COALESCE(a.team_id, u.team_id)
    LEFT JOIN users b ON b.id = a.assigned_by`;

export async function insertAssignment(item: AssignmentItem, target: AssignmentTarget, dueOn: string | null, assignedBy: number | null, at: Date = new Date()): Promise<number> {
  const db = await getDb();
  const { lastID } = await db.write((tx) =>
    tx.run("INSERT INTO assignments (scenario_id, pathway_id, user_id, team_id, due_on, assigned_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", [
      item.kind === "scenario" ? item.scenarioId : null,
      item.kind === "pathway" ? item.pathwayId : null,
      target.kind === "trainee" ? target.userId : null,
      target.kind === "team" ? target.teamId : null,
      dueOn,
      assignedBy,
      isoNow(at),
    ]),
  );
  return lastID;
}

/** A current assignment by id; undefined when missing or removed. */
export async function findAssignment(id: number): Promise<AssignmentRecord | undefined> {
  const db = await getDb();
  const row = await db.get(AssignmentRow, `${SELECT_ASSIGNMENTS} WHERE a.id = ? AND a.removed_at IS NULL`, [id]);
  return row && toRecord(row);
}

/** Current assignments to these teams or to their trainees (members, a course's launched learners included), newest first. */
export async function listAssignmentsOfTeams(teamIds: readonly number[]): Promise<AssignmentRecord[]> {
  if (teamIds.length === 0) return [];
  const db = await getDb();
  const rows = await db.all(
    AssignmentRow,
    `${SELECT_ASSIGNMENTS}
      WHERE a.removed_at IS NULL
        AND (a.team_id IN (${placeholders(teamIds)})
             OR a.user_id IN (SELECT id FROM users u WHERE u.role = 'trainee' AND ${memberOfTeams("u.id", teamIds)}))
      ORDER BY a.created_at DESC, a.id DESC`,
    [...teamIds, ...teamIds],
  );
  return rows.map(toRecord);
}

/** Current assignments that reach this trainee: their own and those of every team they are a member of. */
export async function listAssignmentsOfTrainee(userId: number): Promise<AssignmentRecord[]> {
  const db = await getDb();
  const rows = await db.all(
    AssignmentRow,
    `${SELECT_ASSIGNMENTS}
      WHERE a.removed_at IS NULL
        AND (a.user_id = ? OR a.team_id IN (SELECT tm.team_id FROM team_members tm JOIN users u ON u.id = tm.user_id WHERE tm.user_id = ? AND u.role = 'trainee'))
      ORDER BY a.created_at DESC, a.id DESC`,
    [userId, userId],
  );
  return rows.map(toRecord);
}

/** Whether the same item is already a current assignment of the same trainee or team. */
export async function hasCurrentAssignment(item: AssignmentItem, target: AssignmentTarget): Promise<boolean> {
  const db = await getDb();
  const row = await db.get(
    z.object({ n: z.number().int() }),
    `SELECT COUNT(*) AS n FROM assignments
      WHERE removed_at IS NULL AND ${target.kind === "trainee" ? "user_id" : "team_id"} = ?
        AND ${item.kind === "scenario" ? "scenario_id" : "pathway_id"} = ?`,
    [target.kind === "trainee" ? target.userId : target.teamId, item.kind === "scenario" ? item.scenarioId : item.pathwayId],
  );
  return (row?.n ?? 0) > 0;
}

/** Removes a current assignment; false when it is missing or was removed already. */
export async function markAssignmentRemoved(id: number, at: Date = new Date()): Promise<boolean> {
  const db = await getDb();
  const { changes } = await db.write((tx) => tx.run("UPDATE assignments SET removed_at = ? WHERE id = ? AND removed_at IS NULL", [isoNow(at), id]));
  return changes === 1;
}

const CompletionRow = z.object({ user_id: z.number().int(), scenario_id: z.string(), last_ended: z.string() });
export type LastCompletion = z.infer<typeof CompletionRow>;

/**
 * Per trainee of these teams (members) and scenario: when they last finished a conversation of it. The
 * CROSS JOIN keeps the trainees as the outer loop (team_members, then each one's completed attempts
 * by the partial index): left to itself SQLite starts from the scenarios and reads every team's
 * attempts of them, several times slower for one team of 50.
 */
export async function lastCompletionsInTeams(teamIds: readonly number[], scenarioIds: readonly string[]): Promise<LastCompletion[]> {
  if (teamIds.length === 0 || scenarioIds.length === 0) return [];
  const db = await getDb();
  return db.all(
    CompletionRow,
    `SELECT a.user_id, a.scenario_id, MAX(a.ended_at) AS last_ended
       FROM users u CROSS JOIN attempts a ON a.user_id = u.id
      WHERE u.role = 'trainee' AND ${memberOfTeams("u.id", teamIds)}
        AND a.status = 'completed' AND a.scenario_id IN (${placeholders(scenarioIds)})
      GROUP BY a.user_id, a.scenario_id`,
    [...teamIds, ...scenarioIds],
  );
}

/** Per scenario: when this trainee last finished a conversation of it. */
export async function lastCompletionsOfTrainee(userId: number, scenarioIds: readonly string[]): Promise<LastCompletion[]> {
  if (scenarioIds.length === 0) return [];
  const db = await getDb();
  return db.all(
    CompletionRow,
    `SELECT a.user_id, a.scenario_id, MAX(a.ended_at) AS last_ended
       FROM attempts a JOIN users u ON u.id = a.user_id AND u.role = 'trainee'
      WHERE a.user_id = ? AND a.status = 'completed' AND a.scenario_id IN (${placeholders(scenarioIds)})
      GROUP BY a.user_id, a.scenario_id`,
    [userId, ...scenarioIds],
  );
}
