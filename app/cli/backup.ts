import { backupDatabase } from "#db/backup.server";
import { openMigratedDb } from "#db/db.server";
import { runCli, UsageError } from "./run-cli";

runCli(async () => {
  const target = process.argv[2];
  if (!target || process.argv.length > 3) throw new UsageError("usage: npm run db:backup -- <backup-file.db>");
  const { db } = await openMigratedDb();
  const { path, bytes } = await backupDatabase(db, target);
  console.log(`Backed up ${db.path} to ${path} (${(bytes / 1024).toFixed(1)} KiB); integrity check: ok.`);
});
