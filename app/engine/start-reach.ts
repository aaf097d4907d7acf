/**
 * Walks from any context rather than the scenario's start (start-at.ts): every complete path, and
 * the nearest state where the conversation would get stuck. A scenario that passes the check never
 * gets stuck from its own start, but a start point's flags and visits can make a state no real
 * conversation reaches, where every reply of a step is hidden.
 */
import { applyChoice, currentNodeId, endingReached, indexScenario, visibleChoices } from "./attempt";
import type { AttemptContext } from "./attempt";
import { TooManyPathsError } from "./play";
import type { PathEntry } from "./play";
import { scoreAttempt } from "./scoring";
import { MAX_STATES } from "./types";
import type { Scenario } from "./types";

export interface DeadEnd {
  /** The step that would show no reply. */
  step: string;
  /** Steps passed through from the start point to it, in order (empty when it is the start step). */
  route: string[];
  /** What hides the replies: flags (requires/unless), or visits (every target step already entered twice). */
  hiddenBy: "flags" | "visits";
}

function stateKey(context: AttemptContext, node: string): string {
  const entries = Object.keys(context.entries)
    .sort()
    .map((step) => `${step}=${context.entries[step]}`);
  return `${node}|${context.mood}|${context.flags.join(",")}|${entries.join(",")}`;
}

/**
 * The nearest stuck state (breadth first) reachable from `context` with replies on time, or null
 * when there is none or when more than MAX_STATES states would have to be looked at. Replying late
 * only lowers the mood, which can bring the escalation ending sooner but never shows a reply that
 * on time would hide, so on-time replies reach every stuck state there is.
 */
export function findDeadEnd(scenario: Scenario, context: AttemptContext): DeadEnd | null {
  const start = currentNodeId(scenario, context);
  const seen = new Map<string, { context: AttemptContext; from: string | null }>([[stateKey(context, start), { context, from: null }]]);
  const queue = [stateKey(context, start)];
  for (let head = 0; head < queue.length; head++) {
    const key = queue[head]!;
    const here = seen.get(key)!.context;
    if (endingReached(scenario, here)) continue;
    const visible = visibleChoices(scenario, here);
    if (visible.length === 0) return deadEnd(scenario, here, key, seen);
    for (const choice of visible) {
      const next = applyChoice(scenario, here, choice.id, false);
      const nextKey = stateKey(next, currentNodeId(scenario, next));
      if (seen.has(nextKey)) continue;
      if (seen.size >= MAX_STATES) return null;
      seen.set(nextKey, { context: next, from: key });
      queue.push(nextKey);
    }
  }
  return null;
}

function deadEnd(scenario: Scenario, context: AttemptContext, key: string, seen: Map<string, { context: AttemptContext; from: string | null }>): DeadEnd {
  const step = indexScenario(scenario).steps.get(currentNodeId(scenario, context))!;
  const route: string[] = [];
  for (let from = seen.get(key)!.from; from !== null; from = seen.get(from)!.from) {
    route.unshift(currentNodeId(scenario, seen.get(from)!.context));
  }
  const flagsAllow = step.choices.some((c) => c.requires.every((f) => context.flags.includes(f)) && !c.unless.some((f) => context.flags.includes(f)));
  return { step: step.id, route, hiddenBy: flagsAllow ? "visits" : "flags" };
}

/**
 * Every complete path from `context` (all replies on time), depth first in choice order, as
 * enumeratePaths walks from the scenario's start. Throws when it meets a step with no reply to
 * show, which checkStartPoint rules out before a start point is used.
 */
export function walkPaths(scenario: Scenario, context: AttemptContext, limit: number, { truncate = false }: { truncate?: boolean } = {}): PathEntry[] {
  const out: PathEntry[] = [];
  const walk = (here: AttemptContext, positions: number[]): boolean => {
    if (endingReached(scenario, here)) {
      if (out.length >= limit) {
        if (truncate) return false;
        throw new TooManyPathsError(limit);
      }
      out.push({ choices: positions.join(","), result: scoreAttempt(scenario, here) });
      return true;
    }
    const visible = visibleChoices(scenario, here);
    if (visible.length === 0) throw new Error(`step "${currentNodeId(scenario, here)}" shows no reply after ${positions.length} turns`);
    return visible.every((choice, i) => walk(applyChoice(scenario, here, choice.id, false), [...positions, i + 1]));
  };
  walk(context, []);
  return out;
}
