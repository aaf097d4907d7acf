import { existsSync } from "node:fs";
import { backupDatabase } from "#db/backup.server";
import { getDb } from "#db/db.server";
import { databasePath } from "#db/paths.server";
import { runCli, UsageError } from "./run-cli";

runCli(async () => {
  const target = process.argv[2];
  if (!target || process.argv.length > 3) throw new UsageError("usage: npm run db:backup -- <backup-file.db>");
  // A backup copies the database as it is: no migration first, and no new empty file made.
  if (!existsSync(databasePath())) throw new UsageError(`there is no database at ${databasePath()} (set DATABASE_PATH)`);
  const db = await getDb();
  const { path, bytes } = await backupDatabase(db, target);
  console.log(`Backed up ${db.path} to ${path} (${(bytes / 1024).toFixed(1)} KiB); integrity check: ok.`);
});
