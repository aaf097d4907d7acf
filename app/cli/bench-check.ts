/**
 * npm run bench:check
 *
 * The scenario check as the workspace runs it on every pause in typing:
 * 1. checkScenarioSource in-process on a generated 40-step scenario (choices, flags, loops, endings): median and p95;
 * 2. the same through checkOffThread: the worker's cold start, then warm median and p95;
 * 3. how fast the hostile files that used to stall the server are refused (in-process, and off-thread).
 * The machine's load average is printed with the figures: this machine is shared.
 */
import { cpus, loadavg } from "node:os";
import { checkScenarioSource } from "~/engine/check";
import type { CheckResult } from "~/engine/types";
import { generateScenario } from "~/engine/__fixtures__/generate";
import { checkOffThread, checkPoolStatus, closeCheckPool } from "~/library/check-pool.server";
import { ms, summarise } from "./bench/stats";

const RUNS = 50;
const info = { path: "bench.mdx", hash: "0".repeat(64) };
const front = "---\nid: hostile\ntitle: Hostile\nsummary: A hostile file.\npersona: angry\ncustomer: Sam\nchannel: phone\ndifficulty: 1\n---\n";
const customer = (said: string) => `${front}<Step id="a">\n  <Customer>${said}</Customer>\n  <Choice to="end">Ok.</Choice>\n</Step>\n`;

function deepList(bytes: number): string {
  const lines: string[] = [];
  for (let length = 0, i = 0; length < bytes; i++) length += lines[lines.push(" ".repeat(i) + "- item") - 1]!.length + 1;
  return front + lines.join("\n");
}

/** The files measured before the bounds (the time each took then), and a few that pass the old ones. */
const HOSTILE: [string, string][] = [
  ["32 KB: 16,000 nested { } in a <Customer> (was 52 s)", customer("{".repeat(16_000) + "}".repeat(16_000))],
  ["8,000 nested { } (was 4.5 s)", customer("{".repeat(8_000) + "}".repeat(8_000))],
  ["9 MB deeply indented list (was over 60 s)", deepList(9 * 1024 * 1024)],
  ["5,000 nested <Customer> (was a RangeError)", customer("<Customer>".repeat(5_000) + "x" + "</Customer>".repeat(5_000))],
  ['100,000 } inside one {"…"} (acorn re-parsed it at each })', customer('{"' + "}".repeat(100_000) + '"}')],
  ["30,000 unmatched * in one paragraph", customer("a* ".repeat(30_000))],
  ["an open template literal in an export, 20,000 blank lines", `${front}\nexport const a = \`\n${"x\n\n".repeat(20_000)}`],
];

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}

async function timeAsync<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
}

const errorRules = (result: CheckResult) => result.problems.filter((p) => p.severity === "error").map((p) => p.rule).join(", ") || "valid";

async function main() {
  const [one, five, fifteen] = loadavg();
  console.log(`Machine: ${cpus().length} cores, load average ${one!.toFixed(2)} / ${five!.toFixed(2)} / ${fifteen!.toFixed(2)} (1 / 5 / 15 min), Node ${process.version}`);

  const source = generateScenario({ steps: 40, flags: 4, loops: 3, seed: 1 });
  const expected = checkScenarioSource(source, info);
  if (!expected.scenario) throw new Error(`the generated scenario is not valid: ${errorRules(expected)}`);
  console.log(`Scenario: generated, 40 steps, 4 flags, 3 loops, ${(source.length / 1024).toFixed(1)} KB, ${RUNS} runs each`);

  for (let i = 0; i < 5; i++) checkScenarioSource(source, info);
  const inProcess: number[] = [];
  for (let i = 0; i < RUNS; i++) inProcess.push(time(() => checkScenarioSource(source, info))[1]);
  const a = summarise(inProcess);
  console.log(`1. checkScenarioSource in-process: median ${ms(a.p50)}, p95 ${ms(a.p95)}, max ${ms(a.max)}`);

  const [first, cold] = await timeAsync(() => checkOffThread(source, info));
  if (JSON.stringify(first) !== JSON.stringify(expected)) throw new Error("checkOffThread gave a different result");
  for (let i = 0; i < 4; i++) await checkOffThread(source, info);
  const offThread: number[] = [];
  for (let i = 0; i < RUNS; i++) offThread.push((await timeAsync(() => checkOffThread(source, info)))[1]);
  const b = summarise(offThread);
  const status = checkPoolStatus();
  console.log(`2. checkOffThread (${status.mode} worker): first call ${ms(cold, 0)} (worker start), warm median ${ms(b.p50)}, p95 ${ms(b.p95)}, max ${ms(b.max)}`);
  console.log(`   overhead of the thread hop at the median: ${ms(b.p50 - a.p50)}`);

  console.log("3. hostile files (in-process refusal / off-thread round trip, rule):");
  for (const [name, text] of HOSTILE) {
    const [result, taken] = time(() => checkScenarioSource(text, info));
    const [, round] = await timeAsync(() => checkOffThread(text, info));
    console.log(`   ${name}: ${ms(taken)} / ${ms(round)}, ${errorRules(result)}`);
  }
  await closeCheckPool();
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  await closeCheckPool();
  process.exit(1);
});
