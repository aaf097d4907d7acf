import { parseWithZod } from "@conform-to/zod/v4";
import * as z from "zod";
import { checkSettings, SETTING_LIMITS, settingOn, type Dated, type GameSettings } from "~/game/settings";
import { WEEKLY_GOAL } from "~/game/streak";
import { addDays, weekStart } from "~/game/time";
import { DAILY_CAP } from "~/game/xp";
import {
  insertGameSettingChanges,
  listGameSettingValues,
  listGameSettingChanges,
  SETTING_NAMES,
  type GameSettingRecord,
  type NewGameSetting,
  type SettingName,
} from "~/models/game-setting.server";

/**
 * The admin's game settings: the daily XP cap and the weekly practice goal. A change is a new
 * dated row that holds from the next UTC day, so nothing already earned or judged moves.
 */

export { SETTING_NAMES, type SettingName };

/** What each setting is when no admin has changed it: the rules' own defaults. */
export const SETTING_DEFAULTS: Readonly<Record<SettingName, number>> = { dailyCap: DAILY_CAP, weeklyGoal: WEEKLY_GOAL };

const utcToday = (now: Date) => now.toISOString().slice(0, 10);

/** Every change an admin made, in the order they were made: what the game rules read. */
export async function loadGameSettings(): Promise<GameSettings> {
  return settingsOf(await listGameSettingValues());
}

function settingsOf(rows: readonly Pick<GameSettingRecord, "name" | "value" | "from_day">[]): GameSettings {
  const of = (name: SettingName): Dated<number>[] => rows.filter((row) => row.name === name).map((row) => ({ from: row.from_day, value: row.value }));
  return { dailyCap: of("dailyCap"), weeklyGoal: of("weeklyGoal") };
}

export type SettingView = {
  name: SettingName;
  /** In force today. */
  current: number;
  /** In force from tomorrow: what the form starts from. */
  next: number;
  /** Whether `current` is the default, no change having reached today yet. */
  isDefault: boolean;
  fallback: number;
  min: number;
  max: number;
};

export type SettingChangeView = { id: number; name: SettingName; value: number; fromDay: string; setBy: string | null; setAt: string };

export type GameSettingsView = {
  today: string;
  /** The day a change made now starts to hold. */
  fromDay: string;
  /** The first week judged by a weekly goal changed now: a week keeps the goal of its Monday. */
  goalWeek: string;
  settings: SettingView[];
  /** Newest first. */
  history: SettingChangeView[];
};

export async function gameSettingsView(now: Date = new Date()): Promise<GameSettingsView> {
  const rows = await listGameSettingChanges();
  const settings = settingsOf(rows);
  const today = utcToday(now);
  const fromDay = addDays(today, 1);
  const monday = weekStart(fromDay);
  return {
    today,
    fromDay,
    goalWeek: monday === fromDay ? monday : addDays(monday, 7),
    settings: SETTING_NAMES.map((name) => ({
      name,
      current: settingOn(settings[name], today, SETTING_DEFAULTS[name]),
      next: settingOn(settings[name], fromDay, SETTING_DEFAULTS[name]),
      isDefault: !settings[name].some((change) => change.from <= today),
      fallback: SETTING_DEFAULTS[name],
      ...SETTING_LIMITS[name],
    })),
    history: rows
      .map((row) => ({ id: row.id, name: row.name, value: row.value, fromDay: row.from_day, setBy: row.set_by_name, setAt: row.set_at }))
      .reverse(),
  };
}

/** The form's two fields; each message names its field and limits, translated by the route. */
export function parseGameSettingsForm(formData: FormData, messages: Readonly<Record<SettingName, string>>) {
  const field = (name: SettingName) => {
    const { min, max } = SETTING_LIMITS[name];
    const message = messages[name];
    return z.number({ error: message }).int(message).min(min, message).max(max, message);
  };
  return parseWithZod(formData, { schema: z.object({ dailyCap: field("dailyCap"), weeklyGoal: field("weeklyGoal") }) });
}

/**
 * Stores the values that differ from those in force tomorrow, as changes holding from tomorrow
 * (UTC). Returns the names that changed; none when the form repeats what is already set.
 */
export async function changeGameSettings(values: Readonly<Record<SettingName, number>>, adminId: number | null, now: Date = new Date()): Promise<SettingName[]> {
  const settings = await loadGameSettings();
  const fromDay = addDays(utcToday(now), 1);
  const changes: NewGameSetting[] = SETTING_NAMES.filter((name) => values[name] !== settingOn(settings[name], fromDay, SETTING_DEFAULTS[name])).map((name) => ({
    name,
    value: values[name],
    fromDay,
  }));
  // The rules throw on a value out of range when they read it; refuse it before it is stored.
  checkSettings(settingsOf(changes.map((change) => ({ name: change.name, value: change.value, from_day: change.fromDay }))));
  if (changes.length > 0) await insertGameSettingChanges(changes, adminId, now);
  return changes.map((change) => change.name);
}
