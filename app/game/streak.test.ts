import { describe, expect, it } from "vitest";
import { NO_CHANGES, type GameSettings } from "./settings";
import { countInWeek, streakOf, type WeekCounts } from "./streak";

/** Week counts from (Monday, finished conversations) pairs, through countInWeek as the app would. */
function weeks(...entries: [monday: string, finished: number][]): WeekCounts {
  let counts: WeekCounts = {};
  for (const [monday, finished] of entries) {
    for (let i = 0; i < finished; i++) counts = countInWeek(counts, `${monday}T09:00:00Z`);
  }
  return counts;
}

// Mondays of March and April 2026: 2, 9, 16, 23, 30 March (Thursday 2 April: an April week), 6, 13 April.
const statuses = (streak: ReturnType<typeof streakOf>) => streak.weeks.map((week) => `${week.label}:${week.status}`);

describe("the weekly streak", () => {
  it("counts weeks in a row that met the goal of three, and this week once it is met", () => {
    const streak = streakOf(weeks(["2026-03-02", 3], ["2026-03-09", 4], ["2026-03-16", 3]), NO_CHANGES, "2026-03-19T12:00:00Z");
    expect(statuses(streak)).toEqual(["2026-W10:met", "2026-W11:met", "2026-W12:met"]);
    expect([streak.current, streak.best]).toEqual([3, 3]);
  });

  it("does not count a week one conversation short", () => {
    const streak = streakOf(weeks(["2026-03-02", 3], ["2026-03-09", 2]), NO_CHANGES, "2026-03-10T12:00:00Z");
    expect(streak.thisWeek).toMatchObject({ finished: 2, goal: 3, status: "in-progress" });
    expect(streak.current).toBe(1);
  });

  it("keeps the streak through the week in progress until it is met", () => {
    const streak = streakOf(weeks(["2026-03-02", 3], ["2026-03-09", 3]), NO_CHANGES, "2026-03-16T08:00:00Z");
    expect(streak.thisWeek.status).toBe("in-progress");
    expect(streak.current).toBe(2);
  });

  it("uses the month's freeze on a missed week automatically: the streak survives but does not grow", () => {
    const streak = streakOf(weeks(["2026-03-02", 3], ["2026-03-16", 3]), NO_CHANGES, "2026-03-20T12:00:00Z");
    expect(statuses(streak)).toEqual(["2026-W10:met", "2026-W11:frozen", "2026-W12:met"]);
    expect([streak.current, streak.best, streak.freezeLeft]).toEqual([2, 2, false]);
  });

  it("has one freeze a month: a second missed week in the same month ends the streak", () => {
    const streak = streakOf(weeks(["2026-03-02", 3], ["2026-03-16", 3], ["2026-04-06", 3]), NO_CHANGES, "2026-04-07T12:00:00Z");
    // 9 March takes March's freeze, so 23 March ends the streak; 30 March (an April week) then has no streak to keep.
    expect(statuses(streak)).toEqual(["2026-W10:met", "2026-W11:frozen", "2026-W12:met", "2026-W13:missed", "2026-W14:missed", "2026-W15:met"]);
    expect([streak.current, streak.best, streak.freezeLeft]).toEqual([1, 2, true]);
  });

  it("gives each month its own freeze, by the month of the week's Thursday", () => {
    // Missed: 23 March (a March week) and 30 March (Thursday 2 April: an April week).
    const streak = streakOf(weeks(["2026-03-09", 3], ["2026-03-16", 3], ["2026-04-06", 3]), NO_CHANGES, "2026-04-08T12:00:00Z");
    expect(statuses(streak)).toEqual(["2026-W11:met", "2026-W12:met", "2026-W13:frozen", "2026-W14:frozen", "2026-W15:met"]);
    expect([streak.current, streak.freezeLeft]).toEqual([3, false]);
  });

  it("falls to 0 once last week was missed with no freeze left, and keeps the best", () => {
    const streak = streakOf(weeks(["2026-03-02", 3], ["2026-03-09", 3], ["2026-03-16", 1]), NO_CHANGES, "2026-04-01T12:00:00Z");
    expect(statuses(streak).slice(2)).toEqual(["2026-W12:frozen", "2026-W13:missed", "2026-W14:in-progress"]);
    expect([streak.current, streak.best]).toEqual([0, 2]);
  });

  it("judges each week by the goal in force on its Monday, so a mid-week change waits for the next week", () => {
    const settings: GameSettings = { dailyCap: [], weeklyGoal: [{ from: "2026-03-11", value: 2 }] };
    const streak = streakOf(weeks(["2026-03-09", 2], ["2026-03-16", 2]), settings, "2026-03-17T12:00:00Z");
    expect(streak.weeks.map((week) => [week.goal, week.status])).toEqual([
      [3, "missed"],
      [2, "met"],
    ]);
  });

  it("starts empty for a trainee who has not practised", () => {
    const streak = streakOf({}, NO_CHANGES, "2026-03-04T12:00:00Z");
    expect(streak).toMatchObject({ current: 0, best: 0, freezeLeft: true, thisWeek: { monday: "2026-03-02", finished: 0, status: "in-progress" } });
  });

  it("ignores conversations after the moment asked about", () => {
    const streak = streakOf(weeks(["2026-03-02", 3], ["2026-03-16", 3]), NO_CHANGES, "2026-03-04T12:00:00Z");
    expect(streak.weeks).toHaveLength(1);
    expect(streak.current).toBe(1);
  });
});
