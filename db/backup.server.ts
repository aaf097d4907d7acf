import fs from "node:fs";
import path from "node:path";
import * as z from "zod";
import { openDatabase, type Database } from "./connection.server";

export class BackupError extends Error {}

/**
 * Online backup with VACUUM INTO (safe while the app runs: it reads one consistent
 * snapshot), then PRAGMA integrity_check on the copy. A copy that fails the check is removed.
 */
export async function backupDatabase(source: Database, target: string): Promise<{ path: string; bytes: number }> {
  const destination = path.resolve(target);
  if (fs.existsSync(destination)) throw new BackupError(`${destination} already exists; choose a new file name.`);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  await source.vacuumInto(destination);

  const copy = await openDatabase(destination, { readOnly: true });
  try {
    const rows = await copy.all(z.object({ integrity_check: z.string() }), "PRAGMA integrity_check");
    const verdict = rows.map((row) => row.integrity_check).join("; ");
    if (verdict !== "ok") throw new BackupError(`the copy failed PRAGMA integrity_check: ${verdict}`);
  } catch (error) {
    await copy.close();
    fs.rmSync(destination, { force: true });
    throw error;
  }
  await copy.close();
  return { path: destination, bytes: fs.statSync(destination).size };
}
