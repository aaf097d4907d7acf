/**
 * Playing a scenario by positions (as `scenarios play` does), enumerating
 * every complete path, and drawing the graph as a Mermaid flowchart.
 */
import { applyChoice, currentNodeId, endingReached, initialContext, visibleChoices } from "./attempt";
import type { AttemptContext } from "./attempt";
import { advanceAttempt, createScenarioMachine, startSnapshot } from "./machine";
import { scoreAttempt } from "./scoring";
import type { AttemptResult } from "./scoring";
import type { Scenario } from "./types";

export type PlayOutcome =
  | { ok: true; result: AttemptResult; context: AttemptContext }
  | { ok: false; message: string };

/**
 * Play `scenario` on the real machine, taking the n-th visible choice (1-based)
 * at each turn; turns listed in `late` (1-based) are replied late.
 */
export function playByPositions(scenario: Scenario, positions: readonly number[], late: readonly number[] = []): PlayOutcome {
  const badLate = late.find((turn) => !Number.isInteger(turn) || turn < 1 || turn > positions.length);
  if (badLate !== undefined) {
    return { ok: false, message: `--late ${badLate} names no turn: there are ${positions.length} turns (1..${positions.length})` };
  }
  const machine = createScenarioMachine(scenario);
  let snapshot = startSnapshot(machine);
  for (const [i, position] of positions.entries()) {
    const context = snapshot.context;
    const ending = endingReached(scenario, context);
    if (ending) {
      const left = positions.length - i;
      return { ok: false, message: `the conversation ended at "${ending.id}" after ${i} turns; ${left} number${left === 1 ? "" : "s"} left over` };
    }
    const visible = visibleChoices(scenario, context);
    const chosen = visible[position - 1];
    if (!Number.isInteger(position) || !chosen) {
      return {
        ok: false,
        message: `turn ${i + 1}: step "${currentNodeId(scenario, context)}" shows ${visible.length} choice${visible.length === 1 ? "" : "s"}, so choose 1..${visible.length}, not ${position}`,
      };
    }
    snapshot = advanceAttempt(machine, scenario, snapshot, { choiceId: chosen.id, late: late.includes(i + 1) });
  }
  const context = snapshot.context;
  if (!endingReached(scenario, context)) {
    const visible = visibleChoices(scenario, context);
    return {
      ok: false,
      message: `the path stops at step "${currentNodeId(scenario, context)}" after ${positions.length} turns: give a number for turn ${positions.length + 1} (1..${visible.length})`,
    };
  }
  return { ok: true, result: scoreAttempt(scenario, context), context };
}

export interface PathEntry {
  /** Visible-choice positions, comma-separated, as `play --choices` takes them. */
  choices: string;
  result: AttemptResult;
}

export class TooManyPathsError extends Error {
  constructor(limit: number) {
    super(`the scenario has more than ${limit} complete paths`);
    this.name = "TooManyPathsError";
  }
}

/**
 * Every complete choice sequence (all replies on time), depth first in choice order. Past `limit`
 * paths it throws TooManyPathsError, or, with `{ truncate: true }`, returns the first `limit`.
 */
export function enumeratePaths(scenario: Scenario, limit = 100_000, { truncate = false }: { truncate?: boolean } = {}): PathEntry[] {
  const out: PathEntry[] = [];
  const walk = (context: AttemptContext, positions: number[]): boolean => {
    if (endingReached(scenario, context)) {
      if (out.length >= limit) {
        if (truncate) return false;
        throw new TooManyPathsError(limit);
      }
      out.push({ choices: positions.join(","), result: scoreAttempt(scenario, context) });
      return true;
    }
    return visibleChoices(scenario, context).every((choice, i) => walk(applyChoice(scenario, context, choice.id, false), [...positions, i + 1]));
  };
  walk(initialContext(scenario), []);
  return out;
}

const SKILL_ABBREVIATIONS = { listening: "L", empathy: "E", calm: "C", persuasion: "P", expectations: "X" } as const;

function label(text: string): string {
  return `"${text.replace(/"/g, "#quot;").replace(/[<>]/g, (c) => (c === "<" ? "#lt;" : "#gt;"))}"`;
}

function snippet(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A Mermaid flowchart of the steps, choices and endings. */
export function scenarioToMermaid(scenario: Scenario): string {
  const ids = new Map<string, string>();
  scenario.steps.forEach((s, i) => ids.set(s.id, `s${i}`));
  scenario.endings.forEach((e, i) => ids.set(e.id, `e${i}`));
  const lines = ["flowchart TD", `  start((start)) --> ${ids.get(scenario.start)}`];
  for (const step of scenario.steps) {
    const said = step.customer[0]?.text ?? "";
    lines.push(`  ${ids.get(step.id)}[${label(`${step.id}: ${snippet(said)}`)}]`);
  }
  for (const ending of scenario.endings) {
    lines.push(`  ${ids.get(ending.id)}([${label(`${ending.id}: ${ending.outcome}${ending.resolved ? ", resolved" : ""}`)}])`);
  }
  for (const step of scenario.steps) {
    step.choices.forEach((choice, i) => {
      const parts = [`${i + 1}`];
      const deltas = Object.entries(choice.deltas)
        .filter(([, d]) => d !== 0)
        .map(([skill, d]) => `${SKILL_ABBREVIATIONS[skill as keyof typeof SKILL_ABBREVIATIONS]}${d > 0 ? "+" : ""}${d}`);
      if (deltas.length) parts.push(deltas.join(" "));
      if (choice.mood) parts.push(`mood ${choice.mood > 0 ? "+" : ""}${choice.mood}`);
      if (choice.requires.length) parts.push(`requires ${choice.requires.join(" ")}`);
      if (choice.unless.length) parts.push(`unless ${choice.unless.join(" ")}`);
      if (choice.set.length) parts.push(`sets ${choice.set.join(" ")}`);
      lines.push(`  ${ids.get(step.id)} -->|${label(parts.join(" · "))}| ${ids.get(choice.to)}`);
    });
  }
  if (scenario.escalation !== null) {
    const target = ids.get(scenario.escalation);
    for (const step of scenario.steps) {
      if (step.choices.some((c) => c.mood < 0) || step.patience !== null) {
        lines.push(`  ${ids.get(step.id)} -.->|${label("mood -5")}| ${target}`);
      }
    }
  }
  lines.push("  classDef ending fill:#eef,stroke:#557;");
  lines.push(`  class ${scenario.endings.map((e) => ids.get(e.id)).join(",")} ending;`);
  return lines.join("\n") + "\n";
}
