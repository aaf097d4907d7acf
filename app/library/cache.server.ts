/**
 * On-disk cache of compiled scenarios, one JSON file per content hash. A
 * restart with unchanged files reads these and compiles nothing.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { COMPILED_FORMAT } from "./compile.server";
import type { CompiledScenario } from "./compile.server";

/** `SCENARIO_CACHE_DIR`, else `data/cache/scenarios` under the project root (the working directory). */
export function defaultCacheDir(): string {
  return path.resolve(process.env.SCENARIO_CACHE_DIR || path.join(process.cwd(), "data", "cache", "scenarios"));
}

export interface ScenarioCache {
  dir: string;
  read(hash: string): CompiledScenario | null;
  write(compiled: CompiledScenario): void;
}

export function createScenarioCache(dir: string = defaultCacheDir()): ScenarioCache {
  const file = (hash: string) => path.join(dir, `${hash}.json`);
  return {
    dir,
    read(hash) {
      if (!/^[0-9a-f]{64}$/.test(hash)) return null;
      let text: string;
      try {
        text = readFileSync(file(hash), "utf8");
      } catch {
        return null;
      }
      try {
        const entry = JSON.parse(text) as CompiledScenario;
        return entry.format === COMPILED_FORMAT && entry.hash === hash && entry.scenario?.hash === hash ? entry : null;
      } catch {
        return null; // a torn or foreign file: compile again and overwrite it
      }
    },
    write(compiled) {
      mkdirSync(dir, { recursive: true });
      const target = file(compiled.hash);
      const temporary = `${target}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(compiled));
      renameSync(temporary, target);
    },
  };
}
