/**
 * Calendar arithmetic for the game rules, always in UTC: a trainee in Auckland and one in London
 * share the same days and weeks, so a rebuild never depends on where it runs.
 *
 * Days are "YYYY-MM-DD". A week is keyed by its Monday ("YYYY-MM-DD"), which sorts and steps
 * easily; `isoWeekLabel` gives the ISO 8601 name ("2026-W03") for people.
 */

const DAY_MS = 86_400_000;
// The app writes `toISOString()`; a time without a zone would be read as local time, so it is refused.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export class GameInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GameInputError";
  }
}

function parseTime(iso: string, what: string): number {
  const ms = ISO_TIME.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) throw new GameInputError(`${what} "${iso}" is not an ISO 8601 time with a zone`);
  return ms;
}

function parseDay(day: string, what: string): number {
  const ms = ISO_DAY.test(day) ? Date.parse(`${day}T00:00:00Z`) : Number.NaN;
  // Date.parse rolls 2026-02-30 over into March; a day that does not round-trip is not a day.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) throw new GameInputError(`${what} "${day}" is not a date (YYYY-MM-DD)`);
  return ms;
}

const dayOfMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Throws a GameInputError naming `what` unless `day` is a real calendar date. */
export function checkDay(day: string, what: string): void {
  parseDay(day, what);
}

/** The UTC day of an ISO time. */
export function utcDay(iso: string, what = "time"): string {
  return dayOfMs(parseTime(iso, what));
}

/** The Monday (UTC) of the ISO week holding `day`. */
export function weekStart(day: string): string {
  const ms = parseDay(day, "day");
  const sinceMonday = (new Date(ms).getUTCDay() + 6) % 7;
  return dayOfMs(ms - sinceMonday * DAY_MS);
}

export function addDays(day: string, days: number): string {
  return dayOfMs(parseDay(day, "day") + days * DAY_MS);
}

/**
 * The month a week belongs to: the month of its Thursday, which always holds at least four of
 * the week's seven days (the same rule that gives an ISO week its year).
 */
export function weekMonth(monday: string): string {
  return addDays(monday, 3).slice(0, 7);
}

/** "2026-W03": the ISO 8601 name of the week starting on `monday`. */
export function isoWeekLabel(monday: string): string {
  const thursday = addDays(monday, 3);
  const year = thursday.slice(0, 4);
  const firstThursday = addDays(weekStart(`${year}-01-04`), 3);
  const week = 1 + Math.round((parseDay(thursday, "day") - parseDay(firstThursday, "day")) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, "0")}`;
}
