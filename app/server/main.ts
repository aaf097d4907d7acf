import path from "node:path";
import { pathToFileURL } from "node:url";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import { closeDb, openMigratedDb } from "#db/db.server";
import { MigrationError } from "#db/migrate.server";
import { projectRoot } from "#db/paths.server";
import { DEMO_SIGN_INS, seedDemoOrganisation } from "~/accounts/demo.server";
import { startHousekeeping } from "~/auth/housekeeping.server";
import { ConfigError, readConfig } from "~/config.server";
import { fillMissingFacts } from "~/game/backfill.server";
import { recoverInterruptedImports } from "~/outcomes/undo.server";
import { createApp } from "./app";

const BUILD_PATH = path.join(projectRoot, "build", "index.js");
const VERSION_PATH = path.join(projectRoot, "build", "version.txt");

function fail(message: string): never {
  console.error(`\nFrontline did not start: ${message}\n`);
  process.exit(1);
}

async function importBuild(): Promise<ServerBuild> {
  // The query string makes Node load a fresh copy after each dev rebuild.
  return (await import(`${pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`)) as ServerBuild;
}

async function main() {
  let config;
  try {
    config = readConfig();
  } catch (error) {
    fail(error instanceof ConfigError ? error.message : String(error));
  }
  const development = process.env.NODE_ENV === "development";
  // Live reload needs `remix dev` (it sets REMIX_DEV_ORIGIN); a plain development start skips it.
  const liveReload = development && Boolean(process.env.REMIX_DEV_ORIGIN);

  try {
    const { db, applied } = await openMigratedDb();
    if (applied.length > 0) console.log(`Database ${db.path}: applied ${applied.join(", ")}`);
  } catch (error) {
    if (error instanceof MigrationError) fail(error.message);
    fail(`the database could not be opened: ${error instanceof Error ? error.message : String(error)}`);
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

  let build = await importBuild().catch(() => fail(`no app build at ${BUILD_PATH}; run "npm run build" first.`));
  if (development) {
    const { watch } = await import("chokidar");
    watch(VERSION_PATH, { ignoreInitial: true }).on("all", async () => {
      build = await importBuild();
      if (liveReload) await broadcastDevReady(build);
    });
  }

  const app = createApp(config, async () => build, { development });
  const server = app.listen(config.port, () => {
    console.log(`\nFrontline is running at http://localhost:${config.port}`);
    if (!config.production) {
      console.log(seeded ? "Demo data created. Sign in with:" : "Demo sign-ins:");
      for (const account of DEMO_SIGN_INS) console.log(`  ${account.role.padEnd(8)} ${account.email} / ${account.password}`);
    }
    if (liveReload) void broadcastDevReady(build);
  });

  const shutDown = (signal: string) => {
    console.log(`\n${signal} received: closing Frontline.`);
    server.close(() => void closeDb().finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.once("SIGTERM", () => shutDown("SIGTERM"));
  process.once("SIGINT", () => shutDown("SIGINT"));
}

void main();
