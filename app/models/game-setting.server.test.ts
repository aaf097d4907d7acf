import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "#db/connection.server";
import { useFreshDatabase } from "#db/test-database";
import { insertGameSettingChanges, listGameSettingValues } from "./game-setting.server";

// Several serving processes share one database file: a change saved by one must reach the others' rules.
let other: Database;

beforeAll(async () => {
  const db = await useFreshDatabase();
  other = await openDatabase(db.path);
});

afterAll(async () => {
  await other.close();
});

describe("listGameSettingValues", () => {
  it("sees its own process's change and another process's change at the next read", async () => {
    expect(await listGameSettingValues()).toEqual([]);
    await insertGameSettingChanges([{ name: "dailyCap", value: 900, fromDay: "2026-12-05" }], null);
    expect(await listGameSettingValues()).toEqual([{ name: "dailyCap", value: 900, from_day: "2026-12-05" }]);
    // Another process writes straight to the file; this process's kept values must not hide it.
    await other.write((tx) => tx.run("INSERT INTO game_settings (name, value, from_day, set_by, set_at) VALUES ('weeklyGoal', 4, '2026-12-05', NULL, '2026-12-04T10:00:00Z')"));
    expect(await listGameSettingValues()).toEqual([
      { name: "dailyCap", value: 900, from_day: "2026-12-05" },
      { name: "weeklyGoal", value: 4, from_day: "2026-12-05" },
    ]);
  });
});
