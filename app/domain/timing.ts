/**
 * The trainee's time limit (WCAG 2.2.1, timing adjustable): the customer's patience as written
 * ("normal"), twice that ("extended"), or no limit ("none"). Shared vocabulary: the database
 * column, the settings page and the play page all use these names.
 */
export const TIMINGS = ["normal", "extended", "none"] as const;
export type Timing = (typeof TIMINGS)[number];

export function isTiming(value: unknown): value is Timing {
  return typeof value === "string" && (TIMINGS as readonly string[]).includes(value);
}
