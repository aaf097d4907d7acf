import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import * as z from "zod";
import { backupDatabase, BackupError } from "./backup.server";
import { openDatabase, type Database } from "./connection.server";
import { makeTempDir } from "./test-database";

let open: Database[] = [];
afterEach(async () => {
  await Promise.all(open.map((db) => db.close()));
  open = [];
});

describe("backupDatabase", () => {
  it("copies every committed row, including writes queued just before, into a checked file", async () => {
    const dir = makeTempDir();
    const db = await openDatabase(path.join(dir, "live.db"));
    open.push(db);
    await db.write((tx) => tx.exec("CREATE TABLE notes (body TEXT)"));
    const pending = Array.from({ length: 20 }, (_, i) => db.write((tx) => tx.run("INSERT INTO notes VALUES (?)", [`n${i}`])));
    const result = await backupDatabase(db, path.join(dir, "backups", "copy.db"));
    await Promise.all(pending);

    expect(result.bytes).toBeGreaterThan(0);
    const copy = await openDatabase(result.path, { readOnly: true });
    open.push(copy);
    const rows = await copy.all(z.object({ n: z.number() }), "SELECT COUNT(*) AS n FROM notes");
    expect(rows).toEqual([{ n: 20 }]);
  });

  it("never overwrites an existing file", async () => {
    const dir = makeTempDir();
    const db = await openDatabase(path.join(dir, "live.db"));
    open.push(db);
    fs.writeFileSync(path.join(dir, "taken.db"), "keep me");
    await expect(backupDatabase(db, path.join(dir, "taken.db"))).rejects.toThrow(BackupError);
    expect(fs.readFileSync(path.join(dir, "taken.db"), "utf8")).toBe("keep me");
  });
});
