/**
 * npm run bench:play  (builds first, then runs this file)
 *
 * Benchmarks the production build of the play loop with autocannon, in one run:
 *   1. the floor: GET /sign-in without a cookie, the cheapest HTML page the server renders: it goes
 *      through the whole stack (Express middleware, Remix, root loader, React document render)
 *      like every page, but with no cookie its loaders make no database query and it has no
 *      per-user content ("/" only redirects; static files and the 404 page are not real pages);
 *   2. the play page GET, each connection its own trainee and its own in-progress attempt;
 *      (1 and 2 run in halves, floor, play, play, floor, so that a change in the machine's
 *      background load weighs on both alike; each run opens with a warm-up that is not counted)
 *   3. the choice cycle (POST a visible choice → 302 → GET the page it points to), per connection,
 *      starting a new attempt when one reaches its debrief; cycle latency measured here;
 *   4. the JavaScript the play page loads (script src + modulepreload under /build/), gzipped.
 *
 * Options: --duration <s> (10) --warmup <s> (2) --connections <n> (50) --scenario <id> (parcel-third-call)
 *          --gzip (also measure floor and play GET with Accept-Encoding: gzip, for information)
 *          --cpu-prof <dir> (run the server under node --cpu-prof, writing the profile to <dir>)
 *          --only <floor,play,cycle> (measure only these, e.g. to profile one of them)
 *          --full-hash (give the trainees a password hash at the app's full scrypt cost; by default a
 *          light one in the same format, so that 50 sign-ins take seconds: sign-in is not measured)
 *
 * The server runs as `node build/server.js` with NODE_ENV=production on a temporary database;
 * everything is removed at the end, also on failure. Exit code 1 when a target is missed.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import type { Client, Request as CannonRequest } from "autocannon";
import { closeDb, openMigratedDb } from "#db/db.server";
import { projectRoot } from "#db/paths.server";
import { createAccount, findOrCreateTeam } from "~/accounts/accounts.server";
import { seededRandom } from "~/engine/random";
import { hashPassword } from "~/auth/password.server";
import { inlineScriptBytes, readPlayPage, scriptAssets } from "./bench/html";
import { cookieFrom, headerValue, requester, type Requester } from "./bench/http";
import { lightPasswordHash } from "./bench/password";
import { cpuTimeMs, freePort, startServer, waitUntilAnswering, type RunningServer } from "./bench/server";
import { int, kib, ms, StatusCounts, summarise, type Summary } from "./bench/stats";

const TARGETS = { playVsFloor: 0.7, cycleP99Ms: 100, jsGzipBytes: 120 * 1000 };
const DEADLINE_MS = 150_000;
const SESSION_COOKIE = "frontline_session";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    connections: { type: "string", default: "50" },
    scenario: { type: "string", default: "parcel-third-call" },
    gzip: { type: "boolean", default: false },
    "full-hash": { type: "boolean", default: false },
    only: { type: "string", default: "floor,play,cycle" },
    "cpu-prof": { type: "string" },
  },
});
const DURATION = Number(args.duration);
const WARMUP = Number(args.warmup);
const CONNECTIONS = Number(args.connections);
const SCENARIO = args.scenario;
const ONLY = new Set(args.only.split(",").map((name) => name.trim()));
if (
  ![DURATION, WARMUP, CONNECTIONS].every((n) => Number.isFinite(n) && n >= 0) ||
  CONNECTIONS < 1 ||
  DURATION < 1 ||
  [...ONLY].some((name) => !["floor", "play", "cycle"].includes(name))
) {
  console.error(
    "usage: bench-play [--duration <s>] [--warmup <s>] [--connections <n>] [--scenario <id>] [--gzip] [--cpu-prof <dir>] [--only floor,play,cycle] [--full-hash]",
  );
  process.exit(2);
}

type Trainee = {
  index: number;
  email: string;
  cookie: string;
  attemptId: number;
  turn: number;
  choiceIds: string[];
  /** The attempt reached its debrief: the next cycle starts a new one. */
  needsNew: boolean;
  random: () => number;
};

const log = (line = "") => console.log(line);
const step = (line: string) => console.log(`· ${line}`);

// ---------------------------------------------------------------------------------------------
// Setup: database, server, sign-ins, attempts

async function seedTrainees(count: number, password: string): Promise<string[]> {
  const { db } = await openMigratedDb();
  const team = await findOrCreateTeam("Bench team");
  // One hash shared by every trainee. By default a light one in the app's format, since every
  // sign-in verifies it at its own cost; --full-hash uses the app's full cost (~0.3 s per sign-in).
  const hash = args["full-hash"] ? await hashPassword(password) : await lightPasswordHash(password);
  const emails: string[] = [];
  for (let i = 0; i < count; i++) {
    const email = `bench-trainee-${String(i + 1).padStart(3, "0")}@bench.test`;
    await createAccount({ email, displayName: `Bench Trainee ${i + 1}`, role: "trainee", teamId: team.id, password }, hash);
    emails.push(email);
  }
  step(`database ${db.path}: ${count} trainees in team "${team.name}" (one shared ${args["full-hash"] ? "full-cost" : "light"} password hash)`);
  await closeDb();
  return emails;
}

async function signIn(http: Requester, email: string, password: string): Promise<string> {
  const reply = await http("/sign-in", { method: "POST", form: { email, password } });
  const cookie = cookieFrom(reply.setCookies, SESSION_COOKIE);
  if (reply.status !== 302 || !cookie) throw new Error(`sign-in of ${email} answered ${reply.status} without a session cookie`);
  return cookie;
}

function attemptIdFrom(location: string | null): number | null {
  const match = location?.match(/^\/train\/attempts\/(\d+)$/);
  return match ? Number(match[1]) : null;
}

async function startNewAttempt(http: Requester, trainee: Trainee): Promise<void> {
  const reply = await http(`/train/scenarios/${encodeURIComponent(SCENARIO)}`, { method: "POST", cookie: trainee.cookie });
  const id = attemptIdFrom(reply.location);
  if (reply.status !== 302 || id === null) {
    throw new Error(`starting "${SCENARIO}" for ${trainee.email} answered ${reply.status} (location ${reply.location ?? "none"})`);
  }
  trainee.attemptId = id;
  trainee.needsNew = false;
}

/** Brings a trainee's state in line with the server: the current turn and choices of an in-progress attempt. */
async function resync(http: Requester, trainee: Trainee): Promise<void> {
  for (let tries = 0; tries < 3; tries++) {
    if (trainee.attemptId === 0 || trainee.needsNew) await startNewAttempt(http, trainee);
    const reply = await http(`/train/attempts/${trainee.attemptId}`, { cookie: trainee.cookie });
    const page = reply.status === 200 ? readPlayPage(reply.text) : null;
    if (page) {
      trainee.turn = page.turn;
      trainee.choiceIds = page.choiceIds;
      return;
    }
    trainee.needsNew = true; // finished (302 to the debrief) or put aside: start another
  }
  throw new Error(`could not get an in-progress attempt page for ${trainee.email}`);
}

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

// ---------------------------------------------------------------------------------------------
// Measurements

/**
 * One autocannon run of warm-up + duration seconds on the same connections; only what happens in
 * the measured window (after the warm-up) is counted: responses, their status and latency, bytes,
 * and the CPU time the server process and this process used meanwhile.
 */
type Window = { started: number | null; inside: (time?: number) => boolean };
type Run = {
  seconds: number;
  responses: number;
  bytes: number;
  latencies: number[];
  statuses: StatusCounts;
  /** Connection errors and timeouts over the whole run (warm-up included). */
  socketErrors: number;
  serverCpuMs: number | null;
  benchCpuMs: number;
};

function cannon(
  base: string,
  serverPid: number | undefined,
  {
    seconds,
    path: fixedPath = "/",
    headers = {},
    setupClient,
  }: { seconds: number; path?: string; headers?: Record<string, string>; setupClient?: (client: Client, window: Window) => void },
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const window: Window = {
      started: null,
      inside: (time = performance.now()) => window.started !== null && time >= window.started,
    };
    const run: Run = { seconds: 0, responses: 0, bytes: 0, latencies: [], statuses: new StatusCounts(), socketErrors: 0, serverCpuMs: null, benchCpuMs: 0 };
    let serverCpu0: number | null = null;
    let benchCpu0 = process.cpuUsage();
    const opening = setTimeout(() => {
      window.started = performance.now();
      serverCpu0 = cpuTimeMs(serverPid);
      benchCpu0 = process.cpuUsage();
    }, WARMUP * 1000);
    const instance = autocannon(
      {
        url: `${base}${fixedPath}`,
        connections: CONNECTIONS,
        pipelining: 1,
        duration: WARMUP + seconds,
        timeout: 10,
        headers,
        setupClient: setupClient && ((client: Client) => setupClient(client, window)),
      },
      (error, result) => {
        clearTimeout(opening);
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        const ended = performance.now();
        const serverCpu1 = cpuTimeMs(serverPid);
        const bench = process.cpuUsage(benchCpu0);
        run.seconds = window.started === null ? 0 : (ended - window.started) / 1000;
        run.socketErrors = result.errors + result.timeouts;
        run.serverCpuMs = serverCpu0 !== null && serverCpu1 !== null ? serverCpu1 - serverCpu0 : null;
        run.benchCpuMs = (bench.user + bench.system) / 1000;
        resolve(run);
      },
    );
    instance.on("response", (_client: Client, status: number, bytes: number, latency: number) => {
      if (!window.inside()) return;
      run.responses++;
      run.bytes += bytes;
      run.latencies.push(latency);
      run.statuses.add(status);
    });
  });
}

type Load = { serverCpuPercent: number | null; serverCpuMsPer: number | null; benchCpuPercent: number };

function loadOf(run: Run, units: number): Load {
  return {
    serverCpuPercent: run.serverCpuMs === null ? null : (100 * run.serverCpuMs) / (run.seconds * 1000),
    serverCpuMsPer: run.serverCpuMs === null || units === 0 ? null : run.serverCpuMs / units,
    benchCpuPercent: (100 * run.benchCpuMs) / (run.seconds * 1000),
  };
}

type GetFigures = {
  label: string;
  requestsPerSecond: number;
  responses: number;
  latency: Summary;
  statuses: string;
  errors: number;
  bytesPerResponse: number;
  load: Load;
};

function getFigures(label: string, run: Run, unexpected: number): GetFigures {
  const wrong = run.statuses.total() - (run.statuses.counts.get(200) ?? 0);
  return {
    label,
    requestsPerSecond: run.responses / run.seconds,
    responses: run.responses,
    latency: summarise(run.latencies),
    statuses: run.statuses.toString(),
    errors: run.socketErrors + wrong + unexpected,
    bytesPerResponse: run.responses > 0 ? run.bytes / run.responses : 0,
    load: loadOf(run, run.responses),
  };
}

const encoding = (gzip: boolean): Record<string, string> => (gzip ? { "accept-encoding": "gzip" } : {});

function mergeRuns(runs: readonly Run[]): Run {
  const statuses = new StatusCounts();
  for (const run of runs) for (const [status, count] of run.statuses.counts) statuses.counts.set(status, (statuses.counts.get(status) ?? 0) + count);
  const sum = (pick: (run: Run) => number) => runs.reduce((total, run) => total + pick(run), 0);
  return {
    seconds: sum((run) => run.seconds),
    responses: sum((run) => run.responses),
    bytes: sum((run) => run.bytes),
    latencies: runs.flatMap((run) => run.latencies),
    statuses,
    socketErrors: sum((run) => run.socketErrors),
    serverCpuMs: runs.every((run) => run.serverCpuMs !== null) ? sum((run) => run.serverCpuMs!) : null,
    benchCpuMs: sum((run) => run.benchCpuMs),
  };
}

function floorRun(base: string, pid: number | undefined, seconds: number, gzip: boolean): Promise<Run> {
  return cannon(base, pid, { seconds, path: "/sign-in", headers: { accept: "text/html", ...encoding(gzip) } });
}

async function playRun(base: string, pid: number | undefined, seconds: number, trainees: readonly Trainee[], gzip: boolean) {
  let unexpected = 0;
  let next = 0;
  const run = await cannon(base, pid, {
    seconds,
    setupClient: (client, window) => {
      const trainee = trainees[next++ % trainees.length]!;
      client.setRequests([
        {
          method: "GET",
          path: `/train/attempts/${trainee.attemptId}`,
          headers: { accept: "text/html", cookie: trainee.cookie, ...encoding(gzip) },
          onResponse: (status, body) => {
            // A 200 that is not the play page (it has the reply buttons) would be a wrong answer.
            if (status === 200 && !gzip && !body.includes('name="choiceId"') && window.inside()) unexpected++;
          },
        },
      ]);
    },
  });
  return { run, unexpected };
}

/**
 * The floor and the play page GET, each for DURATION seconds in all, in two halves ordered
 * floor, play, play, floor: on a shared machine a drift in background load then weighs on both alike.
 */
async function measureFloorAndPlay(
  base: string,
  pid: number | undefined,
  trainees: readonly Trainee[],
  { gzip = false, only = ONLY } = {},
): Promise<{ floor?: GetFigures; play?: GetFigures }> {
  const half = DURATION / 2;
  const floorRuns: Run[] = [];
  const playRuns: Run[] = [];
  let unexpected = 0;
  const floor = async () => {
    if (only.has("floor")) floorRuns.push(await floorRun(base, pid, half, gzip));
  };
  const play = async () => {
    if (!only.has("play")) return;
    const { run, unexpected: wrong } = await playRun(base, pid, half, trainees, gzip);
    playRuns.push(run);
    unexpected += wrong;
  };
  await floor();
  await play();
  await play();
  await floor();
  const suffix = gzip ? ", gzip" : "";
  return {
    floor: floorRuns.length > 0 ? getFigures(`floor: GET /sign-in${suffix}`, mergeRuns(floorRuns), 0) : undefined,
    play: playRuns.length > 0 ? getFigures(`play page GET${suffix}`, mergeRuns(playRuns), unexpected) : undefined,
  };
}

type CycleFigures = {
  cycles: number;
  cyclesPerSecond: number;
  latency: Summary;
  attemptsFinished: number;
  attemptsStarted: number;
  startLatency: Summary;
  requestsPerSecond: number;
  statuses: string;
  errors: number;
  samples: string[];
  load: Load;
};

/**
 * Per connection, one trainee: POST a visible choice for the current turn, GET the page the 302
 * points to and read the next turn and choices from it; after a debrief, POST a new attempt
 * (its own "start cycle", timed apart). A cycle is timed from its POST being written to the end
 * of its GET response.
 */
async function measureCycle(base: string, pid: number | undefined, http: Requester, trainees: readonly Trainee[]): Promise<CycleFigures> {
  await inBatches(trainees, 10, (trainee) => resync(http, trainee));
  const cycleMs: number[] = [];
  const startMs: number[] = [];
  const samples: string[] = [];
  let unexpected = 0;
  let finished = 0;
  let next = 0;
  const run = await cannon(base, pid, {
    seconds: DURATION,
    setupClient: (client, window) => {
      const trainee = trainees[next++ % trainees.length]!;
      const problem = (message: string) => {
        unexpected++; // warm-up included
        if (samples.length < 5) samples.push(message);
      };
      const html = { accept: "text/html", cookie: trainee.cookie };
      const post = { ...html, origin: base, "content-type": "application/x-www-form-urlencoded" };
      let sentAt = 0;
      let first = true; // the first POST of a connection is built before the connection opens
      let starting = false;
      let target = "";
      const requests: CannonRequest[] = [
        {
          method: "POST",
          setupRequest: (request) => {
            sentAt = first ? Number.NEGATIVE_INFINITY : performance.now();
            first = false;
            starting = trainee.needsNew;
            // Fresh header objects: autocannon writes Content-Length into the one it is given.
            if (starting) {
              const path = `/train/scenarios/${encodeURIComponent(SCENARIO)}`;
              return { ...request, method: "POST", path, headers: { ...post, "content-length": "0" }, body: Buffer.alloc(0) };
            }
            const choiceId = trainee.choiceIds[Math.floor(trainee.random() * trainee.choiceIds.length)]!;
            const body = new URLSearchParams({ turn: String(trainee.turn), choiceId }).toString();
            return { ...request, method: "POST", path: `/train/attempts/${trainee.attemptId}?index`, headers: { ...post }, body };
          },
          onResponse: (status, _body, _context, headers) => {
            const location = headerValue(headers as Record<string, unknown>, "location");
            if (status === 302 && location) {
              target = location;
              if (starting) {
                const id = attemptIdFrom(location);
                if (id === null) problem(`starting an attempt answered 302 to ${location}`);
                else {
                  trainee.attemptId = id;
                  trainee.needsNew = false;
                }
              }
              return;
            }
            problem(`${starting ? "start" : `choice (turn ${trainee.turn})`} POST of ${trainee.email} answered ${status}`);
            target = `/train/attempts/${trainee.attemptId}`; // the GET then shows where the attempt really is
          },
        },
        {
          method: "GET",
          setupRequest: (request) => ({ ...request, method: "GET", path: target, headers: { ...html }, body: Buffer.alloc(0) }),
          onResponse: (status, body) => {
            const now = performance.now();
            if (status === 200 && target.endsWith("/debrief")) {
              trainee.needsNew = true;
              if (window.inside(sentAt)) finished++;
            } else if (status === 200) {
              const page = readPlayPage(body);
              if (page) {
                trainee.turn = page.turn;
                trainee.choiceIds = page.choiceIds;
              } else problem(`GET ${target} answered 200 without a turn and choices`);
            } else {
              trainee.needsNew = true; // the attempt ended or was put aside behind our back
              problem(`GET ${target} answered ${status}`);
            }
            if (window.inside(sentAt)) (starting ? startMs : cycleMs).push(now - sentAt);
          },
        },
      ];
      client.setRequests(requests);
    },
  });
  const unwanted = [...run.statuses.counts].filter(([status]) => status !== 200 && status !== 302).reduce((sum, [, count]) => sum + count, 0);
  return {
    cycles: cycleMs.length,
    cyclesPerSecond: cycleMs.length / run.seconds,
    latency: summarise(cycleMs),
    attemptsFinished: finished,
    attemptsStarted: startMs.length,
    startLatency: summarise(startMs),
    requestsPerSecond: run.responses / run.seconds,
    statuses: run.statuses.toString(),
    // Every unwanted status also makes a "problem"; count the larger of the two, once.
    errors: run.socketErrors + Math.max(unexpected, unwanted),
    samples,
    load: loadOf(run, cycleMs.length + startMs.length),
  };
}

type JsFigures = { files: { path: string; raw: number; gzip: number }[]; raw: number; gzip: number; inline: number; html: number };

async function measureJavaScript(base: string, http: Requester, trainee: Trainee): Promise<JsFigures> {
  const page = await http(`/train/attempts/${trainee.attemptId}`, { cookie: trainee.cookie });
  if (page.status !== 200) throw new Error(`the play page answered ${page.status}`);
  const files = [];
  for (const asset of scriptAssets(page.text)) {
    const response = await fetch(`${base}${asset}`);
    if (response.status !== 200) throw new Error(`${asset} answered ${response.status}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    files.push({ path: asset, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  if (files.length === 0) throw new Error("the play page links no JavaScript under /build/");
  return {
    files,
    raw: files.reduce((sum, file) => sum + file.raw, 0),
    gzip: files.reduce((sum, file) => sum + file.gzip, 0),
    inline: inlineScriptBytes(page.text),
    html: Buffer.byteLength(page.text),
  };
}

// ---------------------------------------------------------------------------------------------
// Report

function machineFacts(loadBefore: number[]): string[] {
  const cpus = os.cpus();
  const load = (values: number[]) => values.map((n) => n.toFixed(2)).join(" / ");
  return [
    `machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()} ${os.arch()}`,
    `node ${process.version}, ${new Date().toISOString()}`,
    `load average (1/5/15 min): ${load(loadBefore)} before, ${load(os.loadavg())} after`,
  ];
}

const verdict = (pass: boolean) => (pass ? "PASS" : "FAIL");

function describeLoad(load: Load, unit: string): string {
  const server =
    load.serverCpuPercent === null ? "server CPU n/a" : `server CPU ${load.serverCpuPercent.toFixed(0)}% of a core (${load.serverCpuMsPer?.toFixed(2) ?? "?"} ms/${unit})`;
  return `${server}, bench process CPU ${load.benchCpuPercent.toFixed(0)}%`;
}

type Figures = { floor?: GetFigures; play?: GetFigures; cycle?: CycleFigures; js: JsFigures; extra: GetFigures[] };

function report({ floor, play, cycle, js, extra }: Figures, loadBefore: number[]): boolean {
  log();
  log(`== bench:play · ${CONNECTIONS} connections · scenario ${SCENARIO} ==`);
  log(
    `floor and play GET: ${DURATION / 2} s each, twice, in the order floor, play, play, floor; choice cycle: ${DURATION} s;` +
      ` every run after ${WARMUP} s of warm-up that is not counted`,
  );
  for (const line of machineFacts(loadBefore)) log(line);
  log();
  const describeGet = (figures: GetFigures | undefined) => {
    if (!figures) return;
    log(
      `${figures.label}: ${int(figures.requestsPerSecond)} req/s over ${int(figures.responses)} responses; ` +
        `latency p50 ${ms(figures.latency.p50)}, p99 ${ms(figures.latency.p99)}, max ${ms(figures.latency.max)}; ${kib(figures.bytesPerResponse)}/response`,
    );
    log(`  ${describeLoad(figures.load, "request")}; statuses ${figures.statuses}; errors ${figures.errors}`);
  };
  describeGet(floor);
  describeGet(play);
  if (cycle) {
    log(
      `choice cycle (POST → 302 → GET): ${cycle.cyclesPerSecond.toFixed(1)} cycles/s over ${int(cycle.cycles)} cycles; ` +
        `latency p50 ${ms(cycle.latency.p50)}, p95 ${ms(cycle.latency.p95)}, p99 ${ms(cycle.latency.p99)}, max ${ms(cycle.latency.max)}`,
    );
    log(
      `  attempts finished ${cycle.attemptsFinished}, new attempts started ${cycle.attemptsStarted}` +
        (cycle.startLatency.count > 0 ? ` (start POST → 302 → GET p50 ${ms(cycle.startLatency.p50)}, p99 ${ms(cycle.startLatency.p99)})` : "") +
        `; ${int(cycle.requestsPerSecond)} HTTP requests/s`,
    );
    log(`  ${describeLoad(cycle.load, "cycle")}; statuses ${cycle.statuses}; errors ${cycle.errors}`);
    for (const sample of cycle.samples) log(`  problem: ${sample}`);
  }
  if (extra.length > 0) log("for information, with Accept-Encoding: gzip (as browsers send it):");
  for (const figures of extra) describeGet(figures);
  log(
    `play page JavaScript: ${js.files.length} files, ${kib(js.gzip)} gzipped (level 9), ${kib(js.raw)} raw` +
      ` (not counted: the ${kib(js.html)} HTML with ${kib(js.inline)} of inline script)`,
  );
  for (const file of js.files) log(`  ${file.path.padEnd(58)} ${kib(file.raw).padStart(10)} raw ${kib(file.gzip).padStart(10)} gzipped`);

  const errors = [floor, play, cycle, ...extra].reduce((sum, figures) => sum + (figures?.errors ?? 0), 0);
  const checks: { name: string; figure: string; pass: boolean }[] = [];
  if (floor && play) {
    const ratio = play.requestsPerSecond / floor.requestsPerSecond;
    checks.push({
      name: `play GET ≥ ${TARGETS.playVsFloor * 100}% of the floor's req/s`,
      figure: `${(ratio * 100).toFixed(0)}% (${int(play.requestsPerSecond)} vs ${int(floor.requestsPerSecond)} req/s)`,
      pass: ratio >= TARGETS.playVsFloor,
    });
  }
  if (cycle) {
    checks.push({
      name: `choice cycle p99 ≤ ${TARGETS.cycleP99Ms} ms`,
      figure: ms(cycle.latency.p99),
      pass: cycle.cycles > 0 && cycle.latency.p99 <= TARGETS.cycleP99Ms,
    });
  }
  checks.push(
    { name: "no errors", figure: String(errors), pass: errors === 0 },
    {
      name: `play page JavaScript ≤ ${TARGETS.jsGzipBytes / 1000} kB gzipped`,
      figure: `${(js.gzip / 1000).toFixed(1)} kB (${kib(js.gzip)})`,
      pass: js.gzip <= TARGETS.jsGzipBytes,
    },
  );
  log();
  for (const check of checks) log(`${verdict(check.pass)}  ${check.name.padEnd(42)} ${check.figure}`);
  const floorCpu = floor?.load.serverCpuMsPer;
  const playCpu = play?.load.serverCpuMsPer;
  if (floorCpu && playCpu) {
    log(
      `(for reference, less sensitive to other load on the machine: server CPU per request ${floorCpu.toFixed(2)} ms for the floor,` +
        ` ${playCpu.toFixed(2)} ms for the play page, so at full use of a core the play page would reach ${((100 * floorCpu) / playCpu).toFixed(0)}% of the floor)`,
    );
  }
  return checks.every((check) => check.pass);
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<boolean> {
  const began = performance.now();
  const loadBefore = os.loadavg();
  const temp = mkdtempSync(path.join(os.tmpdir(), "frontline-bench-play-"));
  let server: RunningServer | undefined;
  let cleaned = false;
  const cleanUp = async () => {
    if (cleaned) return;
    cleaned = true;
    await server?.stop().catch(() => undefined);
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
    const emails = await seedTrainees(CONNECTIONS, password);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const cpuProf = args["cpu-prof"] ? path.resolve(args["cpu-prof"]) : undefined;
    server = startServer({
      entry: path.join(projectRoot, "build", "server.js"),
      cwd: projectRoot,
      nodeArgs: cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${cpuProf}`] : [],
      env: {
        ...process.env,
        NODE_ENV: "production",
        SESSION_SECRET: randomBytes(36).toString("base64url"), // 48 characters
        REQUEST_LOG: "off",
        PORT: String(port),
        DATABASE_PATH: databasePath,
        SCENARIO_CACHE_DIR: path.join(temp, "scenario-cache"),
      },
    });
    const startup = await waitUntilAnswering(server, `${base}/sign-in`);
    step(`server ${base} (pid ${server.child.pid}) answered after ${ms(startup, 0)}`);

    const http = requester(base);
    const t0 = performance.now();
    const trainees: Trainee[] = [];
    // Sign-ins verify the scrypt hash on libuv's 4 threads: a few at a time.
    await inBatches(
      emails.map((email, index) => ({ email, index })),
      4,
      async ({ email, index }) => {
        const cookie = await signIn(http, email, password);
        trainees[index] = { index, email, cookie, attemptId: 0, turn: 0, choiceIds: [], needsNew: true, random: seededRandom(index + 1) };
      },
    );
    step(`${trainees.length} trainees signed in (${ms(performance.now() - t0, 0)})`);
    await inBatches(trainees, 10, (trainee) => resync(http, trainee));
    step(`${trainees.length} attempts of "${SCENARIO}" in progress`);

    const js = await measureJavaScript(base, http, trainees[0]!);
    step(`play page JavaScript: ${js.files.length} files, ${kib(js.gzip)} gzipped`);
    const pid = server.child.pid;
    const figures: Figures = { js, extra: [] };
    Object.assign(figures, await measureFloorAndPlay(base, pid, trainees));
    if (figures.floor) step(`floor: ${int(figures.floor.requestsPerSecond)} req/s`);
    if (figures.play) step(`play GET: ${int(figures.play.requestsPerSecond)} req/s`);
    if (ONLY.has("cycle")) {
      figures.cycle = await measureCycle(base, pid, http, trainees);
      step(`choice cycle: ${figures.cycle.cyclesPerSecond.toFixed(1)} cycles/s, p99 ${ms(figures.cycle.latency.p99)}`);
    }
    if (args.gzip) {
      await sleep(2_000); // let the server finish the cycles cut short, then read where each attempt is
      await inBatches(trainees, 10, (trainee) => resync(http, trainee));
      const gzipped = await measureFloorAndPlay(base, pid, trainees, { gzip: true });
      for (const extra of [gzipped.floor, gzipped.play]) if (extra) figures.extra.push(extra);
    }

    const passed = report(figures, loadBefore);
    log(`\n(run took ${((performance.now() - began) / 1000).toFixed(0)} s${cpuProf ? `; CPU profile in ${cpuProf}` : ""})`);
    return passed;
  } catch (error) {
    console.error(`\nbench:play failed: ${error instanceof Error ? error.message : String(error)}`);
    if (server) console.error(`--- last server output ---\n${server.output() || "(none)"}`);
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
