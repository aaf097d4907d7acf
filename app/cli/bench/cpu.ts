/**
 * The CPU time a server uses, read from /proc. `npm start` is a primary that forks a worker per
 * core, so one process's figure misses most of the work: every reading sums the whole process tree.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export type ProcStat = { pid: number; ppid: number; ticks: number };

/**
 * One line of /proc/<pid>/stat: its parent and its CPU ticks, utime + stime (fields 14, 15) and
 * cutime + cstime (16, 17). The children's share keeps a worker that died and was reaped inside the
 * window counted: its time moves to its parent's cutime, so the tree's total never goes back.
 * The command name (field 2) may hold spaces and parentheses: fields are counted from its last ")".
 */
export function parseProcStat(line: string): ProcStat | null {
  const open = line.indexOf("(");
  const close = line.lastIndexOf(")");
  if (open < 1 || close < open) return null;
  const pid = Number(line.slice(0, open).trim());
  const fields = line.slice(close + 2).trim().split(/\s+/);
  // fields[0] is field 3 (state), so field n is fields[n - 3].
  const numbers = [fields[1], fields[11], fields[12], fields[13], fields[14]].map(Number);
  if (!Number.isInteger(pid) || numbers.some((n) => !Number.isFinite(n))) return null;
  const [ppid, utime, stime, cutime, cstime] = numbers as [number, number, number, number, number];
  return { pid, ppid, ticks: utime + stime + cutime + cstime };
}

/** `root` and every process below it, given each process's parent. */
export function treeOf(root: number, stats: readonly ProcStat[]): ProcStat[] {
  const children = new Map<number, ProcStat[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  const tree: ProcStat[] = [];
  const queue = stats.filter((stat) => stat.pid === root);
  for (let next = queue.shift(); next; next = queue.shift()) {
    if (tree.some((seen) => seen.pid === next!.pid)) continue;
    tree.push(next);
    queue.push(...(children.get(next.pid) ?? []));
  }
  return tree;
}

function readStat(pid: number | string): ProcStat | null {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return null; // gone between the listing and the read
  }
}

/** Every process on the machine: a scan of /proc (children files need a kernel option, this does not). */
function allStats(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(name);
    if (stat) stats.push(stat);
  }
  return stats;
}

let clockTicks: number | undefined;

/** Clock ticks per second (getconf CLK_TCK), the unit of /proc's CPU times. */
export function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

export type TreeCpu = { ms: number; pids: number[]; byPid: Map<number, number> };

const toMs = (ticks: number) => (ticks * 1000) / ticksPerSecond();
const msOf = (stats: readonly ProcStat[]) => toMs(stats.reduce((sum, stat) => sum + stat.ticks, 0));
const byPidOf = (stats: readonly ProcStat[]) => new Map(stats.map((stat) => [stat.pid, toMs(stat.ticks)]));

/** CPU time (ms) used so far by `root` and all its descendants, and which processes those are; null off Linux. */
export function treeCpu(root: number | undefined): TreeCpu | null {
  if (root === undefined || readStat(root) === null) return null;
  const tree = treeOf(root, allStats());
  return { ms: msOf(tree), pids: tree.map((stat) => stat.pid), byPid: byPidOf(tree) };
}

export type ServerCpu = {
  quick(): number | null;
  full(): number | null;
  /** Each process's CPU time (ms) at the last reading. */
  byPid(): Map<number, number>;
};

/**
 * A server's CPU time (ms) so far. Finding its processes scans all of /proc (~20 ms on a busy
 * machine, which would stall the load generator in the middle of a run): the scan is done now,
 * before the traffic, and `quick()` reads only the processes it found. `full()` scans again (for
 * the end of a window, after the traffic): a worker started meanwhile then counts whole, and one
 * that died is in its parent's cutime, so a replaced worker is neither lost nor counted twice.
 */
export function serverCpu(root: number | undefined): ServerCpu {
  let pids = treeCpu(root)?.pids ?? [];
  let last = new Map<number, number>();
  return {
    quick() {
      if (root === undefined || readStat(root) === null) return null;
      const stats = pids.map(readStat).filter((stat): stat is ProcStat => stat !== null);
      last = byPidOf(stats);
      return msOf(stats);
    },
    full() {
      const reading = treeCpu(root);
      pids = reading?.pids ?? [];
      last = reading?.byPid ?? new Map();
      return reading?.ms ?? null;
    },
    byPid: () => last,
  };
}

/** A window of CPU use: the server tree's and this process's own, opened now and read at `close()` (after the traffic). */
export function cpuWindow(server: ServerCpu) {
  const server0 = server.quick();
  const byPid0 = server.byPid();
  const self0 = process.cpuUsage();
  const began = performance.now();
  return {
    close() {
      const server1 = server.full();
      const self = process.cpuUsage(self0);
      return {
        seconds: (performance.now() - began) / 1000,
        serverCpuMs: server0 !== null && server1 !== null ? server1 - server0 : null,
        /** Each process's share (ms), largest first: shows whether the workers shared the load. */
        byProcessMs: [...server.byPid()].map(([pid, ms]) => ms - (byPid0.get(pid) ?? 0)).sort((a, b) => b - a),
        benchCpuMs: (self.user + self.system) / 1000,
      };
    },
  };
}
export type CpuReading = ReturnType<ReturnType<typeof cpuWindow>["close"]>;
