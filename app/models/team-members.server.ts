import * as z from "zod";
import { getDb } from "#db/db.server";

/**
 * Who is in a team (the view `team_members`, migration 0012): a person's own team, or any course team they launched
 * from. Team pages decide "the learners of these teams" and "may this manager see this person" through it; figures
 * that group people by team across the organisation read `users.team_id` instead, so nobody counts twice.
 */

const marks = (teamIds: readonly number[]) => teamIds.map(() => "?").join(", ");

/** SQL condition: the user id in `userColumn` is a member of one of the teams. Bind the team ids once, in place. */
export const memberOfTeams = (userColumn: string, teamIds: readonly number[]) =>
  `${userColumn} IN (SELECT user_id FROM team_members WHERE team_id IN (${marks(teamIds)}))`;

/**
 * SQL expression: the team among `teamIds` that the person `u` is listed under on a team page, their own team when it is
 * one of them, else the first of their course teams there. Bind the team ids once, in place.
 */
export const listedTeam = (teamIds: readonly number[]) =>
  `(SELECT tm.team_id FROM team_members tm WHERE tm.user_id = u.id AND tm.team_id IN (${marks(teamIds)})
     ORDER BY tm.team_id IS NOT u.team_id, tm.team_id LIMIT 1)`;

/** Every team the person is a member of, by id. */
export async function teamIdsOfMember(userId: number): Promise<number[]> {
  const db = await getDb();
  const rows = await db.all(z.object({ team_id: z.number().int() }), "SELECT team_id FROM team_members WHERE user_id = ? ORDER BY team_id", [userId]);
  return rows.map((row) => row.team_id);
}
