/** bench:play's readable report, printed from the same JSON object that `--json` writes. */
import type { Check, FiguresJson } from "./play-report";
import { kib, ms } from "./stats";

const log = (line = "") => console.log(line);
const n = (value: number | null | undefined, digits = 2) => (value === null || value === undefined ? "n/a" : value.toFixed(digits));

type GetRecord = FiguresJson["closedLoop"]["gets"][string];
type CycleRecord = NonNullable<FiguresJson["closedLoop"]["cycle"]>;

const LABELS: Record<string, string> = {
  floor: "GET /sign-in (no cookie, the app's cheapest page)",
  static: "GET /favicon.svg (static file: the middleware's share)",
  play: "play page GET",
  home: "home page GET /train",
  debrief: "debrief GET",
  remixFloor: "Remix floor (one row, bare Express, 1 process)",
  floorIdentity: "GET /sign-in without Accept-Encoding",
  playIdentity: "play page GET without Accept-Encoding",
};

function describeGet(name: string, get: GetRecord, remixFloorCpu: number | null) {
  const ratio = get.serverCpuMs !== null && remixFloorCpu ? ` = ${(get.serverCpuMs / remixFloorCpu).toFixed(1)}× floor` : "";
  log(`  ${(LABELS[name] ?? name).padEnd(56)} ${n(get.serverCpuMs).padStart(6)} ms CPU${ratio.padEnd(14)}  ${String(Math.round(get.requestsPerSecond ?? 0)).padStart(5)} req/s`);
  log(
    `  ${"".padEnd(56)} p50 ${n(get.p50, 1)} ms, p99 ${n(get.p99, 1)} ms; ${kib(get.bytesPerResponse)} ${get.encoding}; server ${n(get.serverCpuPct, 0)}%, bench ${n(get.benchCpuPct, 0)}%` +
      (get.errors > 0 ? `; ERRORS ${get.errors} (${get.statuses})` : ""),
  );
}

function describeCycle(cycle: CycleRecord, remixFloorCpu: number | null) {
  const ratio = cycle.serverCpuMs !== null && remixFloorCpu ? ` = ${(cycle.serverCpuMs / remixFloorCpu).toFixed(1)}× floor` : "";
  log(`  ${"choice cycle (POST → 302 → GET)".padEnd(56)} ${n(cycle.serverCpuMs).padStart(6)} ms CPU${ratio.padEnd(14)}  ${n(cycle.cyclesPerSecond, 0).padStart(5)} cycles/s`);
  log(
    `  ${"".padEnd(56)} p50 ${n(cycle.p50, 1)} ms, p99 ${n(cycle.p99, 1)} ms over ${cycle.cycles} cycles (${cycle.attemptsFinished} reached the debrief);` +
      ` server ${n(cycle.serverCpuPct, 0)}% (${cycle.serverCpuPctByProcess.join("/")} by process), bench ${n(cycle.benchCpuPct, 0)}%${cycle.errors > 0 ? `; ERRORS ${cycle.errors}` : ""}`,
  );
  for (const problem of cycle.problems) log(`    problem: ${problem}`);
}

export function printReport(figures: FiguresJson, targets: readonly Check[]): void {
  const { machine, loadAverage, settings } = figures;
  log();
  log(`== bench:play · scenario ${figures.scenario} · ${figures.workers} workers (${figures.serverProcesses} server processes) · ${figures.trainees} trainees ==`);
  log(`command: ${figures.command}`);
  log(`machine: ${machine.cpus} × ${machine.model}, ${machine.memoryGiB} GiB, ${machine.os}, node ${machine.node}; ${figures.date}`);
  log(`load average (1/5/15 min): ${loadAverage.before.join(" / ")} before, ${loadAverage.after.join(" / ")} after`);
  log(`every measured request sends Accept-Encoding: gzip, deflate, br; CPU = utime + stime of the server's whole process tree, per request, after a warm-up`);
  log();
  log(`At 1 connection (${settings.cpuDuration} s each, in two halves, after ${settings.cpuWarmup} s warm-ups):`);
  const gets1 = figures.oneConnection.gets;
  for (const [name, get] of Object.entries(gets1)) describeGet(name, get, figures.cpuMs1.remixFloor);
  if (figures.oneConnection.cycle) describeCycle(figures.oneConnection.cycle, figures.cpuMs1.remixFloor);
  log();
  log(`At ${figures.closedLoop.connections} connections, closed loop (autocannon for GETs, ${settings.duration} s each in two halves; cycles with the bench's client):`);
  for (const [name, get] of Object.entries(figures.closedLoop.gets)) describeGet(name, get, figures.cpuMs.remixFloor);
  if (figures.closedLoop.cycle) describeCycle(figures.closedLoop.cycle, figures.cpuMs.remixFloor);
  log();
  const open = figures.openLoop;
  log(`Open loop: Poisson arrivals of choice cycles, each a different trainee and attempt; ${settings.stepWarmup} s warm-up + ${settings.stepDuration} s per step:`);
  log(`  ${"rate/s".padStart(7)} ${"offered".padStart(8)} ${"p50".padStart(8)} ${"p99".padStart(8)} ${"max".padStart(8)} errors skipped ${"lag p99".padStart(8)} server CPU  ms/cycle  generator CPU  new conns  CPU by process`);
  for (const point of open.curve) {
    log(
      `  ${String(point.rate).padStart(7)} ${n(point.offeredRate, 0).padStart(8)} ${ms(point.p50 ?? Number.NaN).padStart(8)} ${ms(point.p99 ?? Number.NaN).padStart(8)} ${ms(point.max ?? Number.NaN).padStart(8)}` +
        ` ${String(point.errors).padStart(6)} ${String(point.skipped).padStart(7)} ${ms(point.lagP99 ?? Number.NaN).padStart(8)} ${`${n(point.serverCpuPct, 0)}%`.padStart(10)}` +
        ` ${n(point.serverCpuMsPerCycle).padStart(9)} ${`${n(point.generatorCpuPct, 0)}%`.padStart(14)} ${String(point.connectionsOpened).padStart(10)}  ${point.serverCpuPctByProcess.join("/").padEnd(13)}  ${point.held ? "held" : "BROKE"}`,
    );
    for (const problem of point.samples) log(`    problem: ${problem}`);
    if (point.skipped > 0) log(`    (${point.skipped} arrivals found no trainee free: the generator ran short; raise --trainees)`);
  }
  log(`  capacity: ${open.capacity ?? "not measured"} cycles/s; the generator's own CPU there: ${n(open.generatorCpuPct, 0)}% of a core (CPU % are of one core; ${machine.cpus} in all)`);
  log();
  log(`play page JavaScript: ${figures.js.files.length} files, ${kib(figures.js.gzip)} gzipped (level 9), ${kib(figures.js.raw)} raw (not counted: ${kib(figures.js.html)} of HTML with ${kib(figures.js.inline)} inline script)`);
  log();
  for (const check of targets) log(`${check.pass ? "✅" : "❌"} ${check.name.padEnd(62)} ${check.figure}`);
}
