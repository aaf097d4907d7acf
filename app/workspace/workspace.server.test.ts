import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useFreshDatabase } from "#db/test-database";
import { findPublishedScenario, getLibrary } from "~/library/catalog.server";
import { listAuditEntries } from "~/models/scenario-id.server";
import { createUser } from "~/models/user.server";
import { listWorkspaceVersions } from "~/models/workspace-scenario.server";
import { createScenario, duplicateScenario, importScenario } from "./create.server";
import { publishDraft, requireWorkspaceScenario, rollBack, saveDraft, saveVersion, setArchived } from "./edit.server";
import { WorkspaceError } from "./errors";

const fixtures = path.join(import.meta.dirname, "../engine/__fixtures__/shared");
const work = mkdtempSync(path.join(tmpdir(), "frontline-workspace-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let trainer: number;
let other: number;
let scenarios: string;

async function refused(promise: Promise<unknown>): Promise<WorkspaceError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WorkspaceError);
  return error as WorkspaceError;
}

beforeEach(async () => {
  await useFreshDatabase();
  scenarios = mkdtempSync(path.join(work, "scenarios-"));
  cpSync(path.join(fixtures, "parcel-third-call.mdx"), path.join(scenarios, "parcel-third-call.mdx"));
  vi.stubEnv("SCENARIOS_DIR", scenarios);
  vi.stubEnv("SCENARIO_CACHE_DIR", path.join(work, "cache"));
  vi.stubEnv("NODE_ENV", "production");
  Reflect.deleteProperty(globalThis, Symbol.for("frontline.library"));
  const person = (name: string) => ({ email: `${name}@example.test`, displayName: name, role: "trainer" as const, teamId: null, passwordHash: "x" });
  trainer = await createUser(person("Tess"));
  other = await createUser(person("Omar"));
});
afterEach(() => vi.unstubAllEnvs());

describe("a workspace scenario from creation to publishing", () => {
  it("is a valid draft at once, reaches trainees only when published, and every step is logged", async () => {
    const id = await createScenario({ id: "kettle-lid", title: "A cracked lid" }, trainer);
    expect(await findPublishedScenario(id)).toBeUndefined();
    const record = await requireWorkspaceScenario(id);
    expect(record.draft.revision).toBe(1);

    const published = await publishDraft(id, record.draft.source, 1, trainer);
    expect(published.version).toBe(1);
    const entry = await findPublishedScenario(id);
    expect(entry?.workspaceVersion).toBe(1);
    expect(entry?.scenario.title).toBe("A cracked lid");

    const edited = record.draft.source.replace("A cracked lid", "A cracked kettle lid");
    const saved = await saveDraft(id, edited, published.revision, trainer);
    // A draft is not what trainees get until it is published again.
    expect((await findPublishedScenario(id))?.scenario.title).toBe("A cracked lid");
    const second = await publishDraft(id, edited, saved.revision, trainer);
    expect(second.version).toBe(2);
    expect((await findPublishedScenario(id))?.scenario.title).toBe("A cracked kettle lid");

    await rollBack(id, 1, trainer);
    expect((await findPublishedScenario(id))?.scenario.title).toBe("A cracked lid");
    expect((await listWorkspaceVersions(id)).map((version) => version.number)).toEqual([3, 2, 1]);
    const actions = (await listAuditEntries(10, null)).map((entry) => `${entry.action}:${entry.version ?? "-"}`);
    expect(actions).toEqual(["rollback:3", "publish:2", "publish:1", "create:-"]);
  });

  it("refuses to publish a draft with an error, naming it, and keeps the draft", async () => {
    const id = await createScenario({ id: "broken-one", title: "Broken" }, trainer);
    const broken = (await requireWorkspaceScenario(id)).draft.source.replace('to="sorted"', 'to="nowhere"');
    const error = await refused(publishDraft(id, broken, 1, trainer));
    expect(error.status).toBe(422);
    expect(await findPublishedScenario(id)).toBeUndefined();
    expect((await requireWorkspaceScenario(id)).draft.source).toBe(broken);
  });

  it("a second save from an older revision is a conflict and overwrites nothing", async () => {
    const id = await createScenario({ id: "two-editors", title: "Two editors" }, trainer);
    const base = (await requireWorkspaceScenario(id)).draft.source;
    await saveDraft(id, `${base}\nTess was here.\n`, 1, trainer);
    const error = await refused(saveDraft(id, `${base}\nOmar was here.\n`, 1, other));
    expect(error.status).toBe(409);
    expect(error.message).toContain("Tess saved this draft");
    expect((await requireWorkspaceScenario(id)).draft.source).toContain("Tess was here.");
  });

  it("a version is made by Save, not by autosave", async () => {
    const id = await createScenario({ id: "noted", title: "Noted" }, trainer);
    const source = (await requireWorkspaceScenario(id)).draft.source;
    const saved = await saveDraft(id, `${source}\n`, 1, trainer);
    expect(await listWorkspaceVersions(id)).toEqual([]);
    await saveVersion(id, `${source}\n`, saved.revision, "First try", trainer);
    expect((await listWorkspaceVersions(id)).map((version) => version.note)).toEqual(["First try"]);
  });

  it("limits saves per minute", async () => {
    const id = await createScenario({ id: "busy", title: "Busy" }, trainer);
    const source = (await requireWorkspaceScenario(id)).draft.source;
    const at = new Date("2026-12-04T10:00:10Z");
    let revision = 1;
    let error: WorkspaceError | null = null;
    for (let save = 0; save < 100 && !error; save++) {
      try {
        revision = (await saveDraft(id, `${source}${save}`, revision, trainer, at)).revision;
      } catch (caught) {
        error = caught as WorkspaceError;
      }
    }
    expect(error?.status).toBe(429);
    // The next minute starts a new count.
    await saveDraft(id, source, revision, trainer, new Date("2026-12-04T10:01:00Z"));
  });
});

describe("ids", () => {
  it("refuses a new scenario whose id a file already has, and a malformed id", async () => {
    expect((await refused(createScenario({ id: "parcel-third-call", title: "Mine" }, trainer))).message).toContain("parcel-third-call.mdx");
    expect((await refused(createScenario({ id: "Not An Id", title: "Mine" }, trainer))).field).toBe("id");
  });

  it("a file that arrives later with a workspace scenario's id is refused and named; the workspace keeps it", async () => {
    const id = await createScenario({ id: "late-file", title: "Mine first" }, trainer);
    await publishDraft(id, (await requireWorkspaceScenario(id)).draft.source, 1, trainer);
    const source = (await requireWorkspaceScenario(id)).draft.source.replace("Mine first", "The file's");
    writeFileSync(path.join(scenarios, "a-late-file.mdx"), source);
    Reflect.deleteProperty(globalThis, Symbol.for("frontline.library"));
    const library = await getLibrary();
    expect(library.scenarios.find((entry) => entry.scenario.id === id)?.scenario.title).toBe("Mine first");
    const invalid = library.invalid.find((file) => file.path.endsWith("a-late-file.mdx"));
    expect(invalid?.problems[0]?.rule).toBe("duplicate-scenario");
  });

  it("Duplicate copies a file under a new id, and Import takes a file's own id unless told another", async () => {
    const copy = await duplicateScenario("parcel-third-call", { id: "parcel-copy" }, trainer);
    expect((await requireWorkspaceScenario(copy)).draft.source).toMatch(/^id: parcel-copy$/m);
    const source = (await requireWorkspaceScenario(copy)).draft.source;
    expect((await refused(importScenario({ source, fileName: "x.mdx", id: null }, trainer))).status).toBe(409);
    const imported = await importScenario({ source, fileName: "x.mdx", id: "parcel-imported" }, trainer);
    expect((await requireWorkspaceScenario(imported)).draft.source).toMatch(/^id: parcel-imported$/m);
  });
});

describe("archive", () => {
  it("takes a file's scenario out of the catalogue and brings it back", async () => {
    await setArchived("parcel-third-call", true, trainer);
    expect(await findPublishedScenario("parcel-third-call")).toBeUndefined();
    expect((await getLibrary()).archived.map((entry) => entry.scenario.id)).toEqual(["parcel-third-call"]);
    expect((await refused(setArchived("parcel-third-call", true, trainer))).status).toBe(409);
    await setArchived("parcel-third-call", false, trainer);
    expect(await findPublishedScenario("parcel-third-call")).toBeDefined();
  });
});
