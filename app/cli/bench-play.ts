/**
 * npm run bench:play  (builds first, then runs this file)
 *
 * Benchmarks the production build of the play loop with autocannon, in one run:
 *   1. the floor: GET /sign-in without a cookie, the cheapest HTML page the server renders: it goes
 *      through the whole stack (Express middleware, Remix, root loader, React document render)
 *      like every page, but with no cookie its loaders make no database query and it has no
 *      per-user content ("/" only redirects; static files and the 404 page are not real pages);
 *   2. the play page GET, each connection its own trainee and its own in-progress attempt;
 *      the home page GET /train and the debrief of the trainee's latest finished attempt (every
 *      trainee first finishes HISTORY attempts, so both pages have a history to show);
 *      (1 and 2 run in halves, floor, play, home, debrief, then back, so that a change in the
 *      machine's background load weighs on all alike; each run opens with a warm-up that is not counted)
 *   3. the choice cycle (POST a visible choice → 302 → GET the page it points to), per connection,
 *      starting a new attempt when one reaches its debrief; cycle latency measured here;
 *   4. the JavaScript the play page loads (script src + modulepreload under /build/), gzipped.
 *
 * Options: --duration <s> (10) --warmup <s> (2) --connections <n> (50) --scenario <id> (parcel-third-call)
 *          --gzip (also measure floor and play GET with Accept-Encoding: gzip, for information)
 *          --cpu-prof <dir> (run the server under node --cpu-prof, writing the profile to <dir>)
 *          --only <floor,play,home,debrief,cycle> (measure only these, e.g. to profile one of them)
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
import type { Request as CannonRequest } from "autocannon";
import { closeDb, openMigratedDb } from "#db/db.server";
import { projectRoot } from "#db/paths.server";
import { createAccount, findOrCreateTeam } from "~/accounts/accounts.server";
import { seededRandom } from "~/engine/random";
import { hashPassword } from "~/auth/password.server";
import { cannon as runCannon, encoding, getFigures, loadOf, mergeRuns, type GetFigures, type Load, type Run } from "./bench/cannon";
import { inlineScriptBytes, readPlayPage, scriptAssets } from "./bench/html";
import { cookieFrom, headerValue, requester, type Requester } from "./bench/http";
import { lightPasswordHash } from "./bench/password";
import { freePort, startServer, waitUntilAnswering, type RunningServer } from "./bench/server";
import { int, kib, ms, summarise, type Summary } from "./bench/stats";

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
    only: { type: "string", default: "floor,play,home,debrief,cycle" },
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
  [...ONLY].some((name) => !["floor", "play", "home", "debrief", "cycle"].includes(name))
) {
  console.error(
    "usage: bench-play [--duration <s>] [--warmup <s>] [--connections <n>] [--scenario <id>] [--gzip] [--cpu-prof <dir>] [--only floor,play,home,debrief,cycle] [--full-hash]",
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
  /** The debrief of the trainee's latest finished attempt. */
  debriefPath: string;
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

/** Finished attempts each trainee has before the pages are measured. */
const HISTORY = 3;

/** Plays the trainee's attempt to its end with seeded random replies, and starts the next one. */
async function finishAttempt(http: Requester, trainee: Trainee): Promise<void> {
  await resync(http, trainee);
  for (let turns = 0; turns < 100; turns++) {
    const choiceId = trainee.choiceIds[Math.floor(trainee.random() * trainee.choiceIds.length)]!;
    const form = { turn: String(trainee.turn), choiceId };
    const reply = await http(`/train/attempts/${trainee.attemptId}?index`, { method: "POST", cookie: trainee.cookie, form });
    if (reply.status !== 302) throw new Error(`a choice of ${trainee.email} answered ${reply.status}`);
    if (reply.location?.endsWith("/debrief")) {
      trainee.debriefPath = reply.location;
      trainee.needsNew = true;
      return resync(http, trainee);
    }
    await resync(http, trainee);
  }
  throw new Error(`attempt ${trainee.attemptId} of ${trainee.email} did not end within 100 turns`);
}

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

// ---------------------------------------------------------------------------------------------
// Measurements

/** Every run of this bench: its warm-up and its connections. */
const cannon = (base: string, pid: number | undefined, options: Omit<Parameters<typeof runCannon>[2], "warmup" | "connections">) =>
  runCannon(base, pid, { ...options, warmup: WARMUP, connections: CONNECTIONS });

function floorRun(base: string, pid: number | undefined, seconds: number, gzip: boolean): Promise<Run> {
  return cannon(base, pid, { seconds, path: "/sign-in", headers: { accept: "text/html", ...encoding(gzip) } });
}

/** A page GET measured per trainee: its path, and what a 200 must contain to be that page. */
type PageGet = { path: (trainee: Trainee) => string; mustContain: string };

/** The trainee pages besides the floor: the play page, the home page and a finished attempt's debrief. */
const PAGES = {
  // A 200 that is not the play page (it has the reply buttons) would be a wrong answer.
  play: { path: (trainee) => `/train/attempts/${trainee.attemptId}`, mustContain: 'name="choiceId"' },
  home: { path: () => "/train", mustContain: 'class="scenario-grid"' },
  debrief: { path: (trainee) => trainee.debriefPath, mustContain: 'class="debrief__overall"' },
} satisfies Record<string, PageGet>;
type PageName = keyof typeof PAGES;
const PAGE_LABELS: Record<PageName, string> = { play: "play page GET", home: "home page GET /train", debrief: "debrief GET" };

async function pageRun(base: string, pid: number | undefined, seconds: number, trainees: readonly Trainee[], page: PageGet, gzip: boolean) {
  let unexpected = 0;
  let next = 0;
  const run = await cannon(base, pid, {
    seconds,
    setupClient: (client, window) => {
      const trainee = trainees[next++ % trainees.length]!;
      client.setRequests([
        {
          method: "GET",
          path: page.path(trainee),
          headers: { accept: "text/html", cookie: trainee.cookie, ...encoding(gzip) },
          onResponse: (status, body) => {
            if (status === 200 && !gzip && !body.includes(page.mustContain) && window.inside()) unexpected++;
          },
        },
      ]);
    },
  });
  return { run, unexpected };
}

type PageFigures = { floor?: GetFigures } & Partial<Record<PageName, GetFigures>>;

/**
 * The floor and the trainee pages, each for DURATION seconds in all, in two halves ordered
 * floor, play, home, debrief, then back: on a shared machine a drift in background load weighs on all alike.
 */
async function measurePages(
  base: string,
  pid: number | undefined,
  trainees: readonly Trainee[],
  { gzip = false, only = ONLY }: { gzip?: boolean; only?: ReadonlySet<string> } = {},
): Promise<PageFigures> {
  const half = DURATION / 2;
  const names = (Object.keys(PAGES) as PageName[]).filter((name) => only.has(name));
  const runs = new Map<"floor" | PageName, { runs: Run[]; unexpected: number }>();
  const measure = async (name: "floor" | PageName) => {
    const entry = runs.get(name) ?? { runs: [], unexpected: 0 };
    runs.set(name, entry);
    if (name === "floor") entry.runs.push(await floorRun(base, pid, half, gzip));
    else {
      const { run, unexpected } = await pageRun(base, pid, half, trainees, PAGES[name], gzip);
      entry.runs.push(run);
      entry.unexpected += unexpected;
    }
  };
  const order: ("floor" | PageName)[] = [...(only.has("floor") ? (["floor"] as const) : []), ...names];
  for (const name of order) await measure(name);
  for (const name of [...order].reverse()) await measure(name);
  const suffix = gzip ? ", gzip" : "";
  const figures: PageFigures = {};
  for (const [name, entry] of runs) {
    const label = name === "floor" ? "floor: GET /sign-in" : PAGE_LABELS[name];
    figures[name] = getFigures(`${label}${suffix}`, mergeRuns(entry.runs), entry.unexpected);
  }
  return figures;
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

type Figures = PageFigures & { cycle?: CycleFigures; js: JsFigures; extra: GetFigures[] };

function report({ floor, play, home, debrief, cycle, js, extra }: Figures, loadBefore: number[]): boolean {
  log();
  log(`== bench:play · ${CONNECTIONS} connections · scenario ${SCENARIO} ==`);
  log(
    `page GETs: ${DURATION / 2} s each, twice, in the order floor, play, home, debrief, then back; choice cycle: ${DURATION} s;` +
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
  describeGet(home);
  describeGet(debrief);
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

  const errors = [floor, play, home, debrief, cycle, ...extra].reduce((sum, figures) => sum + (figures?.errors ?? 0), 0);
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
  // Home and debrief have no absolute target: a change is judged by these ratios, compared
  // between two runs of this bench (before and after), since both sides of a ratio share one run's load.
  for (const page of [home, debrief]) {
    const cpu = page?.load.serverCpuMsPer;
    if (!page || !floorCpu || !cpu) continue;
    log(`${page.label}: server CPU ${cpu.toFixed(2)} ms per request = ${(cpu / floorCpu).toFixed(2)} × the floor's; p50 ${ms(page.latency.p50)}`);
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
        trainees[index] = { index, email, cookie, attemptId: 0, turn: 0, choiceIds: [], needsNew: true, debriefPath: "", random: seededRandom(index + 1) };
      },
    );
    step(`${trainees.length} trainees signed in (${ms(performance.now() - t0, 0)})`);
    await inBatches(trainees, 10, (trainee) => resync(http, trainee));
    for (let i = 0; i < HISTORY; i++) await inBatches(trainees, 10, (trainee) => finishAttempt(http, trainee));
    step(`${trainees.length} trainees finished ${HISTORY} attempts each; ${trainees.length} attempts of "${SCENARIO}" in progress`);

    const js = await measureJavaScript(base, http, trainees[0]!);
    step(`play page JavaScript: ${js.files.length} files, ${kib(js.gzip)} gzipped`);
    const pid = server.child.pid;
    const figures: Figures = { js, extra: [] };
    Object.assign(figures, await measurePages(base, pid, trainees));
    if (figures.floor) step(`floor: ${int(figures.floor.requestsPerSecond)} req/s`);
    for (const name of ["play", "home", "debrief"] as const) {
      const page = figures[name];
      if (page) step(`${page.label}: ${int(page.requestsPerSecond)} req/s`);
    }
    if (ONLY.has("cycle")) {
      figures.cycle = await measureCycle(base, pid, http, trainees);
      step(`choice cycle: ${figures.cycle.cyclesPerSecond.toFixed(1)} cycles/s, p99 ${ms(figures.cycle.latency.p99)}`);
    }
    if (args.gzip) {
      await sleep(2_000); // let the server finish the cycles cut short, then read where each attempt is
      await inBatches(trainees, 10, (trainee) => resync(http, trainee));
      const gzipped = await measurePages(base, pid, trainees, { gzip: true, only: new Set(["floor", "play"]) });
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
