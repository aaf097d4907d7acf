/**
 * bench:play's figures as one JSON object (for scripts: `--json FILE`) and as a readable report
 * with each target and its verdict. Only measured figures go in; one not measured is null and fails its target.
 */
import os from "node:os";
import type { CycleRun } from "./cycle";
import type { CurvePoint } from "./open-loop";
import type { GetResult } from "./pages";
import { int } from "./stats";

export const TARGETS = {
  cpuMs: { floor: 1.5, play: 2, cycle: 4 },
  cpuMs1: { floor: 2.5, play: 2, cycle: 4 },
  capacity: 300,
  p99LimitMs: 100,
  playVsFloor: 0.7,
  jsGzBytes: 120 * 1000,
};

export type CpuFigures = { floor: number | null; play: number | null; cycle: number | null; static: number | null; remixFloor: number | null };

export type JsFigures = { files: { path: string; raw: number; gzip: number }[]; raw: number; gzip: number; inline: number; html: number };

export type Measured = {
  command: string;
  loadBefore: number[];
  workers: number;
  serverProcesses: number;
  scenario: string;
  trainees: number;
  settings: Record<string, number | string>;
  gets1: Record<string, GetResult>;
  cycle1: CycleRun | null;
  gets: Record<string, GetResult>;
  cycle: CycleRun | null;
  curve: CurvePoint[];
  capacity: number | null;
  js: JsFigures;
};

const round = (value: number | null | undefined, digits = 3) => (value === null || value === undefined || !Number.isFinite(value) ? null : Number(value.toFixed(digits)));

function cpuOf(gets: Record<string, GetResult>, cycle: CycleRun | null): CpuFigures {
  const of = (name: string) => round(gets[name]?.serverCpuMsPerRequest);
  return { floor: of("floor"), play: of("play"), cycle: round(cycle?.serverCpuMsPerCycle), static: of("static"), remixFloor: of("remixFloor") };
}

const ratios = (cpu: CpuFigures) => {
  const by = (value: number | null) => (value === null || !cpu.remixFloor ? null : round(value / cpu.remixFloor, 2));
  return { floor: by(cpu.floor), play: by(cpu.play), cycle: by(cpu.cycle), static: by(cpu.static) };
};

const getRecord = (result: GetResult) => ({
  requestsPerSecond: round(result.requestsPerSecond, 1),
  responses: result.responses,
  p50: round(result.latency.p50, 2),
  p99: round(result.latency.p99, 2),
  max: round(result.latency.max, 2),
  errors: result.errors,
  statuses: result.statuses,
  encoding: result.encoding,
  bytesPerResponse: Math.round(result.bytesPerResponse),
  serverCpuMs: round(result.serverCpuMsPerRequest),
  serverCpuPct: round(result.load.serverCpuPercent, 1),
  benchCpuPct: round(result.load.benchCpuPercent, 1),
});

const cycleRecord = (run: CycleRun) => ({
  connections: run.connections,
  cycles: run.cycles,
  cyclesPerSecond: round(run.cyclesPerSecond, 1),
  p50: round(run.latency.p50, 2),
  p99: round(run.latency.p99, 2),
  max: round(run.latency.max, 2),
  errors: run.errors,
  attemptsFinished: run.finished,
  starved: run.starved,
  serverCpuMs: round(run.serverCpuMsPerCycle),
  serverCpuPct: run.cpu.serverCpuMs === null ? null : round((100 * run.cpu.serverCpuMs) / (run.cpu.seconds * 1000), 1),
  serverCpuPctByProcess: run.cpu.byProcessMs.map((ms) => round((100 * ms) / (run.cpu.seconds * 1000), 0)),
  benchCpuPct: round((100 * run.cpu.benchCpuMs) / (run.cpu.seconds * 1000), 1),
  problems: run.samples,
});

export function figuresJson(measured: Measured) {
  const cpuMs = cpuOf(measured.gets, measured.cycle);
  const cpuMs1 = {
    ...cpuOf(measured.gets1, measured.cycle1),
    floorIdentity: round(measured.gets1.floorIdentity?.serverCpuMsPerRequest),
    playIdentity: round(measured.gets1.playIdentity?.serverCpuMsPerRequest),
  };
  const floor = measured.gets.floor;
  const play = measured.gets.play;
  const capacityPoint = measured.curve.find((point) => point.rate === measured.capacity) ?? null;
  const cpus = os.cpus();
  return {
    command: measured.command,
    date: new Date().toISOString(),
    machine: { cpus: cpus.length, model: cpus[0]?.model.trim() ?? "unknown", memoryGiB: round(os.totalmem() / 2 ** 30, 1), os: `${os.type()} ${os.release()} ${os.arch()}`, node: process.version },
    loadAverage: { before: measured.loadBefore.map((n) => round(n, 2)), after: os.loadavg().map((n) => round(n, 2)) },
    workers: measured.workers,
    serverProcesses: measured.serverProcesses,
    scenario: measured.scenario,
    trainees: measured.trainees,
    settings: measured.settings,
    cpuMs,
    cpuMs1,
    vsRemixFloor: { cpuMs: ratios(cpuMs), cpuMs1: ratios(cpuMs1) },
    openLoop: {
      capacity: measured.capacity,
      p99LimitMs: TARGETS.p99LimitMs,
      // The generator's own CPU at the capacity (else at the last step), % of one core: it shares the machine with the server.
      generatorCpuPct: round((capacityPoint ?? measured.curve.at(-1))?.generatorCpuPct, 1),
      curve: measured.curve.map((point) => ({
        ...point,
        offeredRate: round(point.offeredRate, 1),
        p50: round(point.p50, 2),
        p99: round(point.p99, 2),
        max: round(point.max, 2),
        lagP99: round(point.lagP99, 2),
        generatorCpuPct: round(point.generatorCpuPct, 1),
        serverCpuPct: round(point.serverCpuPct, 1),
        serverCpuMsPerCycle: round(point.serverCpuMsPerCycle),
        serverCpuPctByProcess: point.serverCpuPctByProcess.map((pct) => round(pct, 0)),
      })),
    },
    closedLoop: {
      connections: Number(measured.settings.connections),
      gets: Object.fromEntries(Object.entries(measured.gets).map(([name, result]) => [name, getRecord(result)])),
      cycle: measured.cycle && cycleRecord(measured.cycle),
    },
    oneConnection: {
      gets: Object.fromEntries(Object.entries(measured.gets1).map(([name, result]) => [name, getRecord(result)])),
      cycle: measured.cycle1 && cycleRecord(measured.cycle1),
    },
    playVsFloor: floor && play ? round(play.requestsPerSecond / floor.requestsPerSecond) : null,
    jsGzBytes: measured.js.gzip,
    js: measured.js,
  };
}
export type FiguresJson = ReturnType<typeof figuresJson>;

export type Check = { key: string; name: string; figure: string; pass: boolean };

export function checks(figures: FiguresJson, availableCores: number): Check[] {
  const list: Check[] = [];
  const cpu = (key: "cpuMs" | "cpuMs1", what: "floor" | "play" | "cycle", name: string) => {
    const value = figures[key][what];
    const limit = TARGETS[key][what];
    const ratio = figures.vsRemixFloor[key][what];
    const figure = value === null ? "not measured" : `${value.toFixed(2)} ms${ratio === null ? "" : ` (${ratio.toFixed(1)}× the Remix floor)`}`;
    list.push({ key: `${key}.${what}`, name: `${name} ≤ ${limit} ms`, figure, pass: value !== null && value <= limit });
  };
  for (const [key, connections] of [["cpuMs", `${figures.closedLoop.connections} conn.`], ["cpuMs1", "1 conn."]] as const) {
    cpu(key, "floor", `server CPU, GET /sign-in, ${connections}`);
    cpu(key, "play", `server CPU, play GET, ${connections}`);
    cpu(key, "cycle", `server CPU, choice cycle, ${connections}`);
  }
  const capacity = figures.openLoop.capacity;
  const bothCores = figures.workers >= availableCores;
  list.push({
    key: "openLoop.capacity",
    name: `open-loop capacity ≥ ${TARGETS.capacity}/s (p99 ≤ ${TARGETS.p99LimitMs} ms, 0 errors, all cores)`,
    figure: capacity === null ? "not measured" : `${capacity} cycles/s with ${figures.workers} workers${bothCores ? "" : ` (not all ${availableCores} cores)`}`,
    pass: capacity !== null && capacity >= TARGETS.capacity && bothCores,
  });
  const ratio = figures.playVsFloor;
  const gets = figures.closedLoop.gets;
  list.push({
    key: "playVsFloor",
    name: `play GET ≥ ${TARGETS.playVsFloor * 100}% of /sign-in's req/s`,
    figure: ratio === null ? "not measured" : `${(ratio * 100).toFixed(0)}% (${int(gets.play?.requestsPerSecond ?? 0)} vs ${int(gets.floor?.requestsPerSecond ?? 0)} req/s)`,
    pass: ratio !== null && ratio >= TARGETS.playVsFloor,
  });
  list.push({
    key: "jsGzBytes",
    name: `play page JavaScript ≤ ${TARGETS.jsGzBytes / 1000} kB gzipped`,
    figure: `${(figures.jsGzBytes / 1000).toFixed(1)} kB`,
    pass: figures.jsGzBytes <= TARGETS.jsGzBytes,
  });
  const closedErrors = [...Object.values(gets), ...Object.values(figures.oneConnection.gets)].reduce((sum, get) => sum + get.errors, 0);
  const cycleErrors = (figures.closedLoop.cycle?.errors ?? 0) + (figures.oneConnection.cycle?.errors ?? 0);
  list.push({ key: "errors", name: "no errors in the closed-loop runs", figure: String(closedErrors + cycleErrors), pass: closedErrors + cycleErrors === 0 });
  return list;
}
