import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, GameInputError, isoWeekLabel, utcDay, weekMonth, weekStart } from "./time";

describe("utcDay", () => {
  it("takes the day in UTC, whatever zone the time is written in", () => {
    expect(utcDay("2026-03-01T23:30:00.000Z")).toBe("2026-03-01");
    expect(utcDay("2026-03-01T23:30:00-02:00")).toBe("2026-03-02");
    expect(utcDay("2026-03-02T00:30+01:00")).toBe("2026-03-01");
  });

  it("refuses a time without a zone, or that is not a time, naming it", () => {
    expect(() => utcDay("2026-03-01T10:00:00", "endedAt")).toThrow(GameInputError);
    expect(() => utcDay("2026-03-01T10:00:00", "endedAt")).toThrow('endedAt "2026-03-01T10:00:00" is not an ISO 8601 time with a zone');
    expect(() => utcDay("yesterday")).toThrow(/yesterday/);
  });
});

describe("ISO weeks", () => {
  it("start on Monday", () => {
    expect(weekStart("2026-03-02")).toBe("2026-03-02"); // a Monday
    expect(weekStart("2026-03-08")).toBe("2026-03-02"); // the Sunday after
    expect(weekStart("2026-03-09")).toBe("2026-03-09");
  });

  it("carry the ISO name, including weeks that belong to the neighbouring year", () => {
    expect(isoWeekLabel(weekStart("2026-01-01"))).toBe("2026-W01"); // a Thursday
    expect(isoWeekLabel(weekStart("2021-01-03"))).toBe("2020-W53"); // a Sunday
    expect(isoWeekLabel(weekStart("2024-12-30"))).toBe("2025-W01");
    expect(isoWeekLabel(weekStart("2026-12-31"))).toBe("2026-W53");
    expect(isoWeekLabel("2026-03-02")).toBe("2026-W10");
  });

  it("belong to the month of their Thursday", () => {
    expect(weekMonth("2026-03-30")).toBe("2026-04"); // Mon 30 Mar – Sun 5 Apr: Thursday 2 April
    expect(weekMonth("2026-04-27")).toBe("2026-04"); // Mon 27 Apr – Sun 3 May: Thursday 30 April
  });

  it("follow each other one number at a time, and every day of a week shares its Monday", () => {
    const days = fc.integer({ min: 0, max: 20_000 }).map((n) => addDays("2000-01-03", n));
    fc.assert(
      fc.property(days, (day) => {
        const monday = weekStart(day);
        expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1);
        expect(addDays(monday, 6) >= day && monday <= day).toBe(true);
        const [year, week] = isoWeekLabel(monday).split("-W").map(Number) as [number, number];
        const [nextYear, nextWeek] = isoWeekLabel(addDays(monday, 7)).split("-W").map(Number) as [number, number];
        if (nextYear === year) expect(nextWeek).toBe(week + 1);
        else expect([nextYear, nextWeek, week >= 52]).toEqual([year + 1, 1, true]);
      }),
    );
  });

  it("refuse a day that does not exist", () => {
    expect(() => weekStart("2026-02-30")).toThrow('day "2026-02-30" is not a date (YYYY-MM-DD)');
  });
});
