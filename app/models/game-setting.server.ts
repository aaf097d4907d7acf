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

// Every trainee page reads the rules' values, which change a few times a year and only through
// insertGameSettingChanges below: read once per database and kept until a change. (A second
// process writing settings would not be seen until a restart; only the admin page writes them.)
const cachedValues = new WeakMap<Database, Promise<GameSettingValue[]>>();

/** The changes' values in the order they were made, for the rules (no names: those may change). */
export async function listGameSettingValues(): Promise<GameSettingValue[]> {
  const db = await getDb();
  let rows = cachedValues.get(db);
  if (!rows) {
    rows = db.all(ValueRow, "SELECT name, value, from_day FROM game_settings ORDER BY id");
    cachedValues.set(db, rows);
    rows.catch(() => cachedValues.delete(db));
  }
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
  cachedValues.delete(db);
}
