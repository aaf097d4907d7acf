import { getDb } from "#db/db.server";
import { isoNow } from "./time.server";

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
