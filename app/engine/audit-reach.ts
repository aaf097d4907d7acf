/**
 * The decisions of a scenario: each distinct (step, visible replies) a trainee
 * can meet, found by playing every on-time reply with the engine's own rules.
 */
import { applyChoice, currentNodeId, currentStep, initialContext, visibleChoices } from "./attempt";
import type { AttemptContext } from "./attempt";
import { cycleSteps } from "./explore";
import { assessChoices } from "./scoring";
import type { TurnAssessment } from "./scoring";
import { MAX_STATES } from "./types";
import type { Choice, Scenario, Step } from "./types";

export interface Decision {
  step: Step;
  /** The replies on offer, in source order. */
  visible: Choice[];
  assessment: TurnAssessment;
  /** The replies (ids) of one shortest conversation that reaches this decision. */
  path: string[];
}

export class AuditTooComplexError extends Error {
  constructor(scenario: string) {
    super(`scenario "${scenario}" has more than ${MAX_STATES} situations to audit`);
    this.name = "AuditTooComplexError";
  }
}

/**
 * A key that two contexts share exactly when every future turn looks the same:
 * only flags that some reply tests, mood only when it can trigger escalation,
 * and visit counts only of steps on a cycle (no other step can be entered twice,
 * so its count never hides a reply).
 */
export function situationKeyer(scenario: Scenario): (context: AttemptContext) => string {
  const tested = new Set(scenario.steps.flatMap((s) => s.choices.flatMap((c) => [...c.requires, ...c.unless])));
  const cycles = [...cycleSteps(scenario)];
  const moodMatters = scenario.escalation !== null;
  return (context) =>
    [
      currentNodeId(scenario, context),
      moodMatters ? context.mood : "",
      context.flags.filter((f) => tested.has(f)).join(" "),
      cycles.map((id) => context.entries[id] ?? 0).join(","),
    ].join("|");
}

export const decisionKey = (step: string, visible: readonly Choice[]) => `${step}:${visible.map((c) => c.id).join(",")}`;

/** Every decision reachable with on-time replies, by step in source order, then in order of discovery. */
export function findDecisions(scenario: Scenario): Decision[] {
  const keyOf = situationKeyer(scenario);
  const found = new Map<string, Decision>();
  const seen = new Set<string>();
  // Breadth first, so the path kept with each decision is a shortest way to reach it.
  const queue: { context: AttemptContext; path: string[] }[] = [{ context: initialContext(scenario), path: [] }];
  seen.add(keyOf(queue[0]!.context));
  for (let i = 0; i < queue.length; i++) {
    const { context, path } = queue[i]!;
    const step = currentStep(scenario, context);
    if (!step) continue;
    const visible = visibleChoices(scenario, context);
    const key = decisionKey(step.id, visible);
    if (!found.has(key)) found.set(key, { step, visible, assessment: assessChoices(visible), path });
    for (const choice of visible) {
      const next = applyChoice(scenario, context, choice.id, false);
      const nextKey = keyOf(next);
      if (seen.has(nextKey)) continue;
      if (seen.size >= MAX_STATES) throw new AuditTooComplexError(scenario.id);
      seen.add(nextKey);
      queue.push({ context: next, path: [...path, choice.id] });
    }
  }
  const order = new Map(scenario.steps.map((s, i) => [s.id, i]));
  return [...found.values()].sort((a, b) => order.get(a.step.id)! - order.get(b.step.id)!);
}
