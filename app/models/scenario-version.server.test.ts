import { describe, expect, it, vi } from "vitest";
import { useFreshDatabase } from "#db/test-database";
import { findScenarioVersionJson, saveScenarioVersion } from "./attempt.server";

describe("saveScenarioVersion", () => {
  it("stores a version once and skips the work for the same hash later", async () => {
    await useFreshDatabase();
    await saveScenarioVersion({ hash: "h1", scenarioId: "s", title: "S", persona: "angry", channel: "phone", difficulty: 1, compiled: () => '{"v":1}' });
    const again = vi.fn(() => '{"v":2}');
    await saveScenarioVersion({ hash: "h1", scenarioId: "s", title: "S", persona: "angry", channel: "phone", difficulty: 1, compiled: again });
    expect(again).not.toHaveBeenCalled();
    expect(await findScenarioVersionJson("h1")).toBe('{"v":1}');
  });

  it("stores it again in a new database", async () => {
    await useFreshDatabase();
    expect(await findScenarioVersionJson("h1")).toBeUndefined();
    await saveScenarioVersion({ hash: "h1", scenarioId: "s", title: "S", persona: "angry", channel: "phone", difficulty: 1, compiled: () => '{"v":3}' });
    expect(await findScenarioVersionJson("h1")).toBe('{"v":3}');
  });
});
