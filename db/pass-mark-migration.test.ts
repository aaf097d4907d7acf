import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import * as z from "zod";
import { openDatabase, type Database } from "./connection.server";
import { migrate } from "./migrate.server";
import { migrationsDir } from "./paths.server";
import { makeTempDir } from "./test-database";

let db: Database | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

/** A database migrated up to (not including) 0013, with the LRS settings row as an install had it. */
async function installBefore0013(passMark: number | null): Promise<Database> {
  const before = makeTempDir();
  for (const name of fs.readdirSync(migrationsDir).filter((file) => file.endsWith(".sql") && file < "0013")) {
    fs.copyFileSync(path.join(migrationsDir, name), path.join(before, name));
  }
  const opened = await openDatabase(path.join(makeTempDir(), "test.db"));
  await migrate(opened, before);
  await opened.write(async (tx) => {
    await tx.run("INSERT INTO users (id, email, display_name, role, password_hash, created_at, updated_at) VALUES (3, 'a@example.test', 'Ada', 'admin', 'h', 'x', 'x')");
    if (passMark !== null) {
      await tx.run(
        "INSERT INTO lrs_settings (id, enabled, endpoint, statement_namespace, pass_mark, updated_by, updated_at) VALUES (1, 1, 'https://lrs.example.com', 'ns', ?, 3, '2026-04-01T08:00:00.000Z')",
        [passMark],
      );
    }
  });
  return opened;
}

const Grading = z.object({ pass_mark: z.number(), updated_by: z.number().nullable(), updated_at: z.string() });
const Column = z.object({ name: z.string() });

it("0013 moves a changed pass mark from the LRS settings to the grading settings, and drops the old column", async () => {
  db = await installBefore0013(82);
  await migrate(db, migrationsDir);
  expect(await db.all(Grading, "SELECT pass_mark, updated_by, updated_at FROM grading_settings")).toEqual([
    { pass_mark: 82, updated_by: 3, updated_at: "2026-04-01T08:00:00.000Z" },
  ]);
  expect((await db.all(Column, "SELECT name FROM pragma_table_info('lrs_settings')")).map((column) => column.name)).not.toContain("pass_mark");
  // The rest of the LRS row is as it was.
  expect(await db.get(z.object({ endpoint: z.string(), statement_namespace: z.string() }), "SELECT endpoint, statement_namespace FROM lrs_settings")).toEqual({
    endpoint: "https://lrs.example.com",
    statement_namespace: "ns",
  });
  expect(await db.all(z.object({ table: z.string() }), "PRAGMA foreign_key_check")).toEqual([]);
  await expect(db.write((tx) => tx.run("INSERT INTO grading_settings (id, pass_mark, updated_at) VALUES (2, 50, 'x')"))).rejects.toThrow(/CHECK/);
  await expect(db.write((tx) => tx.run("UPDATE grading_settings SET pass_mark = 101"))).rejects.toThrow(/CHECK/);
});

it("0013 leaves the default alone: no grading row for an unchanged 70 or a database without LRS settings", async () => {
  for (const passMark of [70, null]) {
    db = await installBefore0013(passMark);
    await migrate(db, migrationsDir);
    expect(await db.all(Grading, "SELECT pass_mark, updated_by, updated_at FROM grading_settings"), String(passMark)).toEqual([]);
    await db.close();
    db = undefined;
  }
});
