/**
 * Open-loop load: choice cycles arrive at a fixed rate whatever the server's latency, as trainees
 * do. A closed loop (autocannon, or N connections each waiting for its last answer) slows down
 * with the server, so it can never show requests piling up: its p99 is set by its own concurrency.
 * Here arrivals are a Poisson process (exponential gaps), each cycle is timed from the moment it
 * was due rather than when it was sent (a late generator counts against the latency, not in its
 * favour), and each is played by a different trainee and attempt.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { HttpClient } from "./client";
import { cpuWindow, serverCpu } from "./cpu";
import { choiceCycle, Problems, type TraineePool } from "./cycle";
import { percentile } from "./stats";

/** Arrival times (ms from 0, ascending, all < `seconds`) of a Poisson process at `rate` per second. */
export function poissonArrivals(rate: number, seconds: number, random: () => number): number[] {
  if (!(rate > 0) || !(seconds > 0)) return [];
  const times: number[] = [];
  // Inverse transform: -ln(1 - U) / rate is an exponential gap; 1 - U is in (0, 1], so the log is finite.
  for (let t = -Math.log(1 - random()) / rate; t < seconds; t += -Math.log(1 - random()) / rate) times.push(t * 1000);
  return times;
}

export type CurvePoint = {
  /** Arrival rate asked for, cycles per second. */
  rate: number;
  /** Cycles due in the measured window, per second (the Poisson draw of this step). */
  offeredRate: number;
  cycles: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  /** Arrivals with no trainee free to play them (the generator's shortfall, not the server's). */
  skipped: number;
  /** How late the generator sent cycles, p99 (ms): large values mean it could not keep up. */
  lagP99: number;
  /** The generator's own CPU (this process), % of one core. */
  generatorCpuPct: number;
  /** The server's CPU (all its processes), % of one core. */
  serverCpuPct: number | null;
  serverCpuMsPerCycle: number | null;
  /** Each server process's CPU, % of one core, largest first: whether the workers shared the load. */
  serverCpuPctByProcess: number[];
  /** Connections the generator opened during the step. */
  connectionsOpened: number;
  held: boolean;
  samples: string[];
};

export const holds = (point: Pick<CurvePoint, "cycles" | "p99" | "errors" | "skipped">, p99LimitMs: number): boolean =>
  point.cycles > 0 && point.errors === 0 && point.skipped === 0 && point.p99 <= p99LimitMs;

/** The highest rate that held, rising from the lowest step: a step that broke ends the curve (0 when the first broke). */
export function capacityOf(curve: readonly Pick<CurvePoint, "rate" | "held">[]): number {
  let capacity = 0;
  for (const point of [...curve].sort((a, b) => a.rate - b.rate)) {
    if (!point.held) break;
    capacity = point.rate;
  }
  return capacity;
}

/**
 * One step: `warmup` seconds of arrivals that are played but not counted, then `seconds` that are.
 * Returns when every cycle it started has ended.
 */
export async function openLoopStep(options: {
  client: HttpClient;
  base: string;
  pool: TraineePool;
  rate: number;
  warmup: number;
  seconds: number;
  p99LimitMs: number;
  serverPid: number | undefined;
  random: () => number;
}): Promise<CurvePoint> {
  const { client, base, pool, rate, warmup, seconds, serverPid } = options;
  const arrivals = poissonArrivals(rate, warmup + seconds, options.random);
  const opensAtMs = warmup * 1000;
  const latencies: number[] = [];
  const lags: number[] = [];
  const problems = new Problems();
  const inFlight = new Set<Promise<void>>();
  let skipped = 0;
  let due = 0;
  let window: ReturnType<typeof cpuWindow> | null = null;
  const server = serverCpu(serverPid);
  const connections0 = client.connections();
  const start = performance.now();

  const send = (dueAt: number, counted: boolean) => {
    const trainee = pool.take();
    if (!trainee) {
      if (counted) skipped++;
      return;
    }
    if (counted) lags.push(performance.now() - dueAt);
    const cycle = choiceCycle(client, base, trainee).then((outcome) => {
      pool.give(trainee);
      if (!counted) return;
      if (outcome.ok) latencies.push(performance.now() - dueAt);
      else problems.add(outcome.problem);
    });
    inFlight.add(cycle);
    void cycle.finally(() => inFlight.delete(cycle));
  };

  for (let next = 0; next < arrivals.length; ) {
    const elapsed = performance.now() - start;
    for (; next < arrivals.length && arrivals[next]! <= elapsed; next++) {
      const counted = arrivals[next]! >= opensAtMs;
      if (counted && window === null) window = cpuWindow(server);
      if (counted) due++;
      send(start + arrivals[next]!, counted);
    }
    if (next < arrivals.length) await sleep(Math.max(0, arrivals[next]! - (performance.now() - start)));
  }
  while (inFlight.size > 0) await Promise.all([...inFlight]);
  const cpu = (window as ReturnType<typeof cpuWindow> | null)?.close() ?? null;

  const point = {
    rate,
    offeredRate: due / seconds,
    cycles: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.length === 0 ? Number.NaN : latencies.reduce((max, value) => Math.max(max, value), 0),
    errors: problems.count,
    skipped,
    lagP99: percentile(lags, 99),
    generatorCpuPct: cpu ? (100 * cpu.benchCpuMs) / (cpu.seconds * 1000) : 0,
    serverCpuPct: cpu?.serverCpuMs != null ? (100 * cpu.serverCpuMs) / (cpu.seconds * 1000) : null,
    serverCpuMsPerCycle: cpu?.serverCpuMs != null && latencies.length > 0 ? cpu.serverCpuMs / latencies.length : null,
    serverCpuPctByProcess: cpu ? cpu.byProcessMs.map((ms) => (100 * ms) / (cpu.seconds * 1000)) : [],
    connectionsOpened: client.connections() - connections0,
    samples: problems.samples,
  };
  return { ...point, held: holds(point, options.p99LimitMs) };
}
