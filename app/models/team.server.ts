import * as z from "zod";
import { getDb } from "#db/db.server";
import { isoNow } from "./time.server";

export const TeamRow = z.object({ id: z.number().int(), name: z.string() });
export type Team = z.infer<typeof TeamRow>;

const TeamWithCounts = TeamRow.extend({ trainees: z.number().int(), managers: z.string().nullable() });
export type TeamSummary = z.infer<typeof TeamWithCounts>;

export async function listTeams(): Promise<Team[]> {
  const db = await getDb();
  return db.all(TeamRow, "SELECT id, name FROM teams ORDER BY name");
}

/**
 * Every team with its trainees counted by their own team (users.team_id), not by membership: the admin's per-team
 * column adds up to the organisation, so a learner launched from several courses counts once, in their first.
 */
export async function listTeamSummaries(): Promise<TeamSummary[]> {
  const db = await getDb();
  return db.all(
    TeamWithCounts,
    `SELECT t.id, t.name,
            (SELECT COUNT(*) FROM users u WHERE u.team_id = t.id AND u.role = 'trainee') AS trainees,
            (SELECT group_concat(m.display_name, ', ') FROM team_managers tm JOIN users m ON m.id = tm.manager_id
              WHERE tm.team_id = t.id) AS managers
       FROM teams t ORDER BY t.name`,
  );
}

export async function findTeamByName(name: string): Promise<Team | undefined> {
  const db = await getDb();
  return db.get(TeamRow, "SELECT id, name FROM teams WHERE name = ?", [name.trim()]);
}

export async function findTeamById(id: number): Promise<Team | undefined> {
  const db = await getDb();
  return db.get(TeamRow, "SELECT id, name FROM teams WHERE id = ?", [id]);
}

export async function createTeam(name: string): Promise<Team> {
  const db = await getDb();
  const trimmed = name.trim();
  return db.write(async (tx) => {
    const { lastID } = await tx.run("INSERT INTO teams (name, created_at) VALUES (?, ?)", [trimmed, isoNow()]);
    return { id: lastID, name: trimmed };
  });
}

/** Replaces the set of teams a manager is in charge of. */
export async function setManagedTeams(managerId: number, teamIds: readonly number[]): Promise<void> {
  const db = await getDb();
  await db.write(async (tx) => {
    await tx.run("DELETE FROM team_managers WHERE manager_id = ?", [managerId]);
    for (const teamId of teamIds) {
      await tx.run("INSERT INTO team_managers (team_id, manager_id) VALUES (?, ?)", [teamId, managerId]);
    }
  });
}

/** Replaces the managers of a team; ids that are not managers are ignored. */
export async function setTeamManagers(teamId: number, managerIds: readonly number[]): Promise<void> {
  const db = await getDb();
  await db.write(async (tx) => {
    await tx.run("DELETE FROM team_managers WHERE team_id = ?", [teamId]);
    for (const managerId of managerIds) {
      await tx.run(
        `INSERT INTO team_managers (team_id, manager_id)
         SELECT ?, id FROM users WHERE id = ? AND role = 'manager'`,
        [teamId, managerId],
      );
    }
  });
}

export async function addTeamManager(teamId: number, managerId: number): Promise<void> {
  const db = await getDb();
  await db.write((tx) =>
    tx.run("INSERT OR IGNORE INTO team_managers (team_id, manager_id) VALUES (?, ?)", [teamId, managerId]),
  );
}

export async function listManagedTeams(managerId: number): Promise<Team[]> {
  const db = await getDb();
  return db.all(
    TeamRow,
    `SELECT t.id, t.name FROM teams t JOIN team_managers tm ON tm.team_id = t.id
      WHERE tm.manager_id = ? ORDER BY t.name`,
    [managerId],
  );
}

export async function listTeamManagerIds(teamId: number): Promise<number[]> {
  const db = await getDb();
  const rows = await db.all(
    z.object({ manager_id: z.number().int() }),
    "SELECT manager_id FROM team_managers WHERE team_id = ?",
    [teamId],
  );
  return rows.map((row) => row.manager_id);
}
