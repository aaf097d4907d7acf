import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "#db/paths.server";

/** The seeded organisation's sign-ins the benches use: a manager of one team, and an admin they add. */
export const BENCH_MANAGER = { email: "manager01@synthetic.frontline.test", password: "frontline-synthetic" };
export const BENCH_ADMIN = { email: "admin@synthetic.frontline.test", password: "frontline-synthetic-admin" };

function run(command: string, args: string[], env: NodeJS.ProcessEnv, input?: string) {
  const result = spawnSync(command, args, { stdio: [input === undefined ? "inherit" : "pipe", "inherit", "inherit"], input, env, cwd: projectRoot });
  if (result.status !== 0) throw new Error(`${path.basename(args[0] ?? command)} failed`);
}

/**
 * The benches' synthetic history (`db:seed` plus an admin), kept in data/bench/ and reused by later
 * runs of the same size: seeding takes minutes. No helpdesk tickets: each bench adds what it needs.
 */
export function seededBenchDatabase(trainees: number, attempts: number, log: (line: string) => void): string {
  const file = path.join(projectRoot, "data", "bench", `dashboard-${trainees}x${attempts}.db`);
  if (fs.existsSync(file)) {
    log(`Reusing ${path.relative(projectRoot, file)} (delete it to seed again).`);
    return file;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${partial}${suffix}`, { force: true });
  log(`Seeding ${trainees} trainees × ${attempts} attempts into ${path.relative(projectRoot, file)}…`);
  const tsx = path.join(projectRoot, "node_modules", ".bin", "tsx");
  const env = { ...process.env, DATABASE_PATH: partial };
  run(tsx, [path.join(projectRoot, "app", "cli", "seed.ts"), "--trainees", String(trainees), "--attempts", String(attempts), "--tickets-per-week", "0"], env);
  // An admin sees every team at once: the heaviest view of the same pages.
  run(tsx, [path.join(projectRoot, "app", "cli", "users.ts"), "add", "--email", BENCH_ADMIN.email, "--name", "Bench Admin", "--role", "admin"], env, `${BENCH_ADMIN.password}\n`);
  // Fold the WAL into the file before renaming it into place.
  run("node", ["-e", `const s=require("sqlite3");const d=new s.Database(${JSON.stringify(partial)});d.exec("PRAGMA wal_checkpoint(TRUNCATE)",()=>d.close())`], env);
  fs.renameSync(partial, file);
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${partial}${suffix}`, { force: true });
  return file;
}
