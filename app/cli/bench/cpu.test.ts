import { describe, expect, it } from "vitest";
import { parseProcStat, serverCpu, treeCpu, treeOf } from "./cpu";

// A real line's shape: 52 fields, the command name in parentheses.
const line = (pid: number, comm: string, ppid: number, utime: number, stime: number, cutime = 0, cstime = 0) =>
  `${pid} (${comm}) S ${ppid} ${pid} ${pid} 0 -1 4194560 1234 0 0 0 ${utime} ${stime} ${cutime} ${cstime} 20 0 11 0 4242 1100000000 20000 ` +
  "18446744073709551615 1 1 0 0 0 0 0 16781312 134234626 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0";

describe("/proc/<pid>/stat", () => {
  it("reads the parent and utime + stime + cutime + cstime", () => {
    expect(parseProcStat(line(4321, "node", 1200, 150, 30, 7, 3))).toEqual({ pid: 4321, ppid: 1200, ticks: 190 });
  });

  it("counts fields after the last parenthesis, whatever the command name holds", () => {
    expect(parseProcStat(line(77, "odd) name (x", 5, 10, 2))).toEqual({ pid: 77, ppid: 5, ticks: 12 });
  });

  it("refuses a line that is not a stat line", () => {
    expect(parseProcStat("")).toBeNull();
    expect(parseProcStat("12 (node) S x")).toBeNull();
  });
});

describe("process tree", () => {
  const stats = [
    { pid: 1, ppid: 0, ticks: 1000 },
    { pid: 10, ppid: 1, ticks: 5 }, // the primary
    { pid: 11, ppid: 10, ticks: 300 }, // a worker
    { pid: 12, ppid: 10, ticks: 280 }, // another worker
    { pid: 13, ppid: 12, ticks: 1 }, // something a worker started
    { pid: 20, ppid: 1, ticks: 999 }, // not ours
  ];

  it("takes the root and all its descendants, not its siblings", () => {
    expect(
      treeOf(10, stats)
        .map((stat) => stat.pid)
        .sort(),
    ).toEqual([10, 11, 12, 13]);
    expect(treeOf(10, stats).reduce((sum, stat) => sum + stat.ticks, 0)).toBe(586);
  });

  it("is empty for a process that is not there", () => {
    expect(treeOf(99, stats)).toEqual([]);
  });
});

describe.runIf(process.platform === "linux")("treeCpu on this machine", () => {
  it("counts this process, which has used some CPU", () => {
    const reading = treeCpu(process.pid);
    expect(reading?.pids).toContain(process.pid);
    expect(reading!.ms).toBeGreaterThan(0);
  });

  it("follows a process's CPU between quick readings of the processes found at the start", () => {
    const server = serverCpu(process.pid);
    const before = server.quick()!;
    const self0 = process.cpuUsage();
    const burnt = () => process.cpuUsage(self0).user + process.cpuUsage(self0).system;
    while (burnt() < 80_000); // 80 ms of CPU (8 ticks at 100 Hz), however busy the machine
    const after = server.quick()!;
    expect(after - before).toBeGreaterThanOrEqual(40);
    expect(server.byPid().get(process.pid)).toBe(after);
    expect(server.full()!).toBeGreaterThanOrEqual(after);
    expect(serverCpu(undefined).quick()).toBeNull();
  });
});
