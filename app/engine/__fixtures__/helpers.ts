/** Small helpers for engine tests: build a scenario source around a body, check it, list problems. */
import { checkScenarioSource } from "../check";
import type { CheckResult, Problem, Scenario } from "../types";

export const BASE_FRONT: Record<string, string | number> = {
  id: "tiny",
  title: "Tiny",
  summary: "A tiny test scenario.",
  persona: "patient",
  customer: "Ada",
  channel: "email",
  difficulty: 1,
};

/** A source with front matter (BASE_FRONT merged with `front`; a null value drops the key). */
export function source(body: string, front: Record<string, string | number | null> = {}): string {
  const merged = { ...BASE_FRONT, ...front };
  const lines = Object.entries(merged)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join("\n")}\n---\n${body}`;
}

/** Number of lines the default front matter takes (so the body starts on FRONT_LINES + 1). */
export const FRONT_LINES = Object.keys(BASE_FRONT).length + 2;

export function check(body: string, front: Record<string, string | number | null> = {}): CheckResult {
  return checkScenarioSource(source(body, front), { path: "test.mdx", hash: "0".repeat(64) });
}

export function valid(body: string, front: Record<string, string | number | null> = {}): Scenario {
  const result = check(body, front);
  const errors = result.problems.filter((p) => p.severity === "error");
  if (!result.scenario) throw new Error(`expected a valid scenario, got:\n${errors.map(describe).join("\n")}`);
  return result.scenario;
}

export function describe(p: Problem): string {
  return `${p.line}:${p.column} ${p.severity} ${p.rule} ${p.message}`;
}

/** `line:rule` for every error. */
export function errors(result: CheckResult): string[] {
  return result.problems.filter((p) => p.severity === "error").map((p) => `${p.line}:${p.rule}`);
}

/** `line:rule` for every warning. */
export function warnings(result: CheckResult): string[] {
  return result.problems.filter((p) => p.severity === "warning").map((p) => `${p.line}:${p.rule}`);
}

/** A valid two-step body to mutate in tests. Body line 1 is file line FRONT_LINES + 1. */
export const SIMPLE = `
<Step id="start">
  <Customer>Hello.</Customer>
  <Choice to="middle" listening={2}>Hi, how can I help?</Choice>
  <Choice to="middle" listening={-1}>What?</Choice>
</Step>

<Step id="middle">
  <Customer>My order is late.</Customer>
  <Choice to="good" empathy={2}>I'm sorry, let me check.</Choice>
  <Choice to="bad" empathy={-2}>Not my problem.</Choice>
</Step>

<Ending id="good" outcome="satisfied" resolved>
Thanks!
</Ending>

<Ending id="bad" outcome="lost">
Bye.
</Ending>
`;

/** 1-based line of the first line of `text` containing `needle`. */
export function lineOf(text: string, needle: string, occurrence = 1): number {
  let seen = 0;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.includes(needle) && ++seen === occurrence) return i + 1;
  }
  throw new Error(`"${needle}" not found`);
}

/** Check `body` and return [errors, source] so tests can find lines. */
export function checkWithSource(body: string, front: Record<string, string | number | null> = {}) {
  const text = source(body, front);
  return { result: checkScenarioSource(text, { path: "test.mdx", hash: "0".repeat(64) }), text, at: (needle: string, n = 1) => lineOf(text, needle, n) };
}
