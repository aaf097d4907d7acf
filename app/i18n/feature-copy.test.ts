/**
 * Feature copy reaches the browser only with the modules that use it (feature-copy.ts). These
 * checks keep that true as pages are added: a module that shows a feature's words imports that
 * feature's copy file, every copy file registers itself, and nothing the browser loads pulls in
 * the whole copy.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const app = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const copyDir = path.join(app, "locales", "en");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Each feature copy file with the key its words live under (its exported name). */
const features = readdirSync(copyDir)
  .filter((file) => file.endsWith(".ts") && file !== "core.ts")
  .map((file) => {
    const source = readFileSync(path.join(copyDir, file), "utf8");
    const key = /^export const (\w+) =/m.exec(source)?.[1];
    return { file, key, module: `~/locales/en/${file.replace(/\.ts$/, "")}`, source };
  });

/** Modules that may run in the browser: not server-only (by name or by folder), not tests, not the command line. */
const browserModules = filesUnder(app)
  .filter((file) => /\.tsx?$/.test(file) && !/\.(server|test)\.tsx?$/.test(file) && !file.endsWith(".d.ts"))
  .filter((file) => !["cli", "server", "locales"].some((dir) => file.startsWith(path.join(app, dir, path.sep))))
  .map((file) => ({ file: path.relative(app, file), source: readFileSync(file, "utf8") }));

describe("feature copy", () => {
  it.each(features)("$file exports one copy object and registers it", ({ key, source }) => {
    expect(key).toBeDefined();
    expect(source).toContain(`registerCopy({ ${key} });`);
  });

  it("every module that uses a feature's words imports that feature's copy", () => {
    const missing: string[] = [];
    for (const { file, source } of browserModules) {
      for (const feature of features) {
        if (!feature.key) continue;
        const uses = new RegExp(`["'\`]${feature.key}\\.[A-Za-z$]`).test(source);
        if (uses && !source.includes(`"${feature.module}"`)) missing.push(`${file} uses ${feature.key}.* without importing ${feature.module}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("nothing the browser loads imports the whole copy", () => {
    // Any path to app/locales/en.ts or app/i18n/resources.ts, relative or not; type-only imports are erased.
    const whole = /^import (?!type )(?:[^;]*from )?"(~\/locales\/en|~\/i18n\/resources|\.\/resources|\.\.\/locales\/en)";/m;
    const allowed = new Set([path.join("i18n", "resources.ts")]);
    const offenders = browserModules.filter(({ file, source }) => !allowed.has(file) && whole.test(source)).map(({ file }) => file);
    expect(offenders).toEqual([]);
  });
});
