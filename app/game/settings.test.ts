import { describe, expect, it } from "vitest";
import { checkSettings, NO_CHANGES, settingOn } from "./settings";

describe("settingOn", () => {
  const changes = [
    { from: "2026-03-10", value: 5 },
    { from: "2026-02-01", value: 2 },
  ];

  it("uses the fallback before the first change", () => {
    expect(settingOn(changes, "2026-01-31", 3)).toBe(3);
  });

  it("applies a change from its own day on, and the latest change in force (in any listing order)", () => {
    expect(settingOn(changes, "2026-02-01", 3)).toBe(2);
    expect(settingOn(changes, "2026-03-09", 3)).toBe(2);
    expect(settingOn(changes, "2026-03-10", 3)).toBe(5);
  });

  it("takes the later of two changes made on the same day", () => {
    expect(settingOn([{ from: "2026-02-01", value: 2 }, { from: "2026-02-01", value: 4 }], "2026-02-02", 3)).toBe(4);
  });
});

describe("checkSettings", () => {
  it("accepts no changes and sensible ones", () => {
    expect(() => checkSettings(NO_CHANGES)).not.toThrow();
    expect(() => checkSettings({ dailyCap: [{ from: "2026-01-01", value: 0 }], weeklyGoal: [{ from: "2026-01-05", value: 1 }] })).not.toThrow();
  });

  it("names the setting, the change and the problem", () => {
    expect(() => checkSettings({ dailyCap: [], weeklyGoal: [{ from: "2026-01-05", value: 2 }, { from: "2026-01-12", value: 0 }] })).toThrow(
      "weeklyGoal change 2: value 0 is not a whole number from 1 to 50",
    );
    expect(() => checkSettings({ dailyCap: [{ from: "2026-01-01", value: 2.5 }], weeklyGoal: [] })).toThrow("dailyCap change 1: value 2.5");
    expect(() => checkSettings({ dailyCap: [{ from: "1 March", value: 300 }], weeklyGoal: [] })).toThrow('dailyCap change 1: from "1 March" is not a date');
  });
});
