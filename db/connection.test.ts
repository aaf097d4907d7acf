import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import * as z from "zod";
import { openDatabase, type Database } from "./connection.server";
import { makeTempDir } from "./test-database";

const Pragma = z.record(z.string(), z.union([z.string(), z.number()]));
let db: Database | undefined;

afterEach(async () => {
  await db?.close();
  db = undefined;
});

describe("openDatabase", () => {
  it("creates the folder and sets WAL, foreign keys, FULL sync and a busy timeout", async () => {
    const file = path.join(makeTempDir(), "nested", "folder", "test.db");
    db = await openDatabase(file);
    await db.write((tx) => tx.exec("CREATE TABLE t (id INTEGER)"));
    expect((await db.get(Pragma, "PRAGMA journal_mode"))?.journal_mode).toBe("wal");
    expect((await db.get(Pragma, "PRAGMA foreign_keys"))?.foreign_keys).toBe(1);
    expect((await db.get(Pragma, "PRAGMA synchronous"))?.synchronous).toBe(2);
    expect(Number((await db.get(Pragma, "PRAGMA busy_timeout"))?.timeout)).toBeGreaterThanOrEqual(5000);
  });

  it("rolls back a transaction whose work throws, and keeps serving the next one", async () => {
    db = await openDatabase(path.join(makeTempDir(), "test.db"));
    await db.write((tx) => tx.exec("CREATE TABLE t (id INTEGER PRIMARY KEY)"));
    await expect(
      db.write(async (tx) => {
        await tx.run("INSERT INTO t (id) VALUES (1)");
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    await db.write((tx) => tx.run("INSERT INTO t (id) VALUES (2)"));
    expect(await db.all(z.object({ id: z.number() }), "SELECT id FROM t")).toEqual([{ id: 2 }]);
  });

  it("refuses writes through the read connection", async () => {
    db = await openDatabase(path.join(makeTempDir(), "test.db"));
    await db.write((tx) => tx.exec("CREATE TABLE t (id INTEGER)"));
    await expect(db.all(z.object({}), "INSERT INTO t (id) VALUES (1)")).rejects.toThrow(/readonly|query_only/i);
  });

  it("names the query when a row does not match its schema", async () => {
    db = await openDatabase(path.join(makeTempDir(), "test.db"));
    await expect(db.get(z.object({ n: z.string() }), "SELECT 1 AS n")).rejects.toThrow(/SELECT 1 AS n/);
  });

  it("a second process's writer waits for the write lock and then commits: no SQLITE_BUSY, in order", async () => {
    const file = path.join(makeTempDir(), "test.db");
    db = await openDatabase(file);
    const other = await openDatabase(file);
    try {
      await db.write((tx) => tx.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, who TEXT)"));
      const order: string[] = [];
      let holding!: () => void;
      const held = new Promise<void>((resolve) => (holding = resolve));
      const first = db.write(async (tx) => {
        await tx.run("INSERT INTO t (who) VALUES ('first')");
        holding();
        await new Promise((resolve) => setTimeout(resolve, 60));
        order.push("first");
      });
      await held;
      const second = other.write(async (tx) => {
        await tx.run("INSERT INTO t (who) VALUES ('second')");
        order.push("second");
      });
      await Promise.all([first, second]);
      expect(order).toEqual(["first", "second"]);
      expect(await db.all(z.object({ who: z.string() }), "SELECT who FROM t ORDER BY id")).toEqual([{ who: "first" }, { who: "second" }]);
    } finally {
      await other.close();
    }
  });
});
