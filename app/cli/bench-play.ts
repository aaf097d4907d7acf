/**
 * npm run bench:play  (builds first, then runs this file)
 *
 * The play loop's cost and capacity on the production build, as browsers ask for it (every measured
 * request sends Accept-Encoding: gzip, deflate, br), in one run:
 *   1. server CPU per request at 1 connection: GET /sign-in without a cookie (the app's cheapest page:
 *      the whole stack, no database query), GET /favicon.svg (a static file: the middleware's share),
 *      the play page, the Remix floor (below), and the choice cycle (POST a choice → 302 → GET);
 *      /sign-in and the play page also without Accept-Encoding, for what compression costs;
 *   2. the same at --connections (50) in a closed loop, with autocannon for the GETs (also the home
 *      page and a debrief; req/s and latency kept as a record) and the bench's client for the cycle;
 *   3. an open loop (open-loop.ts): cycles arriving at fixed Poisson rates, each from a different
 *      trainee and attempt, in rising steps until p99 > 100 ms or an error; capacity = the highest
 *      rate that held; the generator's own CPU is reported, since it shares the machine;
 *   4. the JavaScript the play page loads (script src + modulepreload under /build/), gzipped.
 * Server CPU is utime + stime of the server's whole process tree (`npm start` forks WEB_CONCURRENCY
 * workers) from /proc, over the measured window. The Remix floor (bench/floor-app.ts) is a minimal
 * Remix page that reads one SQLite row on a bare Express server, one process, measured the same way:
 * the reference that makes every figure a ratio.
 *
 * Options: --workers <n> (os.availableParallelism()) --connections <n> (50) --duration <s> (10) --warmup <s> (2)
 *          --cpu-duration <s> (4) --cpu-warmup <s> (1) --rates <list> (10,25,50,100,150,…,300,400,500,600,800)
 *          --step-duration <s> (4; longer at low rates: 200 cycles at least) --step-warmup <s> (1) --trainees <n> (800) --scenario <id> (parcel-third-call)
 *          --only <cpu1,gets,cycle,open> (only these parts; or name pages of gets: floor,play,home,debrief,static,remixFloor)
 *          --json <file> (write every figure there)
 *          --cpu-prof <dir> (run the server under node --cpu-prof) --full-hash (trainees' passwords at the app's full cost)
 *
 * The server runs as `node build/server.js` with NODE_ENV=production on a temporary database;
 * everything is removed at the end, also on failure. Exit code 1 when a target is missed.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { closeDb } from "#db/db.server";
import { projectRoot } from "#db/paths.server";
import { seededRandom } from "~/engine/random";
import { httpClient } from "./bench/client";
import { treeCpu } from "./bench/cpu";
import { closedLoopCycles, TraineePool, type CycleRun } from "./bench/cycle";
import { requester } from "./bench/http";
import { capacityOf, openLoopStep, type CurvePoint } from "./bench/open-loop";
import { measureGets, type GetResult, type GetSpec } from "./bench/pages";
import { measureJavaScript } from "./bench/play-js";
import { printReport } from "./bench/play-print";
import { checks, figuresJson, TARGETS } from "./bench/play-report";
import { freePort, startServer, waitUntilAnswering, type RunningServer } from "./bench/server";
import { kib, ms } from "./bench/stats";
import { finishAttempt, inBatches, resync, seedTrainees, signIn, type Trainee } from "./bench/trainees";

const DEADLINE_MS = 480_000;
/**
 * A step's p99 needs enough cycles to be more than its slowest one: 40 cycles (10/s for 4 s) made one pause of
 * 136 ms a "p99" and ended the curve at its first step. Low rates run longer, so each step has at least this many.
 */
const MIN_CYCLES_PER_STEP = 200;
const PARTS = ["cpu1", "gets", "cycle", "open"] as const;
/** Pages of the closed-loop GETs: naming some in --only measures those alone (as the bench's earlier --only did). */
const PAGES = ["floor", "play", "home", "debrief", "static", "remixFloor"] as const;

const { values: args } = parseArgs({
  options: {
    workers: { type: "string", default: String(os.availableParallelism()) },
    connections: { type: "string", default: "50" },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    "cpu-duration": { type: "string", default: "4" },
    "cpu-warmup": { type: "string", default: "1" },
    rates: { type: "string", default: "10,25,50,100,150,200,250,300,400,500,600,800" },
    "step-duration": { type: "string", default: "4" },
    "step-warmup": { type: "string", default: "1" },
    trainees: { type: "string", default: "800" },
    scenario: { type: "string", default: "parcel-third-call" },
    only: { type: "string", default: PARTS.join(",") },
    json: { type: "string" },
    "full-hash": { type: "boolean", default: false },
    "cpu-prof": { type: "string" },
  },
});
const num = (name: keyof typeof args) => Number(args[name]);
const [WORKERS, CONNECTIONS, DURATION, WARMUP, CPU_SECONDS, CPU_WARMUP, STEP_SECONDS, STEP_WARMUP] = (
  ["workers", "connections", "duration", "warmup", "cpu-duration", "cpu-warmup", "step-duration", "step-warmup"] as const
).map(num) as [number, number, number, number, number, number, number, number];
const RATES = args.rates.split(",").map(Number);
const ONLY = new Set(args.only.split(",").map((part) => part.trim()));
const ONLY_PAGES = PAGES.filter((page) => ONLY.has(page));
if (ONLY_PAGES.length > 0) ONLY.add("gets");
const TRAINEES = Math.max(num("trainees"), CONNECTIONS);
const SCENARIO = args.scenario;
if (
  ![WORKERS, CONNECTIONS, DURATION, WARMUP, CPU_SECONDS, CPU_WARMUP, STEP_SECONDS, STEP_WARMUP, TRAINEES, ...RATES].every((n) => Number.isFinite(n) && n >= 0) ||
  !Number.isInteger(WORKERS) ||
  WORKERS < 1 ||
  CONNECTIONS < 1 ||
  DURATION < 1 ||
  CPU_SECONDS < 1 ||
  STEP_SECONDS < 1 ||
  RATES.some((rate) => rate <= 0) ||
  [...ONLY].some((part) => ![...PARTS, ...PAGES].includes(part as never))
) {
  console.error("usage: bench-play [--workers n] [--connections n] [--duration s] [--warmup s] [--cpu-duration s] [--cpu-warmup s] [--rates a,b,…]");
  console.error("                  [--step-duration s] [--step-warmup s] [--trainees n] [--scenario id] [--only cpu1,gets,cycle,open|pages]");
  console.error("                  [--json file] [--cpu-prof dir] [--full-hash]");
  process.exit(2);
}

/** Finished attempts the first CONNECTIONS trainees have before the pages are measured (home and debrief show them). */
const HISTORY = 3;
const step = (line: string) => console.log(`· ${line}`);

async function main(): Promise<boolean> {
  const loadBefore = os.loadavg();
  const temp = mkdtempSync(path.join(os.tmpdir(), "frontline-bench-play-"));
  const servers: RunningServer[] = [];
  let cleaned = false;
  const cleanUp = async () => {
    if (cleaned) return;
    cleaned = true;
    await Promise.all(servers.map((server) => server.stop().catch(() => undefined)));
    await closeDb().catch(() => undefined);
    rmSync(temp, { recursive: true, force: true });
  };
  const abort = (why: string, code: number) => {
    console.error(`\nbench:play: ${why}; stopping.`);
    void cleanUp().finally(() => process.exit(code));
  };
  const watchdog = setTimeout(() => abort(`still running after ${DEADLINE_MS / 1000} s`, 1), DEADLINE_MS);
  watchdog.unref();
  process.once("SIGINT", () => abort("interrupted", 130));
  process.once("SIGTERM", () => abort("terminated", 143));

  try {
    const databasePath = path.join(temp, "bench.db");
    process.env.DATABASE_PATH = databasePath;
    const password = randomBytes(18).toString("base64url");
    const seeded = await seedTrainees(TRAINEES, password, { fullHash: args["full-hash"] });
    step(`database ${seeded.where}: ${TRAINEES} trainees (one shared ${args["full-hash"] ? "full-cost" : "light"} password hash)`);

    const [port, floorPort] = [await freePort(), await freePort()];
    const base = `http://127.0.0.1:${port}`;
    const floorBase = `http://127.0.0.1:${floorPort}`;
    const cpuProf = args["cpu-prof"] ? path.resolve(args["cpu-prof"]) : undefined;
    const app = startServer({
      entry: path.join(projectRoot, "build", "server.js"),
      cwd: projectRoot,
      nodeArgs: cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${cpuProf}`] : [],
      env: {
        ...process.env,
        NODE_ENV: "production",
        WEB_CONCURRENCY: String(WORKERS),
        SESSION_SECRET: randomBytes(36).toString("base64url"), // 48 characters
        LTI_KEY_SECRET: randomBytes(36).toString("base64url"),
        REQUEST_LOG: "off",
        PORT: String(port),
        DATABASE_PATH: databasePath,
        SCENARIO_CACHE_DIR: path.join(temp, "scenario-cache"),
      },
    });
    servers.push(app);
    const floorApp = startServer({
      entry: path.join(projectRoot, "app", "cli", "bench", "floor-app.ts"),
      cwd: projectRoot,
      nodeArgs: ["--import", "tsx"],
      env: { ...process.env, NODE_ENV: "production", PORT: String(floorPort), DATABASE_PATH: path.join(temp, "floor.db") },
    });
    servers.push(floorApp);
    const startup = await waitUntilAnswering(app, `${base}/sign-in`);
    await waitUntilAnswering(floorApp, `${floorBase}/`);
    const serverProcesses = treeCpu(app.child.pid)?.pids.length ?? 0;
    step(`server ${base} (pid ${app.child.pid}, ${serverProcesses} processes) answered after ${ms(startup, 0)}; Remix floor ${floorBase} (pid ${floorApp.child.pid})`);

    const http = requester(base);
    const t0 = performance.now();
    const trainees: Trainee[] = [];
    // Sign-ins verify the scrypt hash on libuv's threads: a few at a time.
    await inBatches(
      seeded.emails.map((email, index) => ({ email, index })),
      8,
      async ({ email, index }) => void (trainees[index] = await signIn(http, email, password, index)),
    );
    await inBatches(trainees, 10, (trainee) => resync(http, trainee, SCENARIO));
    const withHistory = trainees.slice(0, CONNECTIONS);
    for (let i = 0; i < HISTORY; i++) await inBatches(withHistory, 10, (trainee) => finishAttempt(http, trainee, SCENARIO));
    step(`${trainees.length} trainees signed in, each with an attempt of "${SCENARIO}" in progress; ${CONNECTIONS} with ${HISTORY} finished (${ms(performance.now() - t0, 0)})`);
    const pool = new TraineePool(trainees);

    const js = await measureJavaScript(base, http, trainees[0]!);
    step(`play page JavaScript: ${js.files.length} files, ${kib(js.gzip)} gzipped`);

    const app_ = { base, pid: app.child.pid };
    const specs = {
      floor: { name: "floor", label: "GET /sign-in", ...app_, path: "/sign-in" },
      static: { name: "static", label: "GET /favicon.svg", ...app_, path: "/favicon.svg", accept: "image/avif,image/webp,*/*" },
      play: { name: "play", label: "play page GET", ...app_, path: (t) => `/train/attempts/${t.attemptId}`, mustContain: 'name="choiceId"' },
      home: { name: "home", label: "GET /train", ...app_, path: "/train", signedIn: true, mustContain: 'class="scenario-grid"' },
      debrief: { name: "debrief", label: "debrief GET", ...app_, path: (t) => t.debriefPath, mustContain: 'class="debrief__overall"' },
      remixFloor: { name: "remixFloor", label: "Remix floor", base: floorBase, pid: floorApp.child.pid, path: "/", mustContain: "Hello from the Floor" },
      floorIdentity: { name: "floorIdentity", label: "GET /sign-in, no Accept-Encoding", ...app_, path: "/sign-in", identity: true },
      playIdentity: { name: "playIdentity", label: "play GET, no Accept-Encoding", ...app_, path: (t) => `/train/attempts/${t.attemptId}`, identity: true },
    } satisfies Record<string, GetSpec>;
    const client = httpClient(base);
    const showGet = (connections: number) => (result: GetResult) =>
      step(`${result.label} at ${connections}: ${result.serverCpuMsPerRequest?.toFixed(2) ?? "n/a"} ms CPU, ${Math.round(result.requestsPerSecond)} req/s, ${result.encoding}`);
    const showCycle = (run: CycleRun) =>
      step(`choice cycle at ${run.connections}: ${run.serverCpuMsPerCycle?.toFixed(2) ?? "n/a"} ms CPU, ${run.cyclesPerSecond.toFixed(0)} cycles/s, p99 ${ms(run.latency.p99)}, errors ${run.errors}`);

    let gets1: Record<string, GetResult> = {};
    let cycle1: CycleRun | null = null;
    if (ONLY.has("cpu1")) {
      const order = [specs.floor, specs.static, specs.play, specs.remixFloor, specs.floorIdentity, specs.playIdentity];
      gets1 = await measureGets(order, { seconds: CPU_SECONDS, warmup: CPU_WARMUP, connections: 1, trainees, onResult: showGet(1) });
      cycle1 = await closedLoopCycles({ client, base, pool, connections: 1, warmup: CPU_WARMUP, seconds: CPU_SECONDS, serverPid: app.child.pid });
      showCycle(cycle1);
    }
    let gets: Record<string, GetResult> = {};
    if (ONLY.has("gets")) {
      await pool.refill(http, SCENARIO); // every trainee's attempt in progress again, for the play page GET
      const order = (ONLY_PAGES.length > 0 ? ONLY_PAGES : PAGES).map((page) => specs[page]);
      gets = await measureGets(order, { seconds: DURATION, warmup: WARMUP, connections: CONNECTIONS, trainees: withHistory, onResult: showGet(CONNECTIONS) });
    }
    let cycle: CycleRun | null = null;
    if (ONLY.has("cycle")) {
      await pool.refill(http, SCENARIO);
      cycle = await closedLoopCycles({ client, base, pool, connections: CONNECTIONS, warmup: WARMUP, seconds: DURATION, serverPid: app.child.pid });
      showCycle(cycle);
    }
    const curve: CurvePoint[] = [];
    const stepSeconds = (rate: number) => Math.max(STEP_SECONDS, Math.ceil(MIN_CYCLES_PER_STEP / rate));
    if (ONLY.has("open")) {
      for (const rate of RATES) {
        const restarted = await pool.refill(http, SCENARIO); // outside the measured window
        await sleep(500);
        const point = await openLoopStep({
          ...{ client, base, pool, rate, warmup: STEP_WARMUP, seconds: stepSeconds(rate), p99LimitMs: TARGETS.p99LimitMs },
          serverPid: app.child.pid,
          random: seededRandom(rate),
        });
        curve.push(point);
        step(
          `open loop ${rate}/s: p50 ${ms(point.p50)}, p99 ${ms(point.p99)}, errors ${point.errors}, skipped ${point.skipped}, ` +
            `generator CPU ${point.generatorCpuPct.toFixed(0)}% (${restarted} attempts restarted before) ${point.held ? "held" : "BROKE"}`,
        );
        if (!point.held) break;
      }
    }
    client.close();

    const figures = figuresJson({
      command: [process.env.npm_lifecycle_event === "bench:play" ? "npm run bench:play --" : "tsx app/cli/bench-play.ts", ...process.argv.slice(2)].join(" "),
      loadBefore,
      workers: WORKERS,
      serverProcesses,
      scenario: SCENARIO,
      trainees: TRAINEES,
      settings: {
        ...{ connections: CONNECTIONS, duration: DURATION, warmup: WARMUP, cpuDuration: CPU_SECONDS, cpuWarmup: CPU_WARMUP },
        ...{ stepDuration: STEP_SECONDS, stepWarmup: STEP_WARMUP, rates: RATES.join(","), only: [...ONLY].join(",") },
      },
      gets1,
      cycle1,
      gets,
      cycle,
      curve,
      capacity: ONLY.has("open") ? capacityOf(curve) : null,
      js,
    });
    const targets = checks(figures, os.availableParallelism());
    const passed = targets.every((check) => check.pass);
    if (args.json) writeFileSync(path.resolve(args.json), `${JSON.stringify({ ...figures, targets, passed }, null, 2)}\n`);
    printReport(figures, targets);
    if (args.json) console.log(`\nfigures written to ${path.resolve(args.json)}`);
    if (cpuProf) console.log(`CPU profiles in ${cpuProf}`);
    return passed;
  } catch (error) {
    console.error(`\nbench:play failed: ${error instanceof Error ? error.message : String(error)}`);
    for (const server of servers) console.error(`--- last output of pid ${server.child.pid} ---\n${server.output() || "(none)"}`);
    process.exitCode = 1;
    return false;
  } finally {
    await cleanUp();
    clearTimeout(watchdog);
  }
}

void main().then((passed) => {
  if (!passed) process.exitCode = 1;
});
