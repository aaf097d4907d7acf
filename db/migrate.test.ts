import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import * as z from "zod";
import { openDatabase, type Database } from "./connection.server";
import { appliedVersion, migrate, MigrationError } from "./migrate.server";
import { migrationsDir } from "./paths.server";
import { makeTempDir } from "./test-database";

const TableName = z.object({ name: z.string() });
let open: Database[] = [];

async function freshDb(): Promise<Database> {
  const db = await openDatabase(path.join(makeTempDir(), "test.db"));
  open.push(db);
  return db;
}

async function tableNames(db: Database): Promise<string[]> {
  const rows = await db.all(TableName, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  return rows.map((row) => row.name);
}

afterEach(async () => {
  await Promise.all(open.map((db) => db.close()));
  open = [];
});

describe("migrate", () => {
  it("brings a fresh database to the latest version and records it", async () => {
    const db = await freshDb();
    const files = fs.readdirSync(migrationsDir).filter((name) => name.endsWith(".sql")).sort();
    const result = await migrate(db, migrationsDir);
    expect(result.applied).toEqual(files);
    expect(await appliedVersion(db)).toBe(Number(files.at(-1)?.slice(0, 4)));
    expect(await tableNames(db)).toEqual(expect.arrayContaining(["users", "teams", "sessions", "schema_migrations"]));
  });

  it("does nothing when run again", async () => {
    const db = await freshDb();
    await migrate(db, migrationsDir);
    const before = await tableNames(db);
    const again = await migrate(db, migrationsDir);
    expect(again.applied).toEqual([]);
    expect(await tableNames(db)).toEqual(before);
  });

  it("rolls a failing migration back completely and names it with the SQL error", async () => {
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, "0001_first.sql"), "CREATE TABLE kept (id INTEGER PRIMARY KEY);");
    fs.writeFileSync(
      path.join(dir, "0002_broken.sql"),
      "CREATE TABLE half_done (id INTEGER PRIMARY KEY);\nINSERT INTO kept (id) VALUES (1);\nCREATE TABLE oops (;",
    );
    fs.writeFileSync(path.join(dir, "0003_later.sql"), "CREATE TABLE never_reached (id INTEGER);");
    const db = await freshDb();

    const failure = await migrate(db, dir).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as MigrationError).migration).toBe("0002_broken.sql");
    expect((failure as MigrationError).message).toMatch(/0002_broken\.sql.*syntax error/);

    expect(await appliedVersion(db)).toBe(1);
    const tables = await tableNames(db);
    expect(tables).toContain("kept");
    expect(tables).not.toContain("half_done");
    expect(tables).not.toContain("never_reached");
    const rows = await db.all(z.object({ id: z.number() }), "SELECT id FROM kept");
    expect(rows).toEqual([]);
  });

  it("refuses badly named or duplicate migration files", async () => {
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, "0001_a.sql"), "SELECT 1;");
    fs.writeFileSync(path.join(dir, "0001_b.sql"), "SELECT 1;");
    const db = await freshDb();
    await expect(migrate(db, dir)).rejects.toThrow(/version 1 is also used/);

    const badName = makeTempDir();
    fs.writeFileSync(path.join(badName, "first.sql"), "SELECT 1;");
    await expect(migrate(db, badName)).rejects.toThrow(/first\.sql/);
  });

  it("0003 moves every attempt's snapshot to its own table", async () => {
    const early = makeTempDir();
    for (const name of ["0001_accounts.sql", "0002_attempts.sql"]) fs.copyFileSync(path.join(migrationsDir, name), path.join(early, name));
    const db = await freshDb();
    await migrate(db, early);
    await db.write(async (tx) => {
      await tx.run("INSERT INTO users (id, email, display_name, role, password_hash, created_at, updated_at) VALUES (1, 'a@b.c', 'A', 'trainee', 'x', 'now', 'now')");
      await tx.run("INSERT INTO scenario_versions (hash, scenario_id, title, compiled, created_at) VALUES ('h', 's', 'S', '{}', 'now')");
      await tx.run(
        "INSERT INTO attempts (id, user_id, scenario_id, scenario_hash, status, snapshot, step_shown_at, started_at) VALUES (7, 1, 's', 'h', 'in-progress', '{\"value\":\"start\"}', 'now', 'now')",
      );
    });
    await migrate(db, migrationsDir);
    expect(await db.all(z.object({ attempt_id: z.number(), snapshot: z.string() }), "SELECT attempt_id, snapshot FROM attempt_snapshots")).toEqual([
      { attempt_id: 7, snapshot: '{"value":"start"}' },
    ]);
    const columns = await db.all(z.object({ name: z.string() }), "SELECT name FROM pragma_table_info('attempts')");
    expect(columns.map((column) => column.name)).not.toContain("snapshot");
  });

  it("0004 leaves earlier attempts in the authored order under the normal time limit, and checks the new values", async () => {
    const early = makeTempDir();
    for (const name of ["0001_accounts.sql", "0002_attempts.sql", "0003_narrow_attempts.sql"]) {
      fs.copyFileSync(path.join(migrationsDir, name), path.join(early, name));
    }
    const db = await freshDb();
    await migrate(db, early);
    await db.write(async (tx) => {
      await tx.run("INSERT INTO users (id, email, display_name, role, password_hash, created_at, updated_at) VALUES (1, 'a@b.c', 'A', 'trainee', 'x', 'now', 'now')");
      await tx.run("INSERT INTO scenario_versions (hash, scenario_id, title, compiled, created_at) VALUES ('h', 's', 'S', '{}', 'now')");
      await tx.run("INSERT INTO attempts (id, user_id, scenario_id, scenario_hash, status, step_shown_at, started_at) VALUES (7, 1, 's', 'h', 'in-progress', 'now', 'now')");
      await tx.run("INSERT INTO attempt_turns (attempt_id, turn, step_id, choice_id, late, response_ms, chosen_at) VALUES (7, 1, 'a', 'a.1', 0, 10, 'now')");
    });
    await migrate(db, migrationsDir);
    expect(await db.all(z.object({ order_seed: z.null(), timing: z.string() }), "SELECT order_seed, timing FROM attempts")).toEqual([
      { order_seed: null, timing: "normal" },
    ]);
    expect(await db.all(z.object({ timing: z.string() }), "SELECT timing FROM attempt_turns")).toEqual([{ timing: "normal" }]);
    await expect(db.write((tx) => tx.run("UPDATE attempts SET timing = 'double' WHERE id = 7"))).rejects.toThrow(/CHECK constraint/);
    await expect(db.write((tx) => tx.run("UPDATE attempts SET order_seed = 4294967296 WHERE id = 7"))).rejects.toThrow(/CHECK constraint/);
    await expect(db.write((tx) => tx.run("INSERT INTO user_preferences (user_id, timing, updated_at) VALUES (1, 'slow', 'now')"))).rejects.toThrow(/CHECK constraint/);
  });
});
