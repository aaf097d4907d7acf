/**
 * The weekly streak: weeks in a row in which the trainee finished the weekly goal's number of
 * conversations. Weekly rather than daily, so practice fits around shifts; ISO weeks in UTC.
 *
 * A week is judged by the goal in force on its Monday, so a change made mid-week applies from
 * the next week and never moves the target under anyone. The week in progress never breaks a
 * streak: it adds to it once met. A missed week is forgiven automatically by the month's freeze
 * (one a month, the month holding the week's Thursday) when there is a streak to keep; a frozen
 * week keeps the streak alive but does not lengthen it.
 */
import { settingOn, type GameSettings } from "./settings";
import { addDays, isoWeekLabel, utcDay, weekMonth, weekStart } from "./time";

export const WEEKLY_GOAL = 3;
export const FREEZES_PER_MONTH = 1;

/** Finished conversations per week, keyed by the week's Monday. */
export type WeekCounts = Readonly<Record<string, number>>;

export function countInWeek(weeks: WeekCounts, endedAt: string): WeekCounts {
  const monday = weekStart(utcDay(endedAt));
  return { ...weeks, [monday]: (weeks[monday] ?? 0) + 1 };
}

export type WeekStatus = "met" | "frozen" | "missed" | "in-progress";

export type StreakWeek = { monday: string; label: string; goal: number; finished: number; status: WeekStatus };

export type Streak = {
  /** Weeks in the current run (frozen weeks not counted), this week included once met. */
  current: number;
  best: number;
  thisWeek: StreakWeek;
  /** Whether this month's freeze is still there to forgive a missed week. */
  freezeLeft: boolean;
  /** Every week from the first practised one to this one, oldest first. */
  weeks: StreakWeek[];
};

export const weeklyGoalOn = (settings: GameSettings, monday: string): number => settingOn(settings.weeklyGoal, monday, WEEKLY_GOAL);

export function streakOf(weeks: WeekCounts, settings: GameSettings, asOf: string): Streak {
  const thisMonday = weekStart(utcDay(asOf, "asOf"));
  const practised = Object.keys(weeks).filter((monday) => monday <= thisMonday).sort();
  const freezesUsed = new Map<string, number>();
  const history: StreakWeek[] = [];
  let run = 0;
  let best = 0;
  for (let monday = practised[0] ?? thisMonday; monday <= thisMonday; monday = addDays(monday, 7)) {
    const goal = weeklyGoalOn(settings, monday);
    const finished = weeks[monday] ?? 0;
    const month = weekMonth(monday);
    let status: WeekStatus;
    if (finished >= goal) {
      status = "met";
      run++;
    } else if (monday === thisMonday) {
      status = "in-progress";
    } else if (run > 0 && (freezesUsed.get(month) ?? 0) < FREEZES_PER_MONTH) {
      status = "frozen";
      freezesUsed.set(month, (freezesUsed.get(month) ?? 0) + 1);
    } else {
      status = "missed";
      run = 0;
    }
    best = Math.max(best, run);
    history.push({ monday, label: isoWeekLabel(monday), goal, finished, status });
  }
  return {
    current: run,
    best,
    thisWeek: history.at(-1)!,
    freezeLeft: (freezesUsed.get(weekMonth(thisMonday)) ?? 0) < FREEZES_PER_MONTH,
    weeks: history,
  };
}
