import * as z from "zod";
import { getDb } from "#db/db.server";

export type RequestSlot = { ok: true; inWindow: number } | { ok: false; oldestMs: number };

/**
 * Takes one of `max` requests a token may make in the window ending at `nowMs`, or says when the
 * oldest request in it leaves. One transaction, so every server process counts the same window.
 */
export async function takeRequestSlot(tokenId: number, nowMs: number, windowMs: number, max: number): Promise<RequestSlot> {
  const db = await getDb();
  return db.write(async (tx) => {
    await tx.run("DELETE FROM api_requests WHERE token_id = ? AND at_ms <= ?", [tokenId, nowMs - windowMs]);
    const window = await tx.get(z.object({ count: z.number().int(), oldest: z.number().nullable() }), "SELECT count(*) AS count, min(at_ms) AS oldest FROM api_requests WHERE token_id = ?", [tokenId]);
    const count = window?.count ?? 0;
    if (count >= max) return { ok: false, oldestMs: window?.oldest ?? nowMs };
    await tx.run("INSERT INTO api_requests (token_id, at_ms) VALUES (?, ?)", [tokenId, Math.floor(nowMs)]);
    return { ok: true, inWindow: count + 1 };
  });
}
