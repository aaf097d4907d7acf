import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Database } from "./connection.server";
import { closeDb, openMigratedDb } from "./db.server";

/** Points the app's database at a new, migrated file in a temp folder (for tests). */
export async function useFreshDatabase(): Promise<Database> {
  await closeDb();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "frontline-test-"));
  process.env.DATABASE_PATH = path.join(dir, "test.db");
  const { db } = await openMigratedDb();
  return db;
}

export function makeTempDir(prefix = "frontline-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
