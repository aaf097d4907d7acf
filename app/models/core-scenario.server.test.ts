import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "#db/test-database";
import type { Database } from "#db/connection.server";
import { createAccount } from "~/accounts/accounts.server";
import { listCoreScenarios, replaceCoreScenarios } from "./core-scenario.server";

let db: Database;
let adminId = 0;

beforeAll(async () => {
  db = await useFreshDatabase();
  adminId = await createAccount({ email: "admin@example.test", displayName: "Ada Admin", role: "admin", teamId: null, password: "" }, "scrypt$unused");
});

const version = (hash: string, scenarioId: string, title: string, createdAt: string) =>
  db.write((tx) =>
    tx.run("INSERT INTO scenario_versions (hash, scenario_id, title, compiled, created_at) VALUES (?, ?, ?, '{}', ?)", [hash, scenarioId, title, createdAt]),
  );

describe("core scenario rows", () => {
  it("starts empty", async () => {
    expect(await listCoreScenarios()).toEqual([]);
  });

  it("replaces the set, keeping when a scenario that stays was added", async () => {
    const first = new Date("2026-05-01T10:00:00.000Z");
    await replaceCoreScenarios(["parcel", "returns"], adminId, first);
    expect(await listCoreScenarios()).toEqual([
      { scenarioId: "parcel", addedAt: first.toISOString(), lastTitle: null },
      { scenarioId: "returns", addedAt: first.toISOString(), lastTitle: null },
    ]);

    const second = new Date("2026-05-02T10:00:00.000Z");
    await replaceCoreScenarios(["returns", "sofa", "sofa"], adminId, second);
    expect(await listCoreScenarios()).toEqual([
      { scenarioId: "returns", addedAt: first.toISOString(), lastTitle: null },
      { scenarioId: "sofa", addedAt: second.toISOString(), lastTitle: null },
    ]);
  });

  it("empties the set when nothing is ticked", async () => {
    await replaceCoreScenarios([], adminId);
    expect(await listCoreScenarios()).toEqual([]);
  });

  it("names each core scenario by its newest stored version", async () => {
    await version("h1", "parcel", "The parcel (old)", "2026-01-01T00:00:00.000Z");
    await version("h2", "parcel", "The parcel that never came", "2026-02-01T00:00:00.000Z");
    await replaceCoreScenarios(["parcel", "gone"], null);
    expect((await listCoreScenarios()).map((row) => [row.scenarioId, row.lastTitle])).toEqual([
      ["gone", null],
      ["parcel", "The parcel that never came"],
    ]);
  });
});
