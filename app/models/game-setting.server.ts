import * as z from "zod";
import type { Database } from "#db/connection.server";
import { getDb } from "#db/db.server";
import { isoNow } from "./time.server";

/**
 * The admin's dated game settings (migration 0006, `game_settings`). Rows are only ever added:
 * a change holds from its `from_day`, so the past keeps the values it had.
 */

export const SETTING_NAMES = ["dailyCap", "weeklyGoal"] as const;
export type SettingName = (typeof SETTING_NAMES)[number];

const GameSettingRow = z.object({
  id: z.number().int(),
  name: z.enum(SETTING_NAMES),
  value: z.number().int(),
  from_day: z.string(),
  set_by_name: z.string().nullable(),
  set_at: z.string(),
});
export type GameSettingRecord = z.infer<typeof GameSettingRow>;

/** Every change, in the order it was made. */
export async function listGameSettingChanges(): Promise<GameSettingRecord[]> {
  const db = await getDb();
  return db.all(
    GameSettingRow,
    `SELECT g.id, g.name, g.value, g.from_day, u.display_name AS set_by_name, g.set_at
       FROM game_settings g LEFT JOIN users u ON u.id = g.set_by
      ORDER BY g.id`,
  );
}

const ValueRow = GameSettingRow.pick({ name: true, value: true, from_day: true });
export type GameSettingValue = z.infer<typeof ValueRow>;

// Every trainee page reads the rules' values, which change a few times a year: they are kept per database connection
// with the newest row id they were read at. Each read asks only for that id (the table's largest rowid, one b-tree step),
// so a change made by another serving process is seen at its next read, not at a restart.
const cachedValues = new WeakMap<Database, { newestId: number; rows: Promise<GameSettingValue[]> }>();
const NewestRow = z.object({ newest: z.number().int() });

/** The changes' values in the order they were made, for the rules (no names: those may change). */
export async function listGameSettingValues(): Promise<GameSettingValue[]> {
  const db = await getDb();
  const newestId = (await db.get(NewestRow, "SELECT coalesce(max(id), 0) AS newest FROM game_settings"))?.newest ?? 0;
  const held = cachedValues.get(db);
  if (held?.newestId === newestId) return held.rows;
  const rows = db.all(ValueRow, "SELECT name, value, from_day FROM game_settings WHERE id <= ? ORDER BY id", [newestId]);
  cachedValues.set(db, { newestId, rows });
  rows.catch(() => cachedValues.delete(db));
  return rows;
}

export type NewGameSetting = { name: SettingName; value: number; fromDay: string };

/** Adds the changes in one transaction, so a form that changes both settings is never half stored. */
export async function insertGameSettingChanges(changes: readonly NewGameSetting[], setBy: number | null, at: Date = new Date()): Promise<void> {
  const db = await getDb();
  await db.write(async (tx) => {
    for (const change of changes) {
      await tx.run("INSERT INTO game_settings (name, value, from_day, set_by, set_at) VALUES (?, ?, ?, ?, ?)", [
        change.name,
        change.value,
        change.fromDay,
        setBy,
        isoNow(at),
      ]);
    }
  });
}
