/**
 * npm run bench:dashboard [-- --trainees 1000 --attempts 50 --requests 200]
 *
 * Server time of the managers' heaviest pages on synthetic history made by `db:seed` (real
 * scenarios played through the engine): the team overview, a trainee's page and the scenario
 * analytics (list and one scenario), and customer outcomes; as a manager of one team and as an
 * admin, who sees all of them. The seeded database is kept in data/bench/ and reused by
 * later runs with the same size (delete it to reseed). Requests are sent one at a time from this
 * machine, so each latency is the server's time plus a loopback round trip.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import * as z from "zod";
import { projectRoot } from "#db/paths.server";
import { requester, signInCookie } from "./bench/http";
import { BENCH_ADMIN, BENCH_MANAGER, seededBenchDatabase } from "./bench/seeded-history";
import { freePort, startServer, waitUntilAnswering } from "./bench/server";
import { ms, summarise, type Summary } from "./bench/stats";

const TARGET_P95_MS = 150;
const MANAGER = BENCH_MANAGER;
const ADMIN = BENCH_ADMIN;
const Args = z.object({
  trainees: z.coerce.number().int().min(20).default(1000),
  attempts: z.coerce.number().int().min(1).default(50),
  requests: z.coerce.number().int().min(20).default(200),
});

function log(line = "") {
  process.stdout.write(`${line}\n`);
}


async function timeRequests(get: () => Promise<{ status: number }>, count: number): Promise<Summary> {
  for (let i = 0; i < 10; i++) await get();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const reply = await get();
    times.push(performance.now() - start);
    if (reply.status !== 200) throw new Error(`answered ${reply.status}`);
  }
  return summarise(times);
}

async function main() {
  const { values } = parseArgs({ options: { trainees: { type: "string" }, attempts: { type: "string" }, requests: { type: "string" } } });
  const args = Args.parse(values);
  const database = seededBenchDatabase(args.trainees, args.attempts, log);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startServer({
    entry: path.join(projectRoot, "build", "server.js"),
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_PATH: database,
      SESSION_SECRET: randomBytes(36).toString("base64url"),
      LTI_KEY_SECRET: randomBytes(36).toString("base64url"),
      REQUEST_LOG: "off",
    },
  });
  try {
    await waitUntilAnswering(server, `${base}/sign-in`);
    const request = requester(base);
    const signIn = (person: { email: string; password: string }) => signInCookie(request, person);
    const manager = await signIn(MANAGER);
    const admin = await signIn(ADMIN);
    const overview = await request("/team", { cookie: manager });
    const traineePath = /href="(\/team\/trainees\/\d+)[^"]*"/.exec(overview.text)?.[1];
    if (!traineePath) throw new Error("no trainee link on the overview");

    // The target covers a manager's overview, trainee page and scenario analytics; the
    // other rows are measured for the record (an admin's views hold 20 teams, 1,000 trainees).
    const pages: { label: string; path: string; cookie: string; target: boolean }[] = [
      { label: "manager, team overview (/team, one team of 50)", path: "/team", cookie: manager, target: true },
      { label: `manager, trainee page (${traineePath})`, path: traineePath, cookie: manager, target: true },
      { label: "manager, scenario analytics (/analytics/scenarios)", path: "/analytics/scenarios", cookie: manager, target: true },
      { label: "manager, one scenario's analytics (/analytics/scenarios/parcel-third-call)", path: "/analytics/scenarios/parcel-third-call", cookie: manager, target: true },
      { label: "manager, customer outcomes (/team/outcomes)", path: "/team/outcomes", cookie: manager, target: false },
      { label: "admin, team overview (/team, all 20 teams)", path: "/team", cookie: admin, target: false },
      { label: "admin, scenario analytics (/analytics/scenarios, all teams)", path: "/analytics/scenarios", cookie: admin, target: false },
      { label: "admin, one scenario's analytics (all teams)", path: "/analytics/scenarios/parcel-third-call", cookie: admin, target: false },
      { label: "admin, customer outcomes (/team/outcomes, all teams)", path: "/team/outcomes", cookie: admin, target: false },
    ];
    const cpus = os.cpus();
    log(`machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}`);
    log(`date: ${new Date().toISOString()}; ${args.requests} sequential requests per page after 10 warm-up requests`);
    let failed = false;
    for (const page of pages) {
      const summary = await timeRequests(() => request(page.path, { cookie: page.cookie }), args.requests);
      const within = summary.p95 <= TARGET_P95_MS;
      if (page.target) failed ||= !within;
      const verdict = page.target ? `target p95 ≤ ${TARGET_P95_MS} ms: ${within ? "PASS" : "FAIL"}` : `no target; p95 ${within ? "within" : "over"} ${TARGET_P95_MS} ms`;
      log(`${page.label}: p50 ${ms(summary.p50)}, p95 ${ms(summary.p95)}, p99 ${ms(summary.p99)}, max ${ms(summary.max)} [${verdict}]`);
    }
    process.exitCode = failed ? 1 : 0;
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:dashboard failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
