import * as z from "zod";
import { getDb } from "#db/db.server";

/** One-time handoffs from a launch to the page it leads to (see lti_handoffs in 0009). */

export async function insertHandoff(handoff: { tokenHash: string; userId: number; target: string; expiresAt: Date }): Promise<void> {
  const db = await getDb();
  await db.write((tx) =>
    tx.run("INSERT INTO lti_handoffs (token_hash, user_id, target, expires_at) VALUES (?, ?, ?, ?)", [handoff.tokenHash, handoff.userId, handoff.target, handoff.expiresAt.toISOString()]),
  );
}

const Row = z.object({ user_id: z.number().int(), target: z.string() });

export async function findHandoff(tokenHash: string, now: Date = new Date()): Promise<{ userId: number; target: string } | undefined> {
  const db = await getDb();
  const row = await db.get(Row, "SELECT user_id, target FROM lti_handoffs WHERE token_hash = ? AND expires_at > ?", [tokenHash, now.toISOString()]);
  return row && { userId: row.user_id, target: row.target };
}

/** Takes the handoff (once: a second take finds nothing). */
export async function takeHandoff(tokenHash: string, now: Date = new Date()): Promise<{ userId: number; target: string } | undefined> {
  const db = await getDb();
  return db.write(async (tx) => {
    const row = await tx.get(Row, "SELECT user_id, target FROM lti_handoffs WHERE token_hash = ? AND expires_at > ?", [tokenHash, now.toISOString()]);
    await tx.run("DELETE FROM lti_handoffs WHERE token_hash = ?", [tokenHash]);
    return row && { userId: row.user_id, target: row.target };
  });
}

export async function deleteExpiredHandoffs(now: Date = new Date()): Promise<number> {
  const db = await getDb();
  return db.write(async (tx) => (await tx.run("DELETE FROM lti_handoffs WHERE expires_at <= ?", [now.toISOString()])).changes);
}
