/**
 * npm run bench:outcomes [-- --trainees 1000 --attempts 50 --tickets 100000 --requests 100 --keep]
 *
 * Server time of the customer outcomes page (real helpdesk outcomes against mastery) and its two
 * CSV exports, as a manager of one team and as an admin of all of them. The training history is
 * the dashboard bench's (`db:seed`, kept in data/bench/ and reused); a copy of it in a temporary
 * folder gets one committed import of synthetic tickets written straight into helpdesk_tickets,
 * spread over the months of practice, with satisfaction and resolution that follow each agent's
 * scores loosely. `--keep` leaves the copy in place and prints where it is.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import * as z from "zod";
import { closeDb, getDb, openMigratedDb } from "#db/db.server";
import { projectRoot } from "#db/paths.server";
import { seededRandom } from "~/engine/random";
import { requester, signInCookie } from "./bench/http";
import { BENCH_ADMIN, BENCH_MANAGER, seededBenchDatabase } from "./bench/seeded-history";
import { freePort, startServer, waitUntilAnswering } from "./bench/server";
import { ms, summarise } from "./bench/stats";

const TARGET_P95_MS = 300;
const MANAGER = BENCH_MANAGER;
const ADMIN = BENCH_ADMIN;
const DAY_MS = 24 * 60 * 60 * 1000;
const Args = z.object({
  trainees: z.coerce.number().int().min(20).default(1000),
  attempts: z.coerce.number().int().min(1).default(50),
  tickets: z.coerce.number().int().min(1).default(100_000),
  requests: z.coerce.number().int().min(20).default(100),
  keep: z.boolean().default(false),
});

function log(line = "") {
  process.stdout.write(`${line}\n`);
}


const Agent = z.object({ id: z.number().int(), skill: z.number().nullable() });
const Span = z.object({ first: z.string(), last: z.string() });

/**
 * One committed import of `count` tickets: 2 % from helpdesk agents nobody mapped, the rest spread
 * evenly over the trainees and over the practice months plus four weeks either side. A third are
 * rated (1–5); satisfaction and first-contact resolution rise with the agent's average score.
 */
async function insertTickets(count: number): Promise<void> {
  const db = await getDb();
  const agents = await db.all(Agent, "SELECT u.id, AVG(a.overall) AS skill FROM users u LEFT JOIN attempts a ON a.user_id = u.id WHERE u.role = 'trainee' GROUP BY u.id");
  const span = await db.get(Span, "SELECT MIN(ended_at) AS first, MAX(ended_at) AS last FROM attempts WHERE status = 'completed'");
  if (!span || agents.length === 0) throw new Error("the seeded database has no finished attempts");
  const start = Date.parse(span.first) - 28 * DAY_MS;
  const length = Date.parse(span.last) + 28 * DAY_MS - start;
  const random = seededRandom(7);
  const now = new Date().toISOString();
  await db.write(async (tx) => {
    // db:seed may have imported a synthetic export of its own: the bench's count is the whole count.
    await tx.run("DELETE FROM helpdesk_tickets");
    await tx.run("DELETE FROM outcome_imports");
    const { lastID: importId } = await tx.run(
      `INSERT INTO outcome_imports (source, kind, format, file_name, created_at, status, rows_read, rows_added, finished_at)
       VALUES ('bench', 'csv', 'generic', 'bench.csv', ?, 'committed', ?, ?, ?)`,
      [now, count, count, now],
    );
    const CHUNK = 5_000;
    for (let first = 0; first < count; first += CHUNK) {
      const rows: unknown[][] = [];
      for (let i = first; i < Math.min(count, first + CHUNK); i++) {
        const agent = random() < 0.02 ? null : agents[i % agents.length]!;
        const skill = ((agent?.skill ?? 50) - 50) / 50;
        const stars = random() < 0.35 ? Math.max(1, Math.min(5, Math.round(3.6 + 1.2 * skill + (random() - 0.5) * 3))) : null;
        const solved = random() < 0.9 ? (random() < 0.6 + 0.25 * skill ? 1 : 0) : null;
        rows.push([
          `T${i + 1}`,
          agent ? `agent${agent.id}@helpdesk.test` : `stranger${i % 40}@helpdesk.test`,
          agent?.id ?? null,
          new Date(start + random() * length).toISOString(),
          stars === null ? null : String(stars),
          stars === null ? null : (stars - 1) / 4,
          stars === null ? null : stars >= 4 ? 1 : 0,
          solved,
          solved === null ? null : random() < 0.05 ? 1 : 0,
        ]);
      }
      await tx.run(
        `INSERT INTO helpdesk_tickets (import_id, source, ticket_id, agent_key, user_id, ticket_at, rating_raw, scale, rating, satisfied,
                                       solved_first_contact, reopened, channel, is_current)
         SELECT ?, 'bench', value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, CASE WHEN value ->> 4 IS NULL THEN NULL ELSE '1-5' END,
                value ->> 5, value ->> 6, value ->> 7, value ->> 8, 'email', 1
           FROM json_each(?)`,
        [importId, JSON.stringify(rows)],
      );
    }
  });
}

async function main() {
  const { values } = parseArgs({
    options: { trainees: { type: "string" }, attempts: { type: "string" }, tickets: { type: "string" }, requests: { type: "string" }, keep: { type: "boolean" } },
  });
  const args = Args.parse(values);
  const history = seededBenchDatabase(args.trainees, args.attempts, log);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "frontline-bench-outcomes-"));
  const database = path.join(dir, "bench.db");
  fs.copyFileSync(history, database);
  process.env.DATABASE_PATH = database;
  await openMigratedDb();
  const inserting = performance.now();
  await insertTickets(args.tickets);
  log(`Inserted ${args.tickets.toLocaleString("en-GB")} tickets in ${ms(performance.now() - inserting, 0)} into ${database}`);
  await closeDb();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startServer({
    entry: path.join(projectRoot, "build", "server.js"),
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_PATH: database, SESSION_SECRET: randomBytes(36).toString("base64url"), LTI_KEY_SECRET: randomBytes(36).toString("base64url"), REQUEST_LOG: "off" },
  });
  try {
    await waitUntilAnswering(server, `${base}/sign-in`);
    const request = requester(base);
    const signIn = (person: { email: string; password: string }) => signInCookie(request, person);
    const [manager, admin] = [await signIn(MANAGER), await signIn(ADMIN)];
    const pages = [
      { label: "manager, customer outcomes (/team/outcomes, one team of 50)", path: "/team/outcomes", cookie: manager, target: true },
      { label: "admin, customer outcomes (/team/outcomes, all teams)", path: "/team/outcomes", cookie: admin, target: true },
      { label: "admin, outcomes CSV (/team/outcomes.csv)", path: "/team/outcomes.csv", cookie: admin, target: false },
      { label: "admin, before/after CSV (/team/outcomes/before-after.csv)", path: "/team/outcomes/before-after.csv", cookie: admin, target: false },
    ];
    const cpus = os.cpus();
    log(`machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}`);
    log(`date: ${new Date().toISOString()}; load average ${os.loadavg().map((load) => load.toFixed(2)).join(" ")}`);
    log(`${args.requests} sequential requests per page after 10 warm-up requests`);
    let failed = false;
    for (const page of pages) {
      const get = () => request(page.path, { cookie: page.cookie });
      for (let i = 0; i < 10; i++) await get();
      const times: number[] = [];
      for (let i = 0; i < args.requests; i++) {
        const started = performance.now();
        const reply = await get();
        times.push(performance.now() - started);
        if (reply.status !== 200) throw new Error(`${page.path} answered ${reply.status}`);
      }
      const summary = summarise(times);
      const within = summary.p95 <= TARGET_P95_MS;
      if (page.target) failed ||= !within;
      const verdict = page.target ? `target p95 ≤ ${TARGET_P95_MS} ms: ${within ? "PASS" : "FAIL"}` : "no target";
      log(`${page.label}: p50 ${ms(summary.p50)}, p95 ${ms(summary.p95)}, p99 ${ms(summary.p99)}, max ${ms(summary.max)} [${verdict}]`);
    }
    log(`load average after: ${os.loadavg().map((load) => load.toFixed(2)).join(" ")}`);
    process.exitCode = failed ? 1 : 0;
  } finally {
    await server.stop();
    if (args.keep) log(`Kept ${database}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench:outcomes failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
