/**
 * What runs once per start, before any process serves: the schema, imports a stop cut short, the
 * demo's data, housekeeping, and (in the background) the game's facts of older attempts. With
 * several workers the primary does this, then forks them.
 */
import { openMigratedDb } from "#db/db.server";
import { MigrationError } from "#db/migrate.server";
import { seedDemoOrganisation } from "~/accounts/demo.server";
import { startHousekeeping } from "~/auth/housekeeping.server";
import type { Config } from "~/config.server";
import { fillMissingFacts } from "~/game/backfill.server";
import { recoverInterruptedImports } from "~/outcomes/undo.server";

export class StartError extends Error {}

/** Returns whether demo data was created just now. */
export async function prepare(config: Config): Promise<{ seeded: boolean }> {
  try {
    const { db, applied } = await openMigratedDb();
    if (applied.length > 0) console.log(`Database ${db.path}: applied ${applied.join(", ")}`);
  } catch (error) {
    if (error instanceof MigrationError) throw new StartError(error.message);
    throw new StartError(`the database could not be opened: ${error instanceof Error ? error.message : String(error)}`);
  }
  const interrupted = await recoverInterruptedImports();
  if (interrupted.length > 0) console.warn(`Outcome imports ${interrupted.join(", ")} were cut short by the last stop and have been rolled back.`);
  const seeded = config.production ? false : await seedDemoOrganisation();
  startHousekeeping();
  // In the background: the server answers meanwhile, and the game leaves these attempts out until done.
  void fillMissingFacts().then(
    (filled) => filled > 0 && console.log(`Game layer: worked out the facts of ${filled} attempts finished before it.`),
    (error: unknown) => console.error("Game layer: filling the facts of earlier attempts failed; it is tried again at the next start.", error),
  );
  return { seeded };
}
