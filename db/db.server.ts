import { openDatabase, type Database } from "./connection.server";
import { migrate } from "./migrate.server";
import { databasePath, migrationsDir } from "./paths.server";

// One handle per process: it lives on globalThis so that Remix dev rebuilds
// (which re-import the app bundle) and the separately bundled server entry share it.
const KEY = Symbol.for("frontline.database");
type Holder = { [KEY]?: Promise<Database> };

export function getDb(): Promise<Database> {
  const holder = globalThis as Holder;
  holder[KEY] ??= openDatabase(databasePath());
  return holder[KEY];
}

/** Opens the configured database and brings its schema up to date. */
export async function openMigratedDb(): Promise<{ db: Database; applied: string[] }> {
  const db = await getDb();
  const { applied } = await migrate(db, migrationsDir);
  return { db, applied };
}

export async function closeDb(): Promise<void> {
  const holder = globalThis as Holder;
  const pending = holder[KEY];
  delete holder[KEY];
  if (pending) await (await pending).close();
}
