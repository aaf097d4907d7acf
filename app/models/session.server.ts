import { z } from "zod";
import { getDb } from "#db/db.server";
import { isoNow } from "./time.server";

const SessionRow = z.object({
  user_id: z.number().int(),
  expires_at: z.string(),
  active: z.number().int(),
});

export type StoredSession = { userId: number; expiresAt: string; userActive: boolean };

export async function insertSession(id: string, userId: number, expiresAt: Date): Promise<void> {
  const db = await getDb();
  await db.write((tx) =>
    tx.run("INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)", [
      id,
      userId,
      isoNow(),
      expiresAt.toISOString(),
    ]),
  );
}

export async function findSession(id: string): Promise<StoredSession | undefined> {
  const db = await getDb();
  const row = await db.get(
    SessionRow,
    "SELECT s.user_id, s.expires_at, u.active FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?",
    [id],
  );
  return row && { userId: row.user_id, expiresAt: row.expires_at, userActive: row.active === 1 };
}

export async function deleteSession(id: string): Promise<void> {
  const db = await getDb();
  await db.write((tx) => tx.run("DELETE FROM sessions WHERE id = ?", [id]));
}

export async function deleteSessionsOfUser(userId: number): Promise<void> {
  const db = await getDb();
  await db.write((tx) => tx.run("DELETE FROM sessions WHERE user_id = ?", [userId]));
}

export async function deleteExpiredSessions(now: Date = new Date()): Promise<number> {
  const db = await getDb();
  const { changes } = await db.write((tx) => tx.run("DELETE FROM sessions WHERE expires_at <= ?", [isoNow(now)]));
  return changes;
}
