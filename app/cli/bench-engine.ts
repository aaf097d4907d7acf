/**
 * npm run bench:engine
 *
 * 1. restore + choose + persist per turn (target ≤ 0.2 ms)
 * 2. full validation of a generated 40-step scenario, 4 flags, 3 loops (target ≤ 50 ms)
 * 3. cold compile of 100 generated scenarios (recorded)
 * 4. warm start of the same 100 with an unchanged cache (target ≤ 1 s)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { advanceAttempt, checkScenarioSource, createScenarioMachine, endingReached, explore, splitFrontMatter, startSnapshot, visibleChoices } from "~/engine";
import { mdxParser, parseBody, walkTree } from "~/engine/parse";
import type { AttemptSnapshot, Scenario } from "~/engine";
import { generateScenario } from "~/engine/__fixtures__/generate";
import { createScenarioCache } from "~/library/cache.server";
import { loadLibrary } from "~/library/library.server";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

const ms = (n: number, digits = 1) => `${n.toFixed(digits)} ms`;

function benchTurns(scenario: Scenario, attempts: number) {
  const machine = createScenarioMachine(scenario);
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const perTurn: number[] = [];
  const perTurnJson: number[] = [];
  for (let a = 0; a < attempts; a++) {
    let stored = JSON.stringify(startSnapshot(machine));
    for (;;) {
      const t0 = performance.now();
      const snapshot = JSON.parse(stored) as AttemptSnapshot;
      const t1 = performance.now();
      if (endingReached(scenario, snapshot.context)) break;
      const visible = visibleChoices(scenario, snapshot.context);
      const choice = visible[Math.floor(random() * visible.length)]!;
      const t2 = performance.now();
      const next = advanceAttempt(machine, scenario, snapshot, { choiceId: choice.id, late: random() < 0.2 });
      const t3 = performance.now();
      stored = JSON.stringify(next);
      const t4 = performance.now();
      perTurn.push(t3 - t2);
      perTurnJson.push(t1 - t0 + (t3 - t2) + (t4 - t3));
    }
  }
  return { turns: perTurn.length, mean: perTurn.reduce((a, b) => a + b, 0) / perTurn.length, p95: percentile(perTurn, 95), meanJson: perTurnJson.reduce((a, b) => a + b, 0) / perTurnJson.length };
}

async function main() {
  const results: string[] = [];
  const say = (line: string) => {
    results.push(line);
    console.log(line);
  };
  say(`node ${process.version}, ${new Date().toISOString()}`);

  // 1. Turns, on the generated 40-step scenario (large context) after a warm-up.
  const long = checkScenarioSource(generateScenario({ steps: 40, flags: 4, loops: 3 }), { path: "bench.mdx", hash: "b".repeat(64) }).scenario!;
  benchTurns(long, 50);
  const turns = benchTurns(long, 500);
  say(
    `turn (restore + choose + persist): mean ${ms(turns.mean, 3)}, p95 ${ms(turns.p95, 3)} over ${turns.turns} turns` +
      ` (with JSON parse/stringify of the snapshot: mean ${ms(turns.meanJson, 3)}) [target ≤ 0.2 ms]`,
  );

  // 2. Validation.
  const source = generateScenario({ steps: 40, flags: 4, loops: 3 });
  for (let i = 0; i < 5; i++) checkScenarioSource(source, { path: "bench.mdx", hash: "h" });
  const validation: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    const result = checkScenarioSource(source, { path: "bench.mdx", hash: "h" });
    validation.push(performance.now() - t);
    if (!result.scenario) throw new Error("the generated scenario should be valid");
  }
  say(`validation of a 40-step scenario (4 flags, 3 loops, ${(source.length / 1024).toFixed(1)} KiB): median ${ms(median(validation))}, min ${ms(Math.min(...validation))} over 30 runs [target ≤ 50 ms]`);
  const parsing: number[] = [];
  const parsingWithAcorn: number[] = [];
  const exploring: number[] = [];
  const scenario = checkScenarioSource(source, { path: "bench.mdx", hash: "h" }).scenario!;
  const body = splitFrontMatter(source).body!;
  let states = 0;
  for (let i = 0; i < 30; i++) {
    let t = performance.now();
    parseBody(body);
    parsing.push(performance.now() - t);
    t = performance.now();
    walkTree(mdxParser.parse(body));
    parsingWithAcorn.push(performance.now() - t);
    t = performance.now();
    states = explore(scenario).states;
    exploring.push(performance.now() - t);
  }
  say(`  of which: MDX allow-list parse and walk median ${ms(median(parsing))}; state-space exploration (${states} states) median ${ms(median(exploring))}`);
  say(`  (the same parse with acorn on every {…} and mdast-util-from-markdown, as for a file with other braces: median ${ms(median(parsingWithAcorn))})`);

  // 3 and 4. Cold compile and warm start of 100 generated scenarios.
  const work = mkdtempSync(path.join(tmpdir(), "frontline-bench-"));
  try {
    const dir = path.join(work, "scenarios");
    mkdirSync(dir);
    for (let i = 0; i < 100; i++) {
      const id = `bench-${String(i).padStart(3, "0")}`;
      writeFileSync(path.join(dir, `${id}.mdx`), generateScenario({ id, steps: 8 + (i % 8), flags: 2, loops: 1, seed: i + 1 }));
    }
    const cache = createScenarioCache(path.join(work, "cache"));
    let t = performance.now();
    const cold = await loadLibrary({ dir, cache });
    const coldMs = performance.now() - t;
    if (cold.scenarios.length !== 100 || cold.compiled !== 100) throw new Error(`cold start loaded ${cold.scenarios.length}, compiled ${cold.compiled}`);
    say(`cold compile of 100 generated scenarios (8-15 steps): ${ms(coldMs, 0)} (${ms(coldMs / 100)} per file)`);

    t = performance.now();
    const warm = await loadLibrary({ dir, cache });
    const warmMs = performance.now() - t;
    if (warm.compiled !== 0 || warm.scenarios.length !== 100) throw new Error(`warm start compiled ${warm.compiled}`);
    say(`warm start of the same 100 (unchanged cache, 0 compiled): ${ms(warmMs, 0)} [target ≤ 1000 ms]`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
