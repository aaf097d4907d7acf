import * as z from "zod";
import { getDb } from "#db/db.server";
import { TIMINGS, type Timing } from "~/domain/timing";
import { isoNow } from "./time.server";

/** The trainee's default time limit for new attempts; null when they never chose one. */
export async function findTimingPreference(userId: number): Promise<Timing | null> {
  const db = await getDb();
  const row = await db.get(z.object({ timing: z.enum(TIMINGS) }), "SELECT timing FROM user_preferences WHERE user_id = ?", [userId]);
  return row?.timing ?? null;
}

export async function saveTimingPreference(userId: number, timing: Timing, now: Date = new Date()): Promise<void> {
  const db = await getDb();
  await db.write((tx) =>
    tx.run(
      `INSERT INTO user_preferences (user_id, timing, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET timing = excluded.timing, updated_at = excluded.updated_at`,
      [userId, timing, isoNow(now)],
    ),
  );
}
