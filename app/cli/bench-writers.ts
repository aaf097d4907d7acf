/**
 * npm run bench:writers -- [--seconds 6] [--rate 400] [--processes 1,2,4]
 *
 * Why two server processes made the choice cycle slower than one: the write lock. Each process has
 * one writer connection and queues its own transactions; across processes, SQLite's lock decides.
 * This starts P processes on one database (WAL, synchronous=FULL, as the server runs), each
 * sending short write transactions (an insert and an update, about what a choice writes) at
 * RATE / P per second with Poisson arrivals, whatever the latency, and reports each
 * transaction's time from its arrival to its commit: p50, p99, max, and errors. It runs every
 * process count with both ways of waiting for the lock (see BusyWait in db/connection.server.ts).
 */
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { openDatabase, type BusyWait } from "#db/connection.server";
import { poissonArrivals } from "./bench/open-loop";
import { percentile } from "./bench/stats";

type ChildReport = { latencies: number[]; errors: string[] };

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "6" },
    rate: { type: "string", default: "400" },
    processes: { type: "string", default: "1,2,4" },
    child: { type: "string" },
    file: { type: "string" },
    busy: { type: "string" },
  },
});

async function child(file: string, rate: number, seconds: number, busyWait: BusyWait): Promise<void> {
  const db = await openDatabase(file, { busyWait });
  const latencies: number[] = [];
  const errors: string[] = [];
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (const offset of poissonArrivals(rate, seconds, Math.random)) {
    const at = start + offset;
    const wait = at - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const arrival = at;
    pending.push(
      db
        .write(async (tx) => {
          await tx.run("INSERT INTO turns (attempt, at) VALUES (?, ?)", [Math.floor(Math.random() * 1000), Date.now()]);
          await tx.run("UPDATE counters SET n = n + 1 WHERE id = 1");
        })
        .then(
          () => void latencies.push(performance.now() - arrival),
          (error: unknown) => void errors.push(String((error as Error).message ?? error)),
        ),
    );
  }
  await Promise.all(pending);
  await db.close();
  process.send?.({ latencies, errors } satisfies ChildReport);
}

async function run(file: string, processes: number, rate: number, seconds: number, busy: BusyWait) {
  const self = fileURLToPath(import.meta.url);
  const reports = await Promise.all(
    Array.from({ length: processes }, () => {
      const worker = fork(self, ["--child", "1", "--file", file, "--rate", String(rate / processes), "--seconds", String(seconds), "--busy", busy], {
        execArgv: ["--import", "tsx"],
      });
      return new Promise<ChildReport>((resolve, reject) => {
        worker.once("message", (message) => resolve(message as ChildReport));
        worker.once("exit", (code) => code !== 0 && reject(new Error(`a writer process exited with ${code}`)));
      });
    }),
  );
  const all = reports.flatMap((report) => report.latencies).sort((a, b) => a - b);
  const errors = reports.flatMap((report) => report.errors);
  return { count: all.length, p50: percentile(all, 50), p99: percentile(all, 99), max: all.at(-1) ?? NaN, errors };
}

async function main() {
  const seconds = Number(args.seconds);
  const rate = Number(args.rate);
  if (args.child) return child(args.file!, rate, seconds, args.busy as BusyWait);
  const dir = mkdtempSync(path.join(os.tmpdir(), "frontline-writers-"));
  try {
    console.log(`bench:writers: ${rate} write transactions/s in all, ${seconds} s per run, ${os.cpus().length} cores, load ${os.loadavg().map((n) => n.toFixed(2)).join(" ")}`);
    console.log("processes  wait     transactions  p50 ms  p99 ms  max ms  errors");
    for (const processes of args.processes.split(",").map(Number)) {
      for (const busy of ["sqlite", "retry"] as const) {
        const file = path.join(dir, `w-${processes}-${busy}.db`);
        const setup = await openDatabase(file);
        await setup.write((tx) => tx.exec("CREATE TABLE turns (id INTEGER PRIMARY KEY, attempt INTEGER, at INTEGER); CREATE TABLE counters (id INTEGER PRIMARY KEY, n INTEGER); INSERT INTO counters VALUES (1, 0);"));
        await setup.close();
        const r = await run(file, processes, rate, seconds, busy);
        const f = (n: number) => n.toFixed(1).padStart(6);
        console.log(`${String(processes).padStart(9)}  ${busy.padEnd(7)}  ${String(r.count).padStart(12)}  ${f(r.p50)}  ${f(r.p99)}  ${f(r.max)}  ${r.errors.length}${r.errors[0] ? ` (${r.errors[0]})` : ""}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
