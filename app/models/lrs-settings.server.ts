import * as z from "zod";
import { getDb } from "#db/db.server";
import { isoNow } from "./time.server";

/** The organisation's learning record store (migration 0010, `lrs_settings`, at most one row). */

const LrsSettingsRow = z.object({
  enabled: z.union([z.literal(0), z.literal(1)]).transform((value) => value === 1),
  endpoint: z.string().nullable(),
  username: z.string().nullable(),
  secret: z.string().nullable(),
  activity_base: z.string().nullable(),
  statement_namespace: z.string(),
  updated_by_name: z.string().nullable(),
  updated_at: z.string(),
});
export type LrsSettingsRecord = z.infer<typeof LrsSettingsRow>;

export async function findLrsSettings(): Promise<LrsSettingsRecord | undefined> {
  const db = await getDb();
  return db.get(
    LrsSettingsRow,
    `SELECT s.enabled, s.endpoint, s.username, s.secret, s.activity_base, s.statement_namespace,
            u.display_name AS updated_by_name, s.updated_at
       FROM lrs_settings s LEFT JOIN users u ON u.id = s.updated_by WHERE s.id = 1`,
  );
}

export type LrsSettingsChange = {
  enabled: boolean;
  endpoint: string | null;
  username: string | null;
  /** null keeps the stored secret. */
  secret: string | null;
  activityBase: string | null;
  /** Used only when the row is first made: the namespace never changes, or statement ids would. */
  newNamespace: string;
};

export async function saveLrsSettings(change: LrsSettingsChange, updatedBy: number | null, at: Date = new Date()): Promise<void> {
  const db = await getDb();
  await db.write((tx) =>
    tx.run(
      `INSERT INTO lrs_settings (id, enabled, endpoint, username, secret, activity_base, statement_namespace, updated_by, updated_at)
       VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET enabled = excluded.enabled, endpoint = excluded.endpoint, username = excluded.username,
         secret = COALESCE(excluded.secret, lrs_settings.secret), activity_base = excluded.activity_base,
         updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [
        change.enabled ? 1 : 0,
        change.endpoint,
        change.username,
        change.secret,
        change.activityBase,
        change.newNamespace,
        updatedBy,
        isoNow(at),
      ],
    ),
  );
}
