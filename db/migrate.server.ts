import fs from "node:fs";
import path from "node:path";
import * as z from "zod";
import type { Database } from "./connection.server";

const MIGRATION_FILE = /^(\d{4})_[a-z0-9_-]+\.sql$/;

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    readonly sqlError: string,
  ) {
    super(`Migration ${migration} failed and was rolled back: ${sqlError}`);
    this.name = "MigrationError";
  }
}

export type Migration = { version: number; name: string; sql: string };

export function readMigrations(dir: string): Migration[] {
  const migrations = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".sql"))
    .map((name) => {
      const match = MIGRATION_FILE.exec(name);
      if (!match) throw new MigrationError(name, "the file name must look like 0001_short_name.sql");
      return { version: Number(match[1]), name, sql: fs.readFileSync(path.join(dir, name), "utf8") };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    const previous = migrations[index - 1];
    if (previous && previous.version === migration.version) {
      throw new MigrationError(migration.name, `version ${migration.version} is also used by ${previous.name}`);
    }
  });
  return migrations;
}

const AppliedRow = z.object({ version: z.number().int() });

export async function appliedVersion(db: Database): Promise<number> {
  const table = await db.get(
    z.object({ name: z.string() }),
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
  );
  if (!table) return 0;
  const row = await db.get(AppliedRow, "SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations");
  return row?.version ?? 0;
}

/**
 * Applies every migration newer than the recorded version, each in its own
 * transaction together with its row in schema_migrations, so a failing one
 * leaves no trace and stops the rest.
 */
export async function migrate(db: Database, dir: string): Promise<{ applied: string[]; version: number }> {
  const migrations = readMigrations(dir);
  await db.write((tx) =>
    tx.exec(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version INTEGER PRIMARY KEY,
         name TEXT NOT NULL,
         applied_at TEXT NOT NULL
       )`,
    ),
  );
  let version = await appliedVersion(db);
  const applied: string[] = [];
  for (const migration of migrations.filter((m) => m.version > version)) {
    try {
      // A migration that rebuilds a referenced table says so on its first line (see WriteOptions).
      const foreignKeysOff = migration.sql.startsWith("-- foreign_keys: off");
      await db.write(async (tx) => {
        await tx.exec(migration.sql);
        await tx.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", [
          migration.version,
          migration.name,
          new Date().toISOString(),
        ]);
      }, { foreignKeysOff });
    } catch (error) {
      throw new MigrationError(migration.name, error instanceof Error ? error.message : String(error));
    }
    version = migration.version;
    applied.push(migration.name);
  }
  return { applied, version };
}
