import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "#db/test-database";
import { createTeam, listTeams } from "./team.server";

beforeAll(async () => {
  await useFreshDatabase();
});

describe("the serialized writer", () => {
  it("takes 200 concurrent writes through the model layer without SQLITE_BUSY or transaction errors", async () => {
    const names = Array.from({ length: 200 }, (_, i) => `Team ${String(i).padStart(3, "0")}`);
    const results = await Promise.allSettled(names.map((name) => createTeam(name)));
    const failures = results.filter((result) => result.status === "rejected");
    expect(failures).toEqual([]);
    const teams = await listTeams();
    expect(teams.map((team) => team.name)).toEqual(names);
  });
});
