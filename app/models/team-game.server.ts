import * as z from "zod";
import { getDb } from "#db/db.server";
import { memberOfTeams } from "./team-members.server";
import { isoNow } from "./time.server";

/**
 * A team's shared weekly goal and optional leaderboard (`team_game_settings`), a trainee's choice
 * to keep their name off it (`leaderboard_preferences`), and the two figures the team page reads:
 * the team's finished conversations and each teammate's XP over a span of UTC days.
 */

const Flag = z.union([z.literal(0), z.literal(1)]).transform((value) => value === 1);

const TeamGameRow = z.object({ team_id: z.number().int(), leaderboard: Flag, weekly_goal: z.number().int().nullable() });
export type TeamGameRecord = z.infer<typeof TeamGameRow>;

export async function findTeamGameSettings(teamId: number): Promise<TeamGameRecord | undefined> {
  const db = await getDb();
  return db.get(TeamGameRow, "SELECT team_id, leaderboard, weekly_goal FROM team_game_settings WHERE team_id = ?", [teamId]);
}

export async function listTeamGameSettings(): Promise<TeamGameRecord[]> {
  const db = await getDb();
  return db.all(TeamGameRow, "SELECT team_id, leaderboard, weekly_goal FROM team_game_settings");
}

export async function saveTeamGameSettings(
  teamId: number,
  settings: { leaderboard: boolean; weeklyGoal: number | null },
  now: Date = new Date(),
): Promise<void> {
  const db = await getDb();
  await db.write((tx) =>
    tx.run(
      `INSERT INTO team_game_settings (team_id, leaderboard, weekly_goal, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (team_id) DO UPDATE SET leaderboard = excluded.leaderboard, weekly_goal = excluded.weekly_goal,
                                           updated_at = excluded.updated_at`,
      [teamId, settings.leaderboard ? 1 : 0, settings.weeklyGoal, isoNow(now)],
    ),
  );
}

/** Whether the trainee keeps their name off the leaderboard; false when they never chose. */
export async function findLeaderboardHidden(userId: number): Promise<boolean> {
  const db = await getDb();
  const row = await db.get(z.object({ hidden: Flag }), "SELECT hidden FROM leaderboard_preferences WHERE user_id = ?", [userId]);
  return row?.hidden ?? false;
}

export async function saveLeaderboardHidden(userId: number, hidden: boolean, now: Date = new Date()): Promise<void> {
  const db = await getDb();
  await db.write((tx) =>
    tx.run(
      `INSERT INTO leaderboard_preferences (user_id, hidden, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET hidden = excluded.hidden, updated_at = excluded.updated_at`,
      [userId, hidden ? 1 : 0, isoNow(now)],
    ),
  );
}

/**
 * Conversations finished by the team's trainees (its members: a course's team counts everyone who launched from it)
 * from the UTC day `from` up to, not including, the day `until`. ISO times compare as text, so a day string bounds
 * them exactly.
 */
export async function countTeamFinished(teamId: number, from: string, until: string): Promise<number> {
  const db = await getDb();
  const row = await db.get(
    z.object({ finished: z.number().int() }),
    `SELECT COUNT(*) AS finished
       FROM users u JOIN attempts a ON a.user_id = u.id
      WHERE ${memberOfTeams("u.id", [teamId])} AND u.role = 'trainee'
        AND a.status = 'completed' AND a.ended_at >= ? AND a.ended_at < ?`,
    [teamId, from, until],
  );
  return row?.finished ?? 0;
}

const TeammateXpRow = z.object({ user_id: z.number().int(), display_name: z.string(), hidden: Flag, xp: z.number().int() });
export type TeammateXpRecord = z.infer<typeof TeammateXpRow>;

/** Each active trainee who is a member of the team with the XP their conversations earned on the days `from` to `to` (inclusive). */
export async function listTeammateXp(teamId: number, from: string, to: string): Promise<TeammateXpRecord[]> {
  const db = await getDb();
  return db.all(
    TeammateXpRow,
    `SELECT u.id AS user_id, u.display_name, COALESCE(p.hidden, 0) AS hidden,
            COALESCE((SELECT SUM(w.xp) FROM attempt_awards w WHERE w.user_id = u.id AND w.day BETWEEN ? AND ?), 0) AS xp
       FROM users u LEFT JOIN leaderboard_preferences p ON p.user_id = u.id
      WHERE ${memberOfTeams("u.id", [teamId])} AND u.role = 'trainee' AND u.active = 1
      ORDER BY xp DESC, u.id`,
    [from, to, teamId],
  );
}
