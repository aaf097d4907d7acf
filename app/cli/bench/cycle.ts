/**
 * The choice cycle as a browser makes it (POST a choice → 302 → GET the page it points to, asking
 * for compression), the trainees it is played by, and a closed loop of cycles for CPU figures.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { BROWSER_ENCODING, bodyText, type HttpClient } from "./client";
import { cpuWindow, serverCpu, type CpuReading } from "./cpu";
import { readPlayPage } from "./html";
import type { Requester } from "./http";
import { summarise, type Summary } from "./stats";
import { choicePath, inBatches, nextChoiceForm, resync, type Trainee } from "./trainees";

/**
 * Trainees with an attempt in progress, handed out oldest-returned first, so that cycles in flight
 * are always different trainees and attempts. One whose attempt reached its debrief waits for
 * `refill()`, which starts its next attempt between measured windows.
 */
export class TraineePool {
  private ready: Trainee[] = [];
  private done: Trainee[] = [];
  constructor(trainees: readonly Trainee[]) {
    for (const trainee of trainees) this.give(trainee);
  }
  take(): Trainee | undefined {
    return this.ready.shift();
  }
  give(trainee: Trainee): void {
    (trainee.needsNew ? this.done : this.ready).push(trainee);
  }
  get readyCount(): number {
    return this.ready.length;
  }
  async refill(http: Requester, scenario: string): Promise<number> {
    const trainees = this.done.splice(0);
    await inBatches(trainees, 8, (trainee) => resync(http, trainee, scenario));
    this.ready.push(...trainees);
    return trainees.length;
  }
}

export type CycleOutcome = { ok: true; finished: boolean } | { ok: false; problem: string };

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;

/** One cycle for the trainee; its state follows the server's answer (needsNew when the attempt ended or went wrong). */
export async function choiceCycle(client: HttpClient, base: string, trainee: Trainee): Promise<CycleOutcome> {
  const headers = { accept: "text/html", "accept-encoding": BROWSER_ENCODING, cookie: trainee.cookie };
  const failed = (problem: string): CycleOutcome => {
    trainee.needsNew = true; // the refill finds out where the attempt really is
    return { ok: false, problem: `${trainee.email}: ${problem}` };
  };
  try {
    const form = new URLSearchParams(nextChoiceForm(trainee)).toString();
    const posted = await client.request("POST", choicePath(trainee), { ...headers, origin: base, "content-type": "application/x-www-form-urlencoded" }, form);
    const location = header(posted.headers.location);
    if (posted.status !== 302 || !location) return failed(`choice POST (turn ${trainee.turn}) answered ${posted.status}`);
    const page = await client.request("GET", location, headers);
    if (page.status !== 200) return failed(`GET ${location} answered ${page.status}`);
    if (location.endsWith("/debrief")) {
      trainee.needsNew = true;
      trainee.debriefPath = location;
      return { ok: true, finished: true };
    }
    const state = readPlayPage(bodyText(page));
    if (!state) return failed(`GET ${location} answered 200 without a turn and choices`);
    trainee.turn = state.turn;
    trainee.choiceIds = state.choiceIds;
    return { ok: true, finished: false };
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
}

/** Errors of a run, and the first few of them in words. */
export class Problems {
  count = 0;
  readonly samples: string[] = [];
  add(problem: string) {
    this.count++;
    if (this.samples.length < 5) this.samples.push(problem);
  }
}

export type CycleRun = {
  connections: number;
  cycles: number;
  cyclesPerSecond: number;
  latency: Summary;
  finished: number;
  errors: number;
  samples: string[];
  /** Times a connection found no trainee with an attempt in progress (the pool ran dry). */
  starved: number;
  cpu: CpuReading;
  serverCpuMsPerCycle: number | null;
};

/**
 * `connections` loops, each sending its next cycle when the last one ended (a closed loop: it
 * measures the server's cost per cycle, not its latency under a given arrival rate). Cycles that
 * began during the warm-up are not counted; the CPU window opens when it ends.
 */
export async function closedLoopCycles(options: {
  client: HttpClient;
  base: string;
  pool: TraineePool;
  connections: number;
  warmup: number;
  seconds: number;
  serverPid: number | undefined;
}): Promise<CycleRun> {
  const { client, base, pool, connections, warmup, seconds, serverPid } = options;
  const server = serverCpu(serverPid);
  const began = performance.now();
  const opensAt = began + warmup * 1000;
  const endsAt = opensAt + seconds * 1000;
  const latencies: number[] = [];
  const problems = new Problems();
  let finished = 0;
  let starved = 0;
  let window: ReturnType<typeof cpuWindow> | null = null;
  const opener = setTimeout(() => (window = cpuWindow(server)), warmup * 1000);
  const loop = async () => {
    while (performance.now() < endsAt) {
      const trainee = pool.take();
      if (!trainee) {
        starved++;
        await sleep(5);
        continue;
      }
      const sentAt = performance.now();
      const outcome = await choiceCycle(client, base, trainee);
      pool.give(trainee);
      if (sentAt < opensAt) continue;
      if (!outcome.ok) problems.add(outcome.problem);
      else {
        latencies.push(performance.now() - sentAt);
        if (outcome.finished) finished++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  clearTimeout(opener);
  const cpu = (window as ReturnType<typeof cpuWindow> | null)?.close() ?? { seconds: 0, serverCpuMs: null, byProcessMs: [], benchCpuMs: 0 };
  return {
    connections,
    cycles: latencies.length,
    cyclesPerSecond: latencies.length / seconds,
    latency: summarise(latencies),
    finished,
    errors: problems.count,
    samples: problems.samples,
    starved,
    cpu,
    serverCpuMsPerCycle: cpu.serverCpuMs === null || latencies.length === 0 ? null : cpu.serverCpuMs / latencies.length,
  };
}
