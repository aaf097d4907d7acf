/**
 * The primary process with several workers: it forks one per WEB_CONCURRENCY, says when all are
 * listening, replaces one that dies (rolling back the import it was writing, if any), and at
 * SIGTERM or SIGINT lets every worker drain before it exits. It serves no request itself.
 */
import cluster, { type Worker } from "node:cluster";
import { closeDb } from "#db/db.server";
import type { Config } from "~/config.server";
import { recoverInterruptedImports } from "~/outcomes/undo.server";
import { DRAIN_MS } from "./serve";

/** More deaths than this within a minute is a crash loop (a port in use, a broken build): stop instead of forking on. */
const MAX_DEATHS_PER_MINUTE = 10;

export function runPrimary(config: Config, onReady: () => void): void {
  const live = new Set<Worker>();
  const deaths: number[] = [];
  let stopping = false;
  let listening = 0;

  const fork = () => {
    const worker = cluster.fork();
    live.add(worker);
    worker.once("listening", () => {
      if (++listening === config.workers) onReady();
    });
  };

  const stop = (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} received: the ${live.size} worker processes finish their requests, then Frontline stops.`);
    for (const worker of live) worker.process.kill("SIGTERM");
    const exitWhenNone = () => live.size === 0 && void closeDb().finally(() => process.exit(code));
    cluster.on("exit", exitWhenNone);
    exitWhenNone();
    setTimeout(() => process.exit(code), DRAIN_MS + 2_000).unref();
  };

  cluster.on("exit", (worker, exitCode, signal) => {
    live.delete(worker);
    if (stopping) return;
    const pid = worker.process.pid;
    console.error(`Worker process ${pid} stopped (${signal ?? `exit code ${exitCode}`}); starting another.`);
    if (pid !== undefined) {
      recoverInterruptedImports(pid).then(
        (ids) => ids.length > 0 && console.warn(`Outcome imports ${ids.join(", ")} were being written by it and have been rolled back.`),
        (error: unknown) => console.error("Rolling back its imports failed; they are rolled back at the next start.", error),
      );
    }
    const now = Date.now();
    deaths.push(now);
    while (deaths[0]! < now - 60_000) deaths.shift();
    if (deaths.length > MAX_DEATHS_PER_MINUTE) {
      console.error(`Worker processes died ${deaths.length} times in a minute: Frontline stops. The messages above say why.`);
      return stop("Crash loop", 1);
    }
    fork();
  });

  for (let i = 0; i < config.workers; i++) fork();
  // Both, guarded: a terminal's Ctrl+C reaches every process of the group, and a second signal must not skip the drain.
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
