import * as z from "zod";
import { getDb } from "#db/db.server";
import { isoNow } from "./time.server";

/** The organisation's grading settings (migration 0013, `grading_settings`, at most one row): the pass mark. */

const PassMarkRow = z.object({
  pass_mark: z.number().int(),
  updated_by_name: z.string().nullable(),
  updated_at: z.string(),
});
export type PassMarkRecord = z.infer<typeof PassMarkRow>;

/** The stored pass mark with who set it and when, or undefined while no admin has set one. */
export async function findPassMarkSetting(): Promise<PassMarkRecord | undefined> {
  const db = await getDb();
  return db.get(
    PassMarkRow,
    `SELECT g.pass_mark, u.display_name AS updated_by_name, g.updated_at
       FROM grading_settings g LEFT JOIN users u ON u.id = g.updated_by WHERE g.id = 1`,
  );
}

export async function savePassMark(passMark: number, updatedBy: number | null, at: Date = new Date()): Promise<void> {
  const db = await getDb();
  await db.write((tx) =>
    tx.run(
      `INSERT INTO grading_settings (id, pass_mark, updated_by, updated_at) VALUES (1, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET pass_mark = excluded.pass_mark, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [passMark, updatedBy, isoNow(at)],
    ),
  );
}
