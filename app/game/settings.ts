/**
 * Settings an admin can change (the daily XP cap, the weekly goal), kept as a dated history so
 * that a change applies from its date on: days and weeks already past keep the value they had,
 * and a rebuild from the attempts gives the same totals before and after the change.
 */
import { checkDay, GameInputError } from "./time";

/** One change: `value` holds from the UTC day `from` until the next change. */
export type Dated<T> = { from: string; value: T };

export type GameSettings = {
  /** Most XP a trainee can earn on one UTC day. */
  dailyCap: readonly Dated<number>[];
  /** Finished conversations that make a week count towards the streak. */
  weeklyGoal: readonly Dated<number>[];
};

/** No change ever made: every rule uses its default. */
export const NO_CHANGES: GameSettings = { dailyCap: [], weeklyGoal: [] };

export const SETTING_LIMITS = {
  dailyCap: { min: 0, max: 100_000 },
  weeklyGoal: { min: 1, max: 50 },
} as const;

/**
 * The value in force on `day`: the latest change dated on or before it, else `fallback`. Two
 * changes on one day: the later in the list wins (the list is the order they were made).
 */
export function settingOn<T>(changes: readonly Dated<T>[], day: string, fallback: T): T {
  let value = fallback;
  let since = "";
  for (const change of changes) {
    if (change.from <= day && change.from >= since) {
      value = change.value;
      since = change.from;
    }
  }
  return value;
}

/** Throws a GameInputError naming the setting, the change and the problem. */
export function checkSettings(settings: GameSettings): void {
  for (const name of ["dailyCap", "weeklyGoal"] as const) {
    const { min, max } = SETTING_LIMITS[name];
    settings[name].forEach((change, i) => {
      checkDay(change.from, `${name} change ${i + 1}: from`);
      if (!Number.isInteger(change.value) || change.value < min || change.value > max) {
        throw new GameInputError(`${name} change ${i + 1}: value ${change.value} is not a whole number from ${min} to ${max}`);
      }
    });
  }
}
