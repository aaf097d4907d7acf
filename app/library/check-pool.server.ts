/**
 * checkOffThread: the scenario check in a worker thread, so that a slow check
 * never blocks the server's event loop (the workspace checks a draft on every
 * pause in typing). One worker is kept warm and reused; each check has a time
 * limit, after which the worker is terminated and replaced; calls queue, and a
 * full queue answers at once.
 *
 * The worker's code is found the same way wherever this module runs:
 * - from the TypeScript sources (vitest, tsx: the CLI and `npm run dev`'s
 *   server entry): app/library/check-worker.ts, loaded with tsx;
 * - from a bundle in build/ (the Remix server build, build/server.js):
 *   build/check-worker.js, which `npm run build` bundles next to them; under
 *   `remix dev` (NODE_ENV=development) the TypeScript source instead, since
 *   `remix dev` does not rebuild build/check-worker.js;
 * - and should no worker start at all, the check runs in-process, with a
 *   message in the log, rather than not at all.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { checkScenarioSource } from "~/engine/check";
import type { SourceInfo } from "~/engine/check";
import type { CheckResult } from "~/engine/types";
import type { CheckRequest, WorkerMessage } from "./check-worker";

/**
 * The time limit grows with the file: a valid 200 KB scenario took 1.3 s to check on an idle 2-core machine, and twice
 * that under load, so one flat limit would refuse big honest files at random. Any file under the limit stays bounded.
 */
export const CHECK_TIMEOUT_MS = { base: 2000, perMaxSize: 3000 } as const;
const MAX_BYTES = 256 * 1024;

export function checkTimeLimitMs(source: string): number {
  const share = Math.min(1, Buffer.byteLength(source, "utf8") / MAX_BYTES);
  return Math.round(CHECK_TIMEOUT_MS.base + CHECK_TIMEOUT_MS.perMaxSize * share);
}
/** Checks waiting behind the running one; one more is answered `check-busy` at once. */
export const CHECK_QUEUE_LIMIT = 32;
/** The worker's heap: a check that needs more is stopped (`check-failed`) instead of growing the server. */
const WORKER_HEAP_MB = 256;
/** A worker not ready by then counts as one that could not start (tsx compiles the engine first: a few seconds at worst). */
const STARTUP_MS = 30_000;

export interface WorkerEntry {
  /** The worker's module. */
  file: string;
  /** "bundle": build/check-worker.js; "source": the TypeScript source, run with tsx. */
  mode: "bundle" | "source";
  /** What `new Worker` runs: the bundle's path, or (for the source) code that registers tsx and imports it. */
  code: string;
  eval: boolean;
}

/** Where the worker's code is for a module at `moduleUrl` (see above); null when there is none that can run. */
export function resolveWorkerEntry(moduleUrl: string = import.meta.url, nodeEnv = process.env.NODE_ENV): WorkerEntry | null {
  const here = fileURLToPath(moduleUrl);
  const root = projectRootAbove(path.dirname(here));
  const built = path.join(path.dirname(here), "check-worker.js");
  const fromSource = (): WorkerEntry | null => {
    const file = here.endsWith(".ts") ? path.join(path.dirname(here), "check-worker.ts") : path.join(root, "app", "library", "check-worker.ts");
    const tsx = tsxApi(moduleUrl);
    return tsx && existsSync(file) ? { file, mode: "source", code: tsxBootstrap(tsx, file, path.join(root, "tsconfig.json")), eval: true } : null;
  };
  if (here.endsWith(".ts") || nodeEnv === "development") {
    const entry = fromSource();
    if (entry) return entry;
  }
  return existsSync(built) ? { file: built, mode: "bundle", code: built, eval: false } : fromSource();
}

/**
 * A worker does not take tsx from `--import` in its execArgv (Node 20 loads its entry before the hooks are in
 * place), so the source worker starts with code that registers tsx's hooks itself, then imports the entry.
 * tsx reads the `~/` paths from the project's tsconfig.json.
 */
function tsxBootstrap(tsx: string, file: string, tsconfig: string): string {
  return [
    `const { register } = await import(${JSON.stringify(tsx)});`,
    `register({ tsconfig: ${JSON.stringify(tsconfig)} });`,
    `await import(${JSON.stringify(pathToFileURL(file).href)});`,
  ].join("\n");
}

function projectRootAbove(dir: string): string {
  for (let at = dir; ; at = path.dirname(at)) {
    if (existsSync(path.join(at, "package.json"))) return at;
    if (path.dirname(at) === at) return process.cwd();
  }
}

/** tsx's ESM API (`tsx/esm/api`), or null in a production install without dev dependencies. */
function tsxApi(moduleUrl: string): string | null {
  try {
    const api = path.join(path.dirname(createRequire(moduleUrl).resolve("tsx/package.json")), "dist", "esm", "api", "index.mjs");
    return existsSync(api) ? pathToFileURL(api).href : null;
  } catch {
    return null;
  }
}

function refusal(info: SourceInfo, rule: string, message: string): CheckResult {
  return { scenario: null, problems: [{ severity: "error", rule, message, line: 1, column: 1, path: info.path }] };
}

/** Says how big the file is and what makes a check slow, since where it got stuck is not known. */
function timeoutMessage(source: string, limitMs: number): string {
  const kb = Math.max(1, Math.ceil(Buffer.byteLength(source, "utf8") / 1024));
  return (
    `Checking this scenario took too long, so it was stopped (it is ${kb} KB, and the check may take ${(limitMs / 1000).toFixed(1)} s). ` +
    "The check plays every path, so many flags, loops and steps make it slow: split it into two scenarios or use fewer flags. " +
    "A very long or deeply nested part (lists, quotes, emphasis, braces) slows it too."
  );
}
const BUSY_MESSAGE = "The server is busy checking other scenarios, so this one was not checked. Try again in a moment.";
const FAILED_MESSAGE = "Checking this scenario stopped unexpectedly (it needed too much memory, or the checker failed), so it was not checked. Simplify the file and try again.";

interface Job {
  id: number;
  source: string;
  info: SourceInfo;
  timeoutMs: number;
  resolve: (result: CheckResult) => void;
  timer?: ReturnType<typeof setTimeout>;
}

export interface CheckPoolStatus {
  /** "in-process" once no worker could be started. */
  mode: WorkerEntry["mode"] | "in-process" | "not started";
  workerFile: string | null;
  /** Workers started so far (the first, and one after each timeout or crash). */
  started: number;
  running: boolean;
  queued: number;
}

class CheckPool {
  private entry: WorkerEntry | null | undefined;
  private worker: Worker | null = null;
  private ready = false;
  private running: Job | null = null;
  private readonly queue: Job[] = [];
  private nextId = 1;
  private started = 0;
  /** Workers that exited before they were ready, in a row: two mean no worker can start here. */
  private failedStarts = 0;
  private inProcess = false;

  run(source: string, info: SourceInfo, timeoutMs: number): Promise<CheckResult> {
    const clean = { path: info.path, hash: info.hash };
    if (this.inProcess) return Promise.resolve(checkScenarioSource(source, clean));
    if (this.queue.length >= CHECK_QUEUE_LIMIT) return Promise.resolve(refusal(clean, "check-busy", BUSY_MESSAGE));
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, source, info: clean, timeoutMs, resolve });
      this.pump();
    });
  }

  status(): CheckPoolStatus {
    const mode = this.inProcess ? "in-process" : this.entry ? this.entry.mode : "not started";
    return { mode, workerFile: this.entry?.file ?? null, started: this.started, running: this.running !== null, queued: this.queue.length };
  }

  /** Stop the worker; checks still waiting are answered `check-busy`. A later call starts a new worker. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.ready = false;
    for (const job of [...(this.running ? [this.running] : []), ...this.queue.splice(0)]) this.finish(job, refusal(job.info, "check-busy", BUSY_MESSAGE));
    if (worker) await worker.terminate();
  }

  private pump() {
    if (this.inProcess) {
      for (const job of this.queue.splice(0)) job.resolve(checkScenarioSource(job.source, job.info));
      return;
    }
    if (!this.running && this.queue.length === 0) {
      this.worker?.unref(); // idle: never keep the process alive
      return;
    }
    if (!this.worker) this.spawn();
    this.worker?.ref(); // checks are waiting for it
    if (this.running || !this.worker || !this.ready) return; // `ready` and each result pump again
    const job = this.queue.shift()!;
    this.running = job;
    this.worker.postMessage({ id: job.id, source: job.source, info: job.info } satisfies CheckRequest);
    job.timer = setTimeout(() => this.timedOut(job), job.timeoutMs);
  }

  private spawn() {
    if (this.entry === undefined) this.entry = resolveWorkerEntry();
    if (!this.entry) return this.fallBack("no worker code was found (run `npm run build`)");
    let worker: Worker;
    try {
      // No execArgv: the server's own flags (a debugger port, tsx's loader) are not for the worker.
      worker = new Worker(this.entry.code, { eval: this.entry.eval, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    } catch (error) {
      return this.fallBack(`the worker did not start: ${String(error)}`);
    }
    this.worker = worker;
    this.ready = false;
    this.started++;
    let failure: unknown = null;
    const startup = setTimeout(() => {
      failure = `not ready after ${STARTUP_MS / 1000} s`;
      void worker.terminate();
    }, STARTUP_MS);
    startup.unref();
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "ready") clearTimeout(startup);
      if (worker === this.worker) this.onMessage(message);
    });
    worker.on("error", (error) => (failure = error));
    worker.on("exit", () => {
      clearTimeout(startup);
      if (worker !== this.worker) return; // replaced or closed on purpose
      this.worker = null;
      const wasReady = this.ready;
      this.ready = false;
      if (!wasReady && ++this.failedStarts >= 2) return this.fallBack(`the worker did not start: ${String(failure)}`);
      if (this.running) {
        console.error(`Scenario check worker stopped during a check: ${String(failure ?? "it exited")}`);
        this.finish(this.running, refusal(this.running.info, "check-failed", FAILED_MESSAGE));
      }
      this.pump();
    });
  }

  private onMessage(message: WorkerMessage) {
    if (message.type === "ready") {
      this.ready = true;
      this.failedStarts = 0;
    } else if (this.running && this.running.id === message.id) {
      if (message.type === "failed") console.error(`Scenario check failed: ${message.error}`);
      this.finish(this.running, message.type === "result" ? message.result : refusal(this.running.info, "check-failed", FAILED_MESSAGE));
    }
    this.pump();
  }

  private timedOut(job: Job) {
    if (this.running !== job) return;
    this.finish(job, refusal(job.info, "check-timeout", timeoutMessage(job.source, job.timeoutMs)));
    // The worker may be stuck for good: replace it now, so the next check finds a warm one.
    const stuck = this.worker;
    this.worker = null;
    this.ready = false;
    void stuck?.terminate();
    this.spawn();
    this.pump();
  }

  private finish(job: Job, result: CheckResult) {
    clearTimeout(job.timer);
    if (this.running === job) this.running = null;
    job.resolve(result);
  }

  private fallBack(why: string) {
    console.error(`Scenario checks run on the request thread: ${why}.`);
    this.inProcess = true;
    this.worker = null;
    if (this.running) {
      const job = this.running;
      this.finish(job, checkScenarioSource(job.source, job.info));
    }
    this.pump();
  }
}

// One pool per process, on globalThis like the database handle. A dev rebuild loads this module again: its worker
// would still run the old engine, so the new module's pool replaces it.
const POOL = Symbol.for("frontline.checkPool");
const slot = globalThis as { [POOL]?: CheckPool };
void slot[POOL]?.close();
const pool = (slot[POOL] = new CheckPool());

/** `checkScenarioSource` in the warm worker, stopped after `timeoutMs` (by default 2 to 5 s, by size). Never rejects. */
export function checkOffThread(source: string, info: SourceInfo, options: { timeoutMs?: number } = {}): Promise<CheckResult> {
  return pool.run(source, info, options.timeoutMs ?? checkTimeLimitMs(source));
}

/** Which worker code is used and what it is doing (for the tests and the production self-check). */
export function checkPoolStatus(): CheckPoolStatus {
  return pool.status();
}

/** Stop the worker (at shutdown, or at the end of a test file). */
export function closeCheckPool(): Promise<void> {
  return pool.close();
}
