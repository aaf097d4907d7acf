/**
 * npm run bench:import [-- --rows 100000]
 *
 * The helpdesk-outcomes import on a fresh database with 1,000 agents: a generated CSV in the
 * generic template is previewed (read, checked, judged: nothing stored) and committed (written
 * in 1,000-row transactions), then the same file is previewed again (nothing to do) and the
 * import undone. Also a 50 MB file's preview, the largest upload taken. Figures go to BENCHMARKS.md.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb } from "#db/db.server";
// Not a React hook, whatever its name says: it points the app at a new database file.
import { makeTempDir, useFreshDatabase as openFreshDatabase } from "#db/test-database";
import { createAccount } from "~/accounts/accounts.server";
import { createNamedTeam } from "~/accounts/teams.server";
import { MAX_UPLOAD_BYTES } from "~/domain/outcomes";
import { commitCsvImport, previewCsvImport, type CsvImportRequest } from "~/outcomes/csv-import.server";
import { undoOutcomeImport } from "~/outcomes/undo.server";
import { seededRandom } from "~/engine/random";

const argRows = process.argv.indexOf("--rows");
const ROWS = argRows > 0 ? Number(process.argv[argRows + 1]) : 100_000;
const AGENTS = 1_000;
const dir = makeTempDir("frontline-bench-import-");

function writeCsv(file: string, rows: number, padTo?: number): number {
  const random = seededRandom(7);
  const out = fs.openSync(file, "w");
  fs.writeSync(out, "ticket_id,agent_email,date_time,rating,solved_on_first_contact,reopened,channel\n");
  const start = Date.parse("2025-06-01T00:00:00Z");
  const span = 365 * 24 * 60 * 60 * 1000;
  let written = 0;
  let bytes = 0;
  let chunk = "";
  for (let i = 0; padTo ? bytes < padTo - 200 : i < rows; i++) {
    const agent = Math.floor(random() * AGENTS);
    const rated = random() < 0.45;
    const line = `HD-${i},agent${agent}@bench.test,${new Date(start + Math.floor(random() * span)).toISOString()},${rated ? 1 + Math.floor(random() * 5) : ""},${random() < 0.7 ? "yes" : "no"},${random() < 0.05 ? "yes" : "no"},${["chat", "email", "phone"][i % 3]}\n`;
    chunk += line;
    bytes += Buffer.byteLength(line);
    written++;
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = "";
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
  return written;
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await work();
  const seconds = (performance.now() - t0) / 1000;
  console.log(`${label.padEnd(44)} ${seconds.toFixed(2)} s`);
  return result;
}

async function main() {
  await openFreshDatabase();
  const team = await createNamedTeam("Bench");
  if (!team.ok) throw new Error("team");
  for (let i = 0; i < AGENTS; i++) {
    await createAccount({ email: `agent${i}@bench.test`, displayName: `Agent ${i}`, role: "trainee", teamId: team.team.id, password: "" }, "scrypt$unused");
  }
  const file = path.join(dir, "tickets.csv");
  writeCsv(file, ROWS);
  const size = fs.statSync(file).size;
  console.log(`${os.cpus().length} cores, load ${os.loadavg().map((n) => n.toFixed(2)).join(" ")}; ${ROWS.toLocaleString("en")} rows, ${(size / 1e6).toFixed(1)} MB`);
  const request: CsvImportRequest = { file, fileName: "tickets.csv", format: "auto", scale: "detect", source: "bench", scope: null, userId: null };

  const preview = await timed("preview (read, check, judge; nothing stored)", () => previewCsvImport(request));
  if (!preview.ok) throw new Error(preview.error);
  const commit = await timed("commit (read, judge again, write)", async () => {
    const started = await commitCsvImport(request);
    if (!started.ok) throw new Error("nothing to commit");
    return started.written;
  });
  console.log(`  written: ${commit.counts.rowsAdded.toLocaleString("en")} rows`);
  const again = await timed("same file again (preview: nothing to do)", () => previewCsvImport(request));
  if (!again.ok || !again.nothingToDo) throw new Error("a second import would change something");
  await timed("undo the import", () => undoOutcomeImport(commit.importId, null));

  const big = path.join(dir, "big.csv");
  const bigRows = writeCsv(big, 0, MAX_UPLOAD_BYTES);
  console.log(`50 MB file: ${bigRows.toLocaleString("en")} rows, ${(fs.statSync(big).size / 1e6).toFixed(1)} MB`);
  await timed("preview of the 50 MB file", () => previewCsvImport({ ...request, file: big, source: "bench-big" }));
  console.log(`peak RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  await closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
}

await main();
