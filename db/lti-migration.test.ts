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

const Sql = z.object({ name: z.string(), sql: z.string() });

it("0009 makes email and password optional without losing users or what refers to them", async () => {
  // A database at 0008 with a person, a session and a manager link (both refer to users with ON DELETE CASCADE).
  const before = makeTempDir();
  for (const name of fs.readdirSync(migrationsDir).filter((file) => file.endsWith(".sql") && file < "0009")) {
    fs.copyFileSync(path.join(migrationsDir, name), path.join(before, name));
  }
  db = await openDatabase(path.join(makeTempDir(), "test.db"));
  await migrate(db, before);
  await db.write(async (tx) => {
    await tx.run("INSERT INTO teams (id, name, created_at) VALUES (1, 'Desk', 'x')");
    await tx.run("INSERT INTO users (id, email, display_name, role, password_hash, created_at, updated_at) VALUES (7, 'm@example.test', 'M', 'manager', 'h', 'x', 'x')");
    await tx.run("INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES ('s', 7, 'x', 'y')");
    await tx.run("INSERT INTO team_managers (team_id, manager_id) VALUES (1, 7)");
  });

  await migrate(db, migrationsDir);

  expect(await db.get(z.object({ n: z.number() }), "SELECT COUNT(*) AS n FROM sessions WHERE user_id = 7")).toEqual({ n: 1 });
  expect(await db.get(z.object({ n: z.number() }), "SELECT COUNT(*) AS n FROM team_managers WHERE manager_id = 7")).toEqual({ n: 1 });
  const schemas = await db.all(Sql, "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL");
  expect(schemas.filter((row) => row.sql.includes("users_after_lti"))).toEqual([]);
  expect(await db.all(z.object({ table: z.string() }), "PRAGMA foreign_key_check")).toEqual([]);
  // Launched people: no email, no password. A password without an email is refused.
  await db.write((tx) => tx.run("INSERT INTO users (display_name, role, created_at, updated_at) VALUES ('Lee', 'trainee', 'x', 'x')"));
  await expect(db.write((tx) => tx.run("INSERT INTO users (display_name, role, password_hash, created_at, updated_at) VALUES ('P', 'trainee', 'h', 'x', 'x')"))).rejects.toThrow(/CHECK/);
  // The cascade still reaches the new table's rows.
  await db.write((tx) => tx.run("DELETE FROM users WHERE id = 7"));
  expect(await db.get(z.object({ n: z.number() }), "SELECT COUNT(*) AS n FROM sessions")).toEqual({ n: 0 });
});
