/**
 * checkScenarioSource: source string in, validated scenario graph (or null)
 * and every problem found out. Pure: the caller passes the path and the
 * content hash.
 */
import { parseFrontMatter, splitFrontMatter } from "./frontmatter";
import type { FrontMatter, RawProblem } from "./frontmatter";
import { checkLimits } from "./limits";
import { parseBody } from "./parse";
import type { Draft, DraftPiece } from "./parse";
import { explore } from "./explore";
import { applyChoice, endingReached, initialContext, visibleChoices } from "./attempt";
import { assessChoices } from "./scoring";
import { CHANNEL_PATIENCE, SKILLS } from "./types";
import type { CheckResult, Piece, Position, Problem, Scenario, Step } from "./types";

export interface SourceInfo {
  /** Path shown in problems (relative to the project, or as given). */
  path: string;
  /** Content hash of `source` (sha256 hex), recorded in the scenario and every attempt snapshot. */
  hash: string;
}

/** Parse, validate and explore one scenario file. Never evaluates anything from the source. */
export function checkScenarioSource(source: string, { path, hash }: SourceInfo): CheckResult {
  // Bounds first, on the whole file (front matter included), so that no file can make the rest slow.
  const limit = checkLimits(source);
  if (limit) return finish([limit], null, path);
  const raw: RawProblem[] = [];
  const split = splitFrontMatter(source);
  raw.push(...split.problems);

  let front: FrontMatter | null = null;
  let keys = new Map<string, Position>();
  if (split.yaml !== null) {
    const parsed = parseFrontMatter(split.yaml, split.yamlLine);
    raw.push(...parsed.problems);
    front = parsed.data;
    keys = parsed.keys;
  }

  const parsed = split.body === null ? null : parseBody(split.body, { limitsChecked: true });
  if (!parsed) return finish(raw, null, path);
  raw.push(...parsed.problems);
  if (!parsed.parsed) return finish(raw, null, path);

  const built = buildScenario(parsed.draft, front, keys, { path, hash }, raw);
  let scenario: Scenario | null = null;
  if (built && parsed.graphComplete) {
    scenario = built;
    exploreInto(scenario, raw);
  }
  warnings(parsed.draft, raw);
  const result = finish(raw, scenario, path);
  if (result.scenario) result.scenario.minutes = front?.minutes ?? estimateMinutes(result.scenario);
  return result;
}

/**
 * The most problems listed for one file. A 256 KB file can hold tens of thousands of faults (one stray tag repeated),
 * and the editor checks on every pause in typing: past the first hundred, a list only costs bandwidth and attention.
 */
export const MAX_PROBLEMS = 100;

/** Sort the problems, give them the path, drop the scenario if any is an error, and list at most MAX_PROBLEMS. */
function finish(raw: RawProblem[], scenario: Scenario | null, path: string): CheckResult {
  const problems: Problem[] = raw
    .map((p) => ({ severity: p.severity ?? "error", rule: p.rule, message: p.message, line: p.line, column: p.column, path }))
    .sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
  const failed = problems.some((p) => p.severity === "error");
  if (problems.length <= MAX_PROBLEMS) return { scenario: failed ? null : scenario, problems };
  const rest = problems.slice(MAX_PROBLEMS);
  const first = rest[0]!;
  const more: Problem = {
    severity: rest.some((p) => p.severity === "error") ? "error" : "warning",
    rule: "too-many-problems",
    message: `${rest.length} more ${rest.length === 1 ? "problem" : "problems"} from here on ${rest.length === 1 ? "is" : "are"} not listed. Fix the ones above (they are often the same mistake repeated) and check again.`,
    line: first.line,
    column: first.column,
    path,
  };
  return { scenario: failed ? null : scenario, problems: [...problems.slice(0, MAX_PROBLEMS), more] };
}

/** Resolve ids and references; returns null when the graph cannot be built. */
function buildScenario(
  draft: Draft,
  front: FrontMatter | null,
  keys: Map<string, Position>,
  source: SourceInfo,
  raw: RawProblem[],
): Scenario | null {
  let complete = front !== null;
  const nodes = new Map<string, "step" | "ending">();
  for (const node of [...draft.steps.map((s) => ({ ...s, kind: "step" as const })), ...draft.endings.map((e) => ({ ...e, kind: "ending" as const }))]
    .sort((a, b) => a.line - b.line || a.column - b.column)) {
    if (node.id === null) continue;
    if (nodes.has(node.id)) {
      raw.push({ line: node.line, column: node.column, rule: "duplicate-id", message: `"${node.id}" is already the id of another Step or Ending` });
      complete = false;
    } else nodes.set(node.id, node.kind);
  }
  const choiceIds = new Set<string>();
  for (const step of draft.steps) {
    for (const choice of step.choices) {
      if (choiceIds.has(choice.id)) {
        raw.push({ line: choice.line, column: choice.column, rule: "duplicate-id", message: `choice id "${choice.id}" is used twice` });
        complete = false;
      }
      choiceIds.add(choice.id);
      if (choice.to !== null && !nodes.has(choice.to)) {
        raw.push({
          line: choice.line,
          column: choice.column,
          rule: "unknown-target",
          message: `to="${choice.to}" names no Step or Ending`,
        });
        complete = false;
      }
    }
  }
  if (draft.steps.length === 0) {
    raw.push({ line: 1, column: 1, rule: "no-steps", message: "a scenario needs at least one <Step>" });
    return null;
  }
  if (front === null) return null;

  const at = (key: string): Position => keys.get(key) ?? { line: 1, column: 1 };
  const start = front.start ?? draft.steps[0]!.id;
  if (front.start !== undefined && nodes.get(front.start) !== "step") {
    raw.push({
      ...at("start"),
      rule: "unknown-start",
      message: nodes.get(front.start) === "ending" ? `start "${front.start}" is an Ending; it must name a Step` : `start "${front.start}" names no Step`,
    });
    complete = false;
  }
  const escalation = front.escalation ?? null;
  if (escalation !== null && nodes.get(escalation) !== "ending") {
    raw.push({
      ...at("escalation"),
      rule: "unknown-escalation",
      message: nodes.get(escalation) === "step" ? `escalation "${escalation}" is a Step; it must name an Ending` : `escalation "${escalation}" names no Ending`,
    });
    complete = false;
  }
  if (!complete || start === null || draft.endings.some((e) => e.outcome === null)) return null;

  const piece = (key: string, p: DraftPiece): Piece => ({ key, text: p.text, line: p.line, column: p.column });
  const defaultPatience = front.patience ?? CHANNEL_PATIENCE[front.channel];
  const steps: Step[] = draft.steps.map((s) => {
    const id = s.id!;
    return {
      id,
      line: s.line,
      column: s.column,
      patience: s.patience ?? defaultPatience,
      customer: s.customer.map((c, i) => piece(`step:${id}:customer:${i + 1}`, c)),
      coach: s.coach ? piece(`step:${id}:coach`, s.coach) : null,
      choices: s.choices.map((c) => ({
        id: c.id,
        step: id,
        to: c.to!,
        line: c.line,
        column: c.column,
        deltas: c.deltas,
        mood: c.mood,
        set: c.set,
        requires: c.requires,
        unless: c.unless,
        feedback: c.feedback,
        text: piece(`choice:${c.id}`, c.text),
      })),
    };
  });
  return {
    format: 1,
    id: front.id,
    hash: source.hash,
    path: source.path,
    title: front.title,
    summary: front.summary,
    persona: front.persona,
    customer: front.customer,
    channel: front.channel,
    difficulty: front.difficulty,
    mood: front.mood,
    minutes: front.minutes ?? 0,
    start,
    escalation,
    locale: Intl.getCanonicalLocales(front.locale)[0] ?? front.locale,
    tags: front.tags,
    brief: draft.brief ? piece("brief", draft.brief) : null,
    steps,
    endings: draft.endings.map((e) => ({
      id: e.id!,
      outcome: e.outcome!,
      resolved: e.resolved,
      line: e.line,
      column: e.column,
      text: piece(`ending:${e.id}`, e.text),
    })),
    idPosition: at("id"),
  };
}

/** Reachability, dead ends, complexity and skills that can never be assessed. */
function exploreInto(scenario: Scenario, raw: RawProblem[]) {
  const result = explore(scenario);
  if (result.tooComplex) {
    raw.push({
      line: 1,
      column: 1,
      rule: "too-complex",
      message: `an attempt can reach more than ${result.states.toLocaleString("en")} distinct states (flags × mood × loops); simplify the scenario`,
    });
    return;
  }
  for (const step of scenario.steps) {
    if (!result.reachableSteps.has(step.id)) {
      raw.push({ line: step.line, column: step.column, rule: "unreachable", message: `Step "${step.id}" can never be reached from the start` });
    }
    const dead = result.deadEnds.get(step.id);
    if (dead) {
      const how = dead.choices.length ? `after choices ${dead.choices.join(",")}` : "at the start";
      const late = dead.late.length ? ` with late replies at turns ${dead.late.join(",")}` : "";
      const flags = dead.flags.length ? `flags: ${dead.flags.join(" ")}` : "no flags set";
      raw.push({
        line: step.line,
        column: step.column,
        rule: "dead-end",
        message: `Step "${step.id}" can be reached with no visible choice (${how}${late}; ${flags}${dead.mood === null ? "" : `; mood ${dead.mood}`})`,
      });
    }
  }
  for (const ending of scenario.endings) {
    if (!result.reachableEndings.has(ending.id)) {
      raw.push({ line: ending.line, column: ending.column, rule: "unreachable", message: `Ending "${ending.id}" can never be reached` });
    }
  }
  const unassessed = SKILLS.filter((skill) => !result.assessable.has(skill));
  if (unassessed.length) {
    raw.push({
      line: 1,
      column: 1,
      severity: "warning",
      rule: "skill-not-assessed",
      message: `no turn can assess ${unassessed.join(", ")}: no reachable step offers choices that differ in ${unassessed.length === 1 ? "it" : "them"}`,
    });
  }
}

function warnings(draft: Draft, raw: RawProblem[]) {
  for (const ending of draft.endings) {
    if ((ending.outcome === "delighted" || ending.outcome === "satisfied") && !ending.resolved) {
      raw.push({
        line: ending.line,
        column: ending.column,
        severity: "warning",
        rule: "unresolved-ending",
        message: `Ending "${ending.id ?? "?"}" is ${ending.outcome} but not marked resolved`,
      });
    }
  }
  for (const step of draft.steps) {
    if (step.choices.length === 1) {
      raw.push({
        line: step.line,
        column: step.column,
        severity: "warning",
        rule: "single-choice",
        message: `Step "${step.id ?? "?"}" has a single <Choice>, so the trainee has nothing to decide`,
      });
    }
  }
}

/** Half a minute per turn of the best path (best reply each turn, never late), rounded up. */
function estimateMinutes(scenario: Scenario): number {
  let context = initialContext(scenario);
  const limit = 2 * scenario.steps.length;
  while (!endingReached(scenario, context) && context.turns.length < limit) {
    const visible = visibleChoices(scenario, context);
    if (visible.length === 0) break;
    context = applyChoice(scenario, context, assessChoices(visible).best, false);
  }
  return Math.max(1, Math.ceil(context.turns.length / 2));
}
