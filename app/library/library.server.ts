/**
 * The scenario library: every .mdx file under a folder, checked, compiled
 * (one at a time, cached by content hash) and listed. A bad file never stops
 * the others; it is listed with its problems. On duplicate scenario ids the
 * first file in path order wins.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Problem, Scenario } from "~/engine";
import { compileScenario } from "./compile.server";
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
}

export interface InvalidFile {
  path: string;
  hash: string | null;
  problems: Problem[];
}

export interface Library {
  scenarios: LoadedScenario[];
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
}

/** Load the whole library. Compiles only files whose content hash is not cached, one at a time. */
export async function loadLibrary({ dir = path.join(process.cwd(), "scenarios"), cache = createScenarioCache() }: LoadOptions = {}): Promise<Library> {
  const library: Library = { scenarios: [], invalid: [], compiled: 0, cached: 0 };
  const owners = new Map<string, string>();
  let files: string[];
  try {
    files = findScenarioFiles([dir]);
  } catch (error) {
    if (error instanceof MissingPathError) return library;
    throw error;
  }
  for (const file of files) {
    const shown = displayPath(file);
    let source: string;
    try {
      source = readFileSync(file, "utf8");
    } catch (error) {
      library.invalid.push({ path: shown, hash: null, problems: [readProblem(shown, error)] });
      continue;
    }
    const hash = contentHash(source);
    let entry = cache.read(hash);
    if (entry) library.cached++;
    else {
      try {
        const result = await compileScenario(source, { path: shown, hash });
        if (!result.compiled) {
          library.invalid.push({ path: shown, hash, problems: result.problems });
          continue;
        }
        entry = result.compiled;
        library.compiled++;
        cache.write(entry);
      } catch (error) {
        library.invalid.push({
          path: shown,
          hash,
          problems: [{ severity: "error", rule: "compile", message: `compiling failed: ${(error as Error).message}`, line: 1, column: 1, path: shown }],
        });
        continue;
      }
    }
    const scenario: Scenario = { ...entry.scenario, path: shown };
    const first = owners.get(scenario.id);
    if (first !== undefined) {
      library.invalid.push({ path: shown, hash, problems: [duplicateProblem(shown, scenario, first)] });
      continue;
    }
    owners.set(scenario.id, shown);
    library.scenarios.push({
      path: shown,
      hash,
      scenario,
      html: entry.html,
      warnings: entry.warnings.map((w) => ({ ...w, path: shown })),
    });
  }
  return library;
}
