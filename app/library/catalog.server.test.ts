import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useFreshDatabase } from "#db/test-database";
import { findPublishedScenario, getLibrary } from "./catalog.server";

const fixtures = path.join(import.meta.dirname, "../engine/__fixtures__/shared");
const work = mkdtempSync(path.join(tmpdir(), "frontline-catalog-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A scenario folder with the parcel scenario only, which the app is pointed at (SCENARIOS_DIR). */
function useScenarioFolder(name: string): string {
  const dir = path.join(work, name);
  cpSync(path.join(fixtures, "parcel-third-call.mdx"), path.join(dir, "parcel-third-call.mdx"));
  vi.stubEnv("SCENARIOS_DIR", dir);
  return dir;
}

async function publishedIds(): Promise<string[]> {
  return (await getLibrary()).scenarios.map((entry) => entry.scenario.id);
}

describe("getLibrary", () => {
  beforeEach(async () => {
    await useFreshDatabase();
    vi.stubEnv("SCENARIO_CACHE_DIR", path.join(work, "cache"));
    // Each test starts as a process that has not loaded the library yet (it is held on globalThis).
    Reflect.deleteProperty(globalThis, Symbol.for("frontline.library"));
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("in development, lists a new file on the next call, without a restart", async () => {
    vi.stubEnv("NODE_ENV", "development");
    const dir = useScenarioFolder("development");
    expect(await publishedIds()).toEqual(["parcel-third-call"]);

    cpSync(path.join(fixtures, "returns-desk-loop.mdx"), path.join(dir, "returns-desk-loop.mdx"));
    expect(await publishedIds()).toEqual(["parcel-third-call", "returns-desk-loop"]);
    expect((await findPublishedScenario("returns-desk-loop"))?.scenario.title).toBe("No receipt, no problem?");
  });

  it("in production, keeps the library it loaded: a new file waits for a restart", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const dir = useScenarioFolder("production");
    const before = await getLibrary();
    expect(before.scenarios.map((entry) => entry.scenario.id)).toEqual(["parcel-third-call"]);

    cpSync(path.join(fixtures, "returns-desk-loop.mdx"), path.join(dir, "returns-desk-loop.mdx"));
    const after = await getLibrary();
    expect(after).toBe(before);
    expect(after.scenarios.map((entry) => entry.scenario.id)).not.toContain("returns-desk-loop");
    expect(await findPublishedScenario("returns-desk-loop")).toBeUndefined();
  });
});
