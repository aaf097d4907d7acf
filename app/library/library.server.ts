/**
 * The scenario library: every .mdx file under a folder, checked, compiled
 * (one at a time, cached by content hash) and listed. A bad file never stops
 * the others; it is listed with its problems. On duplicate scenario ids the
 * first file in path order wins.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Problem, Scenario } from "~/engine";
import { compileScenario, type CompiledScenario } from "./compile.server";
import { createScenarioCache } from "./cache.server";
import type { ScenarioCache } from "./cache.server";
import { displayPath, duplicateProblem, findScenarioFiles, MissingPathError, readProblem } from "./files.server";
import { contentHash } from "./hash.server";

export interface LoadedScenario {
  path: string;
  hash: string;
  scenario: Scenario;
  /** Server-rendered HTML per piece key (see CompiledScenario.html). */
  html: Record<string, string>;
  warnings: Problem[];
  /** For a file in scenarios/: where it is on disk. */
  file?: string;
  /** For a scenario written in the workspace: the published version's number. Absent for a file. */
  workspaceVersion?: number;
}

export interface InvalidFile {
  path: string;
  hash: string | null;
  problems: Problem[];
}

export interface Library {
  scenarios: LoadedScenario[];
  /** Archived scenarios: out of the catalogue, kept for their attempts and analytics. */
  archived: LoadedScenario[];
  invalid: InvalidFile[];
  /** How many files were compiled (the rest came from the cache). */
  compiled: number;
  cached: number;
}

export interface LoadOptions {
  /** Folder of scenario files (default: scenarios/ under the working directory). */
  dir?: string;
  /** Compiled-scenario cache (default: createScenarioCache(), i.e. SCENARIO_CACHE_DIR or data/cache/scenarios). */
  cache?: ScenarioCache;
  /**
   * Each scenario id's first owner as recorded in SQLite: a file's shown path, or WORKSPACE_OWNER.
   * A file claiming an id owned elsewhere is refused; an owner file that is gone no longer counts.
   */
  owners?: ReadonlyMap<string, string>;
}

/** In LoadOptions.owners: the id belongs to a scenario written in the workspace. */
export const WORKSPACE_OWNER = "workspace";

export type CompiledSource = { entry: CompiledScenario; hash: string; fromCache: boolean } | { hash: string; problems: Problem[] };

/** Checks and compiles one source, or takes it from the cache by content hash. Never throws for a bad source. */
export async function compileCached(source: string, shown: string, cache: ScenarioCache): Promise<CompiledSource> {
  const hash = contentHash(source);
  const cached = cache.read(hash);
  if (cached) return { entry: cached, hash, fromCache: true };
  try {
    const result = await compileScenario(source, { path: shown, hash });
    if (!result.compiled) return { hash, problems: result.problems };
    cache.write(result.compiled);
    return { entry: result.compiled, hash, fromCache: false };
  } catch (error) {
    return { hash, problems: [{ severity: "error", rule: "compile", message: `compiling failed: ${(error as Error).message}`, line: 1, column: 1, path: shown }] };
  }
}

/** Load the whole library. Compiles only files whose content hash is not cached, one at a time. */
export async function loadLibrary({ dir = path.join(process.cwd(), "scenarios"), cache = createScenarioCache(), owners: recorded }: LoadOptions = {}): Promise<Library> {
  const library: Library = { scenarios: [], archived: [], invalid: [], compiled: 0, cached: 0 };
  const owners = new Map<string, string>();
  let files: string[];
  try {
    files = findScenarioFiles([dir]);
  } catch (error) {
    if (error instanceof MissingPathError) return library;
    throw error;
  }
  const present = new Set(files.map(displayPath));
  for (const file of files) {
    const shown = displayPath(file);
    let source: string;
    try {
      source = readFileSync(file, "utf8");
    } catch (error) {
      library.invalid.push({ path: shown, hash: null, problems: [readProblem(shown, error)] });
      continue;
    }
    const compiled = await compileCached(source, shown, cache);
    if ("problems" in compiled) {
      library.invalid.push({ path: shown, hash: compiled.hash, problems: compiled.problems });
      continue;
    }
    const { entry, hash } = compiled;
    if (compiled.fromCache) library.cached++;
    else library.compiled++;
    const scenario: Scenario = { ...entry.scenario, path: shown };
    const owner = recorded?.get(scenario.id);
    const first = owner === WORKSPACE_OWNER || (owner !== undefined && owner !== shown && present.has(owner)) ? owner : owners.get(scenario.id);
    if (first !== undefined) {
      library.invalid.push({ path: shown, hash, problems: [duplicateProblem(shown, scenario, first)] });
      continue;
    }
    owners.set(scenario.id, shown);
    library.scenarios.push({
      path: shown,
      file,
      hash,
      scenario,
      html: entry.html,
      warnings: entry.warnings.map((w) => ({ ...w, path: shown })),
    });
  }
  return library;
}
