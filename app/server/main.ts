/**
 * `node build/server.js`: the primary prepares the database once, then serves alone (one worker,
 * or development) or forks WEB_CONCURRENCY worker processes that share the port and the database.
 */
import cluster from "node:cluster";
import { existsSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "#db/paths.server";
import { DEMO_SIGN_INS } from "~/accounts/demo.server";
import { ConfigError, readConfig, type Config } from "~/config.server";
import { startOutboxScheduler } from "~/outbox/scheduler.server";
import { registerXapiDeliverer } from "~/xapi/deliver.server";
import { registerScoreDeliverer } from "~/lti/score-delivery.server";
import { prepare, StartError } from "./prepare";
import { runPrimary } from "./primary";
import { drainAndExit, serve } from "./serve";

function fail(message: string): never {
  console.error(`\nFrontline did not start: ${message}\n`);
  process.exit(1);
}

function announce(config: Config, seeded: boolean, workers: number) {
  const processes = workers > 1 ? ` (${workers} worker processes)` : "";
  console.log(`\nFrontline is running at http://localhost:${config.port}${processes}`);
  if (config.production) return;
  console.log(seeded ? "Demo data created. Sign in with:" : "Demo sign-ins:");
  for (const account of DEMO_SIGN_INS) console.log(`  ${account.role.padEnd(8)} ${account.email} / ${account.password}`);
}

async function serveHere(config: Config, options: { development: boolean; liveReload: boolean }) {
  const server = await serve(config, options);
  // Every serving process sends what the outbox holds; the claims decide who sends which row.
  registerXapiDeliverer();
  registerScoreDeliverer();
  const outbox = startOutboxScheduler();
  // Guarded rather than once: a second signal during the drain must not end the process at once.
  let draining = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (draining) return;
      draining = true;
      // No new round. One under way may be cut short by the database closing: its claims run out and another
      // process sends those rows again, under the same statement ids.
      void outbox.stop();
      drainAndExit(server, signal);
    });
  }
}

async function main() {
  let config: Config;
  try {
    config = readConfig();
  } catch (error) {
    fail(error instanceof ConfigError ? error.message : String(error));
  }
  const development = process.env.NODE_ENV === "development";
  // Live reload needs `remix dev` (it sets REMIX_DEV_ORIGIN); a plain development start skips it.
  const liveReload = development && Boolean(process.env.REMIX_DEV_ORIGIN);

  try {
    if (cluster.isWorker) return await serveHere(config, { development: false, liveReload: false });
    const { seeded } = await prepare(config);
    // Development reloads the build in place, which only one process can do.
    const workers = development ? 1 : config.workers;
    if (workers === 1) {
      await serveHere(config, { development, liveReload });
      return announce(config, seeded, 1);
    }
    if (!existsSync(path.join(projectRoot, "build", "index.js"))) throw new StartError('no app build in build/; run "npm run build" first.');
    runPrimary({ ...config, workers }, () => announce(config, seeded, workers));
  } catch (error) {
    fail(error instanceof StartError ? error.message : `${error instanceof Error ? error.message : String(error)}`);
  }
}

void main();
