/**
 * One autocannon run and what the benchmarks make of it: requests counted only after the warm-up,
 * with their statuses, latencies and bytes, and the CPU time the server (all its processes) and the
 * bench used meanwhile. Autocannon joins each body into a string, so a compressed body cannot be
 * read back here: runs that must read pages use the bench's own client (client.ts).
 */
import autocannon from "autocannon";
import type { Client } from "autocannon";
import { serverCpu } from "./cpu";
import { StatusCounts, summarise, type Summary } from "./stats";

/**
 * One autocannon run of warm-up + duration seconds on the same connections; only what happens in
 * the measured window (after the warm-up) is counted: responses, their status and latency, bytes,
 * and the CPU time the server's process tree and this process used meanwhile.
 */
export type Window = { started: number | null; inside: (time?: number) => boolean };
export type Run = {
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

export function cannon(
  base: string,
  serverPid: number | undefined,
  {
    seconds,
    warmup,
    connections,
    path: fixedPath = "/",
    headers = {},
    setupClient,
  }: { seconds: number; warmup: number; connections: number; path?: string; headers?: Record<string, string>; setupClient?: (client: Client, window: Window) => void },
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const window: Window = {
      started: null,
      inside: (time = performance.now()) => window.started !== null && time >= window.started,
    };
    const run: Run = { seconds: 0, responses: 0, bytes: 0, latencies: [], statuses: new StatusCounts(), socketErrors: 0, serverCpuMs: null, benchCpuMs: 0 };
    const server = serverCpu(serverPid);
    let serverCpu0: number | null = null;
    let benchCpu0 = process.cpuUsage();
    const opening = setTimeout(() => {
      window.started = performance.now();
      serverCpu0 = server.quick();
      benchCpu0 = process.cpuUsage();
    }, warmup * 1000);
    const instance = autocannon(
      {
        url: `${base}${fixedPath}`,
        connections,
        pipelining: 1,
        duration: warmup + seconds,
        timeout: 10,
        headers,
        setupClient: setupClient && ((client: Client) => setupClient(client, window)),
      },
      (error, result) => {
        clearTimeout(opening);
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        const ended = performance.now();
        const serverCpu1 = server.full();
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

export type Load = { serverCpuPercent: number | null; serverCpuMsPer: number | null; benchCpuPercent: number };

export function loadOf(run: Run, units: number): Load {
  return {
    serverCpuPercent: run.serverCpuMs === null ? null : (100 * run.serverCpuMs) / (run.seconds * 1000),
    serverCpuMsPer: run.serverCpuMs === null || units === 0 ? null : run.serverCpuMs / units,
    benchCpuPercent: (100 * run.benchCpuMs) / (run.seconds * 1000),
  };
}

export type GetFigures = {
  label: string;
  requestsPerSecond: number;
  responses: number;
  latency: Summary;
  statuses: string;
  errors: number;
  bytesPerResponse: number;
  load: Load;
};

export function getFigures(label: string, run: Run, unexpected: number): GetFigures {
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

export function mergeRuns(runs: readonly Run[]): Run {
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

