// Shared by loaders and components (no server-only imports).

/**
 * The timer an attempt was played with, chosen when it starts (the `shuffle` branch stores it as
 * `attempts.timing`): the scenario's patience, a longer one, or no timer at all.
 */
export const TIMING_SETTINGS = ["normal", "extended", "none"] as const;
export type TimingSetting = (typeof TIMING_SETTINGS)[number];

/**
 * An attempt's timer setting. Attempts that carry none (played before the setting existed, or
 * read through a view that does not pass it on yet) ran with the normal timer.
 */
export function timingSettingOf(attempt: object): TimingSetting {
  // Typed loosely on purpose: it reads `timing` from whatever row it is given, so that it keeps
  // compiling before and after the attempts carry the field.
  const timing: unknown = "timing" in attempt ? attempt.timing : undefined;
  return TIMING_SETTINGS.find((setting) => setting === timing) ?? "normal";
}
