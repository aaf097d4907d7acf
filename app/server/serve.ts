/**
 * One serving process: the app on the port, and a shutdown that lets requests in flight finish.
 * Several of these share the port under the primary (primary.ts), or one runs alone.
 */
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import { closeDb } from "#db/db.server";
import { projectRoot } from "#db/paths.server";
import type { Config } from "~/config.server";
import { createApp } from "./app";
import { StartError } from "./prepare";

const BUILD_PATH = path.join(projectRoot, "build", "index.js");
const VERSION_PATH = path.join(projectRoot, "build", "version.txt");
/** A request still running after this at shutdown is cut off. */
export const DRAIN_MS = 10_000;

async function importBuild(): Promise<ServerBuild> {
  // The query string makes Node load a fresh copy after each dev rebuild.
  return (await import(`${pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`)) as ServerBuild;
}

export async function serve(config: Config, { development, liveReload }: { development: boolean; liveReload: boolean }): Promise<Server> {
  let build = await importBuild().catch(() => {
    throw new StartError(`no app build at ${BUILD_PATH}; run "npm run build" first.`);
  });
  if (development) {
    const { watch } = await import("chokidar");
    watch(VERSION_PATH, { ignoreInitial: true }).on("all", async () => {
      build = await importBuild();
      if (liveReload) await broadcastDevReady(build);
    });
  }
  const app = createApp(config, async () => build, { development });
  return new Promise((resolve, reject) => {
    const server = app.listen(config.port, () => {
      if (liveReload) void broadcastDevReady(build);
      resolve(server);
    });
    server.once("error", reject);
  });
}

/** Stops taking connections, lets the requests in flight finish (at most DRAIN_MS), closes the database, exits. */
export function drainAndExit(server: Server, signal: string): void {
  console.log(`${signal} received: process ${process.pid} finishes its requests and stops.`);
  server.close(() => void closeDb().finally(() => process.exit(0)));
  // Idle keep-alive connections would hold close() open until they time out.
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), DRAIN_MS).unref();
}
