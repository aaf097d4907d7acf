import path from "node:path";
import { projectRoot } from "#db/paths.server";
import { claimFileScenarioIds, libraryGeneration, listScenarioIds } from "~/models/scenario-id.server";
import { listPublishedWorkspaceVersions } from "~/models/workspace-scenario.server";
import { createScenarioCache } from "./cache.server";
import { compileCached, loadLibrary, WORKSPACE_OWNER, type Library, type LoadedScenario } from "./library.server";

/** The scenario library folder: scenarios/ in the project, or SCENARIOS_DIR. */
export function scenariosDir(): string {
  return process.env.SCENARIOS_DIR ? path.resolve(process.env.SCENARIOS_DIR) : path.join(projectRoot, "scenarios");
}

/** How a workspace scenario is named where a file would show its path. */
export function workspacePath(scenarioId: string): string {
  return `workspace/${scenarioId}`;
}

// Production loads the library once per process and again whenever the library's generation in
// SQLite moves (a publish, roll back, archive or unarchive in any process), so a new version is
// served at once without a restart; new files still need one. Development rescans on every
// request, which the content-hash cache keeps cheap.
const KEY = Symbol.for("frontline.library");
type Holder = { [KEY]?: { generation: number; library: Promise<Library> } };

export async function getLibrary(): Promise<Library> {
  const generation = await libraryGeneration();
  const holder = globalThis as Holder;
  const held = holder[KEY];
  if (process.env.NODE_ENV !== "development" && held && held.generation === generation) return held.library;
  const loading = assembleLibrary();
  holder[KEY] = { generation, library: loading };
  // A failed load must not be remembered: the next request tries again.
  loading.catch(() => {
    if (holder[KEY]?.library === loading) delete holder[KEY];
  });
  return loading;
}

/** Files in scenarios/ and published workspace scenarios together, each id with its first owner. */
async function assembleLibrary(): Promise<Library> {
  const cache = createScenarioCache();
  const [ids, published] = await Promise.all([listScenarioIds(), listPublishedWorkspaceVersions()]);
  const owners = new Map(ids.map((row) => [row.scenarioId, row.owner === "workspace" ? WORKSPACE_OWNER : (row.path ?? "")]));
  const archivedIds = new Set(ids.filter((row) => row.archivedAt !== null).map((row) => row.scenarioId));
  const library = await loadLibrary({ dir: scenariosDir(), cache, owners });

  const claims = library.scenarios.filter((entry) => owners.get(entry.scenario.id) !== entry.path).map((entry) => ({ scenarioId: entry.scenario.id, path: entry.path }));
  await claimFileScenarioIds(claims, new Set(claims.map((claim) => claim.scenarioId).filter((id) => owners.has(id))));

  for (const version of published) {
    const shown = workspacePath(version.scenarioId);
    const compiled = await compileCached(version.source, shown, cache);
    if ("problems" in compiled) {
      // Publishing refuses errors; a later engine that reads the source differently lands here.
      library.invalid.push({ path: shown, hash: compiled.hash, problems: compiled.problems });
      continue;
    }
    library.scenarios.push({
      path: shown,
      hash: compiled.hash,
      scenario: { ...compiled.entry.scenario, path: shown },
      html: compiled.entry.html,
      warnings: compiled.entry.warnings.map((warning) => ({ ...warning, path: shown })),
      workspaceVersion: version.number,
    });
  }
  const all = library.scenarios;
  library.scenarios = all.filter((entry) => !archivedIds.has(entry.scenario.id));
  library.archived = all.filter((entry) => archivedIds.has(entry.scenario.id));
  return library;
}

export async function findPublishedScenario(id: string): Promise<LoadedScenario | undefined> {
  const library = await getLibrary();
  return library.scenarios.find((entry) => entry.scenario.id === id);
}
