import { appliedVersion } from "#db/migrate.server";
import { openMigratedDb } from "#db/db.server";
import { runCli } from "./run-cli";

runCli(async () => {
  const { db, applied } = await openMigratedDb();
  const version = await appliedVersion(db);
  console.log(
    applied.length > 0
      ? `${db.path}: applied ${applied.join(", ")}; now at version ${version}.`
      : `${db.path} is up to date at version ${version}.`,
  );
});
