import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project root: the nearest folder above this module holding package.json.
 * Works from the TypeScript sources (tsx, vitest) and from the bundled build/ files alike.
 */
export const projectRoot: string = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
})();

export const migrationsDir = path.join(projectRoot, "db", "migrations");

export function databasePath(): string {
  const configured = process.env.DATABASE_PATH;
  return configured ? path.resolve(configured) : path.join(projectRoot, "data", "frontline.db");
}
