import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "#db/paths.server";
import { useFreshDatabase } from "#db/test-database";
import { listTeams } from "~/models/team.server";

const tsx = path.join(projectRoot, "node_modules", ".bin", "tsx");

beforeAll(async () => {
  await useFreshDatabase();
});

describe("db:seed", () => {
  it("refuses to create synthetic accounts in production and leaves the database alone", async () => {
    const result = spawnSync(tsx, [path.join(projectRoot, "app/cli/seed.ts"), "--trainees", "2", "--attempts", "1", "--teams", "1"], {
      encoding: "utf8",
      env: { ...process.env, NODE_ENV: "production" },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("refuses to run with NODE_ENV=production");
    expect(await listTeams()).toEqual([]);
  });
});
