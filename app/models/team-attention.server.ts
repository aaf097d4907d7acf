import * as z from "zod";
import { getDb } from "#db/db.server";
import { SKILLS, type Skill } from "~/domain/vocabulary";
import { placeholders } from "./analytics.server";
import { memberOfTeams } from "./team-members.server";

/** The team overview's attention facts: who has been quiet, and how much evidence each skill has. */

const TraineeActivityRow = z.object({
  id: z.number().int(),
  display_name: z.string(),
  team_ids: z.string().transform((ids) => ids.split(",").map(Number)),
  active: z.number().int(),
  last_started: z.string().nullable(),
  last_ended: z.string().nullable(),
});

export type TraineeActivity = {
  id: number;
  displayName: string;
  /** The requested teams this trainee is a member of (one, or more for someone in several courses). */
  teamIds: number[];
  active: boolean;
  /** The latest start or finish of any conversation; null when they never played. */
  lastActivity: string | null;
};

/**
 * Every trainee who is a member of these teams, once, with their latest activity. Each subquery is one index lookup
 * (attempts_user for starts, the completed partial index for finishes), so this stays one cheap
 * query however long the history is.
 */
export async function traineesWithActivity(teamIds: readonly number[]): Promise<TraineeActivity[]> {
  if (teamIds.length === 0) return [];
  const db = await getDb();
  const rows = await db.all(
    TraineeActivityRow,
    `SELECT u.id, u.display_name, u.active,
            (SELECT group_concat(tm.team_id) FROM team_members tm WHERE tm.user_id = u.id AND tm.team_id IN (${placeholders(teamIds)})) AS team_ids,
            (SELECT MAX(a.started_at) FROM attempts a WHERE a.user_id = u.id) AS last_started,
            (SELECT MAX(a.ended_at) FROM attempts a WHERE a.user_id = u.id AND a.status = 'completed') AS last_ended
       FROM users u
      WHERE u.role = 'trainee' AND ${memberOfTeams("u.id", teamIds)}
      ORDER BY u.display_name COLLATE NOCASE, u.id`,
    [...teamIds, ...teamIds],
  );
  return rows.map((row) => ({
    id: row.id,
    displayName: row.display_name,
    teamIds: row.team_ids,
    active: row.active === 1,
    lastActivity: row.last_started === null || (row.last_ended !== null && row.last_ended > row.last_started) ? row.last_ended : row.last_started,
  }));
}

const CountsRow = z.object({
  user_id: z.number().int(),
  listening: z.number().int(),
  empathy: z.number().int(),
  calm: z.number().int(),
  persuasion: z.number().int(),
  expectations: z.number().int(),
});

/** Per trainee: how many finished conversations in [from, to) assessed each skill (trainees only: anyone else listed is absent). */
export async function assessedCounts(userIds: readonly number[], range: { from: string; to: string }): Promise<Map<number, Record<Skill, number>>> {
  if (userIds.length === 0) return new Map();
  const db = await getDb();
  const rows = await db.all(
    CountsRow,
    `SELECT a.user_id, ${SKILLS.map((skill) => `COUNT(a.${skill}) AS ${skill}`).join(", ")}
       FROM users u JOIN attempts a ON a.user_id = u.id
      WHERE u.role = 'trainee' AND u.id IN (${placeholders(userIds)}) AND a.status = 'completed' AND a.ended_at >= ? AND a.ended_at < ?
      GROUP BY a.user_id`,
    [...userIds, range.from, range.to],
  );
  return new Map(rows.map((row) => [row.user_id, Object.fromEntries(SKILLS.map((skill) => [skill, row[skill]])) as Record<Skill, number>]));
}
