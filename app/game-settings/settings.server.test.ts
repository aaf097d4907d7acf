import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "#db/db.server";
import { useFreshDatabase } from "#db/test-database";
import { createAccount } from "~/accounts/accounts.server";
import { GameInputError } from "~/game/time";
import { changeGameSettings, gameSettingsView, loadGameSettings, parseGameSettingsForm, SETTING_DEFAULTS } from "./settings.server";

let adminId = 0;

beforeEach(async () => {
  await useFreshDatabase();
  adminId = await createAccount({ email: "admin@example.test", displayName: "Ada Admin", role: "admin", teamId: null, password: "" }, "scrypt$unused");
});

// A Wednesday, late in the UTC day: a local clock east of UTC would already be on Thursday.
const WEDNESDAY = new Date("2026-01-14T23:30:00Z");

describe("changing the game settings", () => {
  it("starts with the rules' defaults and no changes", async () => {
    expect(await loadGameSettings()).toEqual({ dailyCap: [], weeklyGoal: [] });
    const view = await gameSettingsView(WEDNESDAY);
    expect(view.settings.map(({ name, current, next, isDefault }) => ({ name, current, next, isDefault }))).toEqual([
      { name: "dailyCap", current: SETTING_DEFAULTS.dailyCap, next: SETTING_DEFAULTS.dailyCap, isDefault: true },
      { name: "weeklyGoal", current: 3, next: 3, isDefault: true },
    ]);
    expect(view.history).toEqual([]);
  });

  it("stores a change as holding from the next UTC day, leaving today as it was", async () => {
    expect(await changeGameSettings({ dailyCap: 250, weeklyGoal: 3 }, adminId, WEDNESDAY)).toEqual(["dailyCap"]);
    expect(await loadGameSettings()).toEqual({ dailyCap: [{ from: "2026-01-15", value: 250 }], weeklyGoal: [] });

    const view = await gameSettingsView(WEDNESDAY);
    expect(view.today).toBe("2026-01-14");
    expect(view.fromDay).toBe("2026-01-15");
    expect(view.settings[0]).toMatchObject({ current: SETTING_DEFAULTS.dailyCap, next: 250, isDefault: true });
    expect(view.history).toEqual([{ id: expect.any(Number), name: "dailyCap", value: 250, fromDay: "2026-01-15", setBy: "Ada Admin", setAt: "2026-01-14T23:30:00.000Z" }]);

    // The next day, the change is in force.
    const thursday = await gameSettingsView(new Date("2026-01-15T00:00:00Z"));
    expect(thursday.settings[0]).toMatchObject({ current: 250, next: 250, isDefault: false });
  });

  it("stores nothing when the form repeats the values in force tomorrow", async () => {
    expect(await changeGameSettings({ ...SETTING_DEFAULTS }, adminId, WEDNESDAY)).toEqual([]);
    await changeGameSettings({ dailyCap: 100, weeklyGoal: 5 }, adminId, WEDNESDAY);
    expect(await changeGameSettings({ dailyCap: 100, weeklyGoal: 5 }, adminId, WEDNESDAY)).toEqual([]);
    expect((await gameSettingsView(WEDNESDAY)).history).toHaveLength(2);
  });

  it("keeps every change, in the order made, and never rewrites the past", async () => {
    await changeGameSettings({ dailyCap: 400, weeklyGoal: 4 }, adminId, WEDNESDAY);
    await changeGameSettings({ dailyCap: 400, weeklyGoal: 2 }, adminId, WEDNESDAY);
    await changeGameSettings({ dailyCap: 400, weeklyGoal: 6 }, adminId, new Date("2026-02-02T10:00:00Z"));
    expect((await loadGameSettings()).weeklyGoal).toEqual([
      { from: "2026-01-15", value: 4 },
      { from: "2026-01-15", value: 2 },
      { from: "2026-02-03", value: 6 },
    ]);
    const view = await gameSettingsView(new Date("2026-01-20T12:00:00Z"));
    // Two changes for one day: the later one holds.
    expect(view.settings[1]).toMatchObject({ current: 2, next: 2 });
    expect(view.history.map((change) => change.value)).toEqual([6, 2, 4]);
    const db = await getDb();
    await db.write((tx) => tx.run("DELETE FROM users WHERE id = ?", [adminId]));
    expect((await gameSettingsView(WEDNESDAY)).history[0]?.setBy).toBeNull();
  });

  it("names the first week a new weekly goal judges: a week keeps the goal of its Monday", async () => {
    expect((await gameSettingsView(WEDNESDAY)).goalWeek).toBe("2026-01-19");
    // On a Sunday, tomorrow is a Monday: the goal judges the week that starts then.
    expect((await gameSettingsView(new Date("2026-01-18T08:00:00Z"))).goalWeek).toBe("2026-01-19");
  });

  it("refuses a value out of the rules' range even when called directly", async () => {
    await expect(changeGameSettings({ dailyCap: -1, weeklyGoal: 3 }, adminId, WEDNESDAY)).rejects.toThrow(GameInputError);
    await expect(changeGameSettings({ dailyCap: 400, weeklyGoal: 51 }, adminId, WEDNESDAY)).rejects.toThrow(GameInputError);
    expect(await loadGameSettings()).toEqual({ dailyCap: [], weeklyGoal: [] });
  });
});

describe("the settings form", () => {
  const messages = { dailyCap: "Cap: 0 to 100,000", weeklyGoal: "Goal: 1 to 50" };
  const parse = (dailyCap: string, weeklyGoal: string) => {
    const data = new FormData();
    data.set("dailyCap", dailyCap);
    data.set("weeklyGoal", weeklyGoal);
    const submission = parseGameSettingsForm(data, messages);
    return submission.status === "success" ? submission.value : submission.error;
  };

  it("takes whole numbers within SETTING_LIMITS", () => {
    expect(parse("0", "1")).toEqual({ dailyCap: 0, weeklyGoal: 1 });
    expect(parse("100000", "50")).toEqual({ dailyCap: 100_000, weeklyGoal: 50 });
  });

  it("names the field for an empty, unreadable, fractional or out-of-range value", () => {
    expect(parse("", "3")).toEqual({ dailyCap: [messages.dailyCap] });
    expect(parse("lots", "3")).toEqual({ dailyCap: [messages.dailyCap] });
    expect(parse("100001", "3")).toEqual({ dailyCap: [messages.dailyCap] });
    expect(parse("-5", "3")).toEqual({ dailyCap: [messages.dailyCap] });
    expect(parse("400", "2.5")).toEqual({ weeklyGoal: [messages.weeklyGoal] });
    expect(parse("400", "0")).toEqual({ weeklyGoal: [messages.weeklyGoal] });
    expect(parse("400", "51")).toEqual({ weeklyGoal: [messages.weeklyGoal] });
  });
});
