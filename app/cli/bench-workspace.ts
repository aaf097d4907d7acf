/**
 * npm run bench:workspace
 *
 * The trainer's workspace on a throw-away database:
 * 1. the live check of a generated 40-step scenario as the editor calls it (target: answered within 100 ms);
 * 2. Publish of a changed 40-step draft: save, check, compile, new version, library reloaded (target ≤ 1 s).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { closeDb } from "#db/db.server";
import { useFreshDatabase as freshDatabase } from "#db/test-database";
import { generateScenario } from "~/engine/__fixtures__/generate";
import { createUser } from "~/models/user.server";
import { checkWorkspaceSource } from "~/workspace/check.server";
import { createScenario } from "~/workspace/create.server";
import { publishDraft, requireWorkspaceScenario } from "~/workspace/edit.server";
import { withScenarioId } from "~/workspace/source";

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] ?? NaN;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), "frontline-bench-workspace-"));
  process.env.SCENARIOS_DIR = path.join(work, "scenarios");
  process.env.SCENARIO_CACHE_DIR = path.join(work, "cache");
  process.env.NODE_ENV = "production";
  try {
    await freshDatabase();
    const trainer = await createUser({ email: "bench@example.test", displayName: "Bench", role: "trainer", teamId: null, passwordHash: "x" });
    const id = await createScenario({ id: "bench-forty", title: "Forty steps" }, trainer);
    const source = withScenarioId(generateScenario({ steps: 40, flags: 4, loops: 3, seed: 7 }), id);

    const checks: number[] = [];
    for (let run = 0; run < 60; run++) {
      // A different text each time, as typing makes it: nothing can be reused.
      const text = `${source}${" ".repeat(run)}`;
      const started = performance.now();
      const result = await checkWorkspaceSource(id, text);
      if (run >= 10) checks.push(performance.now() - started);
      if (result.problems.some((problem) => problem.severity === "error")) throw new Error(`the generated scenario has errors: ${result.problems[0]?.message}`);
    }

    const publishes: number[] = [];
    let revision = (await requireWorkspaceScenario(id)).draft.revision;
    for (let run = 0; run < 12; run++) {
      const text = source.replace(/^title: .*$/m, `title: Forty steps, take ${run}`);
      const started = performance.now();
      revision = (await publishDraft(id, text, revision, trainer)).revision;
      if (run >= 2) publishes.push(performance.now() - started);
    }

    const [one, five, fifteen] = loadavg().map((value) => value.toFixed(2));
    console.log(`load average ${one} ${five} ${fifteen}; ${new Date().toISOString()}`);
    console.log(`live check, 40 steps, in-process (${checks.length} runs): median ${ms(percentile(checks, 50))}, p95 ${ms(percentile(checks, 95))}, max ${ms(Math.max(...checks))}`);
    console.log(`publish, 40 steps, changed each time (${publishes.length} runs): median ${ms(percentile(publishes, 50))}, p95 ${ms(percentile(publishes, 95))}, max ${ms(Math.max(...publishes))}`);
  } finally {
    await closeDb();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
