import * as z from "zod";
import { getDb } from "#db/db.server";
import { isoNow } from "./time.server";

/** One-time state and nonce pairs handed out at login initiation. */

export async function insertLaunchState(state: { state: string; nonce: string; platformId: number; expiresAt: Date }): Promise<void> {
  const db = await getDb();
  await db.write((tx) =>
    tx.run("INSERT INTO lti_launch_states (state, nonce, platform_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)", [
      state.state,
      state.nonce,
      state.platformId,
      isoNow(),
      state.expiresAt.toISOString(),
    ]),
  );
}

const StateRow = z.object({ nonce: z.string(), platform_id: z.number().int(), expires_at: z.string(), used_at: z.string().nullable() });

export type ClaimedState =
  | { status: "claimed"; nonce: string; platformId: number }
  | { status: "unknown" }
  | { status: "used" }
  | { status: "expired" };

/**
 * Marks a state used and returns its nonce, in one write: two posts of the same launch cannot both claim it.
 * When it cannot be claimed, says why.
 */
export async function claimLaunchState(state: string, now: Date = new Date()): Promise<ClaimedState> {
  const db = await getDb();
  return db.write(async (tx) => {
    const row = await tx.get(StateRow, "SELECT nonce, platform_id, expires_at, used_at FROM lti_launch_states WHERE state = ?", [state]);
    if (!row) return { status: "unknown" };
    if (row.used_at !== null) return { status: "used" };
    if (row.expires_at <= now.toISOString()) return { status: "expired" };
    await tx.run("UPDATE lti_launch_states SET used_at = ? WHERE state = ?", [isoNow(now), state]);
    return { status: "claimed", nonce: row.nonce, platformId: row.platform_id };
  });
}

/** Swept with the sessions. A used state is kept until it expires, so a replay is named as one. */
export async function deleteExpiredLaunchStates(now: Date = new Date()): Promise<number> {
  const db = await getDb();
  return db.write(async (tx) => (await tx.run("DELETE FROM lti_launch_states WHERE expires_at <= ?", [now.toISOString()])).changes);
}
