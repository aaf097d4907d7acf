import * as z from "zod";
import { getDb } from "#db/db.server";
import { RoleSchema } from "~/accounts/account-input";
import type { Role } from "~/domain/vocabulary";
import { memberOfTeams } from "./team-members.server";
import { isoNow } from "./time.server";

export type { Role };

const UserRow = z.object({
  id: z.number().int(),
  // NULL for a person launched from a learning platform that sent no email.
  email: z.string().nullable(),
  display_name: z.string(),
  role: RoleSchema,
  team_id: z.number().int().nullable(),
  team_name: z.string().nullable(),
  active: z.union([z.literal(0), z.literal(1)]).transform((value) => value === 1),
});

export type User = {
  id: number;
  email: string | null;
  displayName: string;
  role: Role;
  teamId: number | null;
  teamName: string | null;
  active: boolean;
};

function toUser(row: z.infer<typeof UserRow>): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    teamId: row.team_id,
    teamName: row.team_name,
    active: row.active,
  };
}

// team_name: a trainee's own team (the first course of a launched learner; see team-members.server for the others), or
// the teams a manager is in charge of. The people list and a person's page show this one team.
const USER_COLUMNS = `u.id, u.email, u.display_name, u.role, u.team_id, u.active,
                      CASE WHEN u.role = 'manager' THEN
                        (SELECT group_concat(mt.name, ', ') FROM team_managers tm JOIN teams mt ON mt.id = tm.team_id
                          WHERE tm.manager_id = u.id)
                      ELSE t.name END AS team_name`;
const USERS_WITH_TEAM = "users u LEFT JOIN teams t ON t.id = u.team_id";
const SELECT_USER = `SELECT ${USER_COLUMNS} FROM ${USERS_WITH_TEAM}`;

export async function findUserById(id: number): Promise<User | undefined> {
  const db = await getDb();
  const row = await db.get(UserRow, `${SELECT_USER} WHERE u.id = ?`, [id]);
  return row && toUser(row);
}

const SessionUserRow = UserRow.extend({ session_expires_at: z.string() });

/** The user a session belongs to (active or not) with the session's expiry, in one query. */
export async function findUserBySession(sessionId: string): Promise<{ user: User; sessionExpiresAt: string } | undefined> {
  const db = await getDb();
  const row = await db.get(
    SessionUserRow,
    `SELECT ${USER_COLUMNS}, s.expires_at AS session_expires_at FROM ${USERS_WITH_TEAM} JOIN sessions s ON s.user_id = u.id WHERE s.id = ?`,
    [sessionId],
  );
  return row && { user: toUser(row), sessionExpiresAt: row.session_expires_at };
}

export async function findUserByEmail(email: string): Promise<User | undefined> {
  const db = await getDb();
  const row = await db.get(UserRow, `${SELECT_USER} WHERE u.email = ?`, [email.trim()]);
  return row && toUser(row);
}

export async function findPasswordHash(email: string): Promise<{ userId: number; hash: string; active: boolean } | undefined> {
  const db = await getDb();
  const row = await db.get(
    z.object({ id: z.number().int(), password_hash: z.string(), active: z.number().int() }),
    // A person without a password (launched from a learning platform) cannot sign in with one: they are not found.
    "SELECT id, password_hash, active FROM users WHERE email = ? AND password_hash IS NOT NULL",
    [email.trim()],
  );
  return row && { userId: row.id, hash: row.password_hash, active: row.active === 1 };
}

export async function listUsers(): Promise<User[]> {
  const db = await getDb();
  const rows = await db.all(UserRow, `${SELECT_USER} ORDER BY u.active DESC, u.role, u.display_name COLLATE NOCASE`);
  return rows.map(toUser);
}

export async function listUsersByRole(role: Role): Promise<User[]> {
  const db = await getDb();
  const rows = await db.all(UserRow, `${SELECT_USER} WHERE u.role = ? ORDER BY u.display_name COLLATE NOCASE`, [role]);
  return rows.map(toUser);
}

/** The trainees who are members of these teams (their own or a course they launched from), each once, with their own team. */
export async function listTraineesOfTeams(teamIds: readonly number[]): Promise<User[]> {
  if (teamIds.length === 0) return [];
  const db = await getDb();
  const rows = await db.all(
    UserRow,
    `${SELECT_USER} WHERE u.role = 'trainee' AND ${memberOfTeams("u.id", teamIds)}
      ORDER BY t.name, u.display_name COLLATE NOCASE`,
    teamIds,
  );
  return rows.map(toUser);
}

export async function countUsers(): Promise<number> {
  const db = await getDb();
  const row = await db.get(z.object({ n: z.number().int() }), "SELECT COUNT(*) AS n FROM users");
  return row?.n ?? 0;
}

export type NewUser = {
  email: string;
  displayName: string;
  role: Role;
  teamId: number | null;
  passwordHash: string;
};

export class EmailTakenError extends Error {
  constructor(readonly email: string) {
    super(`A user with the email ${email} already exists.`);
    this.name = "EmailTakenError";
  }
}

export async function createUser(user: NewUser): Promise<number> {
  const db = await getDb();
  const now = isoNow();
  try {
    return await db.write(async (tx) => {
      const { lastID } = await tx.run(
        `INSERT INTO users (email, display_name, role, team_id, active, password_hash, created_at, updated_at)
         VALUES (?, ?, ?, ?, 1, ?, ?, ?)`,
        [user.email.trim(), user.displayName.trim(), user.role, user.teamId, user.passwordHash, now, now],
      );
      return lastID;
    });
  } catch (error) {
    if (error instanceof Error && /UNIQUE constraint failed: users\.email/.test(error.message)) {
      throw new EmailTakenError(user.email.trim());
    }
    throw error;
  }
}

export type UserChanges = { role: Role; teamId: number | null; displayName: string };

/** Updates role, team and name; a user who stops being a manager stops managing teams. */
export async function updateUser(id: number, changes: UserChanges): Promise<void> {
  const db = await getDb();
  await db.write(async (tx) => {
    await tx.run("UPDATE users SET role = ?, team_id = ?, display_name = ?, updated_at = ? WHERE id = ?", [
      changes.role,
      changes.teamId,
      changes.displayName.trim(),
      isoNow(),
      id,
    ]);
    if (changes.role !== "manager") await tx.run("DELETE FROM team_managers WHERE manager_id = ?", [id]);
  });
}

/**
 * A disabled user's sessions stay until their next request, which requireUser refuses:
 * it ends them there and tells the person why they were signed out.
 */
export async function setUserActive(id: number, active: boolean): Promise<void> {
  const db = await getDb();
  await db.write((tx) => tx.run("UPDATE users SET active = ?, updated_at = ? WHERE id = ?", [active ? 1 : 0, isoNow(), id]));
}

export async function setPasswordHash(id: number, passwordHash: string): Promise<void> {
  const db = await getDb();
  await db.write((tx) =>
    tx.run("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?", [passwordHash, isoNow(), id]),
  );
}
