/**
 * Starting an attempt anywhere, for a trainer's preview: at any step, with a mood, flags and visit
 * counts of the trainer's choosing. The attempt then runs on the ordinary machine and rules, so
 * advanceAttempt, scoreAttempt and reviewTurns work on it unchanged.
 *
 * What a start point means in the engine:
 * - `visits`: how many times the conversation has already been at a step before this moment. The
 *   engine counts entries (`context.entries`) and hides a reply that leads to a step already
 *   entered MAX_ENTRIES times, so the context's entries are the visits plus one for the start
 *   step itself, which the trainee is entering now. A step at 2 visits can no longer be returned to.
 * - turns: none. The trainee starts at that step; nothing was said before and nothing was earned,
 *   so the points start at zero. `context.start` names the step, left out when it is the
 *   scenario's own start so that the default start point gives exactly what startSnapshot gives.
 *
 * The score of a mid-way attempt uses the same rule as any other (scoring.ts), over the replies
 * given from the start point only: a skill no reply there assessed is null, and so is the overall
 * when none was, never a division by zero. It says how well those replies chose among the ones on
 * offer, not how a whole conversation went, so it is not comparable with a trainee's score.
 */
import { currentNodeId, indexScenario, zeroPoints } from "./attempt";
import type { AttemptContext } from "./attempt";
import type { AttemptSnapshot, ScenarioMachine } from "./machine";
import { walkPaths, findDeadEnd } from "./start-reach";
import type { PathEntry } from "./play";
import { MAX_ENTRIES, MOOD_MAX, MOOD_MIN } from "./types";
import type { Scenario } from "./types";

export interface StartPoint {
  stepId: string;
  /** The customer's mood on arrival, MOOD_MIN..MOOD_MAX. */
  mood: number;
  flags: string[];
  /** Times the conversation has already been at each step before this moment; a missing step is 0. */
  visits: Record<string, number>;
}

export type StartPointField = keyof StartPoint;

export interface StartPointProblem {
  field: StartPointField;
  /** The step whose visit count is wrong, for `visits` problems. */
  step?: string;
  /** Stable rule name, e.g. `unknown-step`, `mood-range`, `dead-end`. */
  rule: string;
  message: string;
}

export class StartPointError extends Error {
  constructor(readonly problems: StartPointProblem[]) {
    super(`this start point cannot be used: ${problems.map((p) => p.message).join("; ")}`);
    this.name = "StartPointError";
  }
}

/** Every flag the scenario mentions (set, required or excluded by some reply), sorted. */
export function scenarioFlags(scenario: Scenario): string[] {
  const flags = new Set(scenario.steps.flatMap((step) => step.choices.flatMap((c) => [...c.set, ...c.requires, ...c.unless])));
  return [...flags].sort();
}

/** Where every attempt starts: the first step, the starting mood, no flags, nowhere visited before. */
export function defaultStartPoint(scenario: Scenario): StartPoint {
  return { stepId: scenario.start, mood: scenario.mood, flags: [], visits: {} };
}

/** What the start-anywhere form offers, as plain data for the browser. */
export interface StartPointOptions {
  /** The scenario's own start step and starting mood. */
  start: string;
  mood: number;
  /** Every step in source order, with the customer's first words there. */
  steps: { id: string; words: string }[];
  flags: string[];
  moodMin: number;
  moodMax: number;
  /** The most visits a step other than the start step can have had (MAX_ENTRIES). */
  visitsMax: number;
}

const FIRST_WORDS = 8;

function firstWords(text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length > FIRST_WORDS ? `${words.slice(0, FIRST_WORDS).join(" ")}…` : words.join(" ");
}

export function startPointOptions(scenario: Scenario): StartPointOptions {
  return {
    start: scenario.start,
    mood: scenario.mood,
    steps: scenario.steps.map((step) => ({ id: step.id, words: firstWords(step.customer.map((piece) => piece.text).join(" ")) })),
    flags: scenarioFlags(scenario),
    moodMin: MOOD_MIN,
    moodMax: MOOD_MAX,
    visitsMax: MAX_ENTRIES,
  };
}

const quoted = (ids: readonly string[]) => ids.map((id) => `"${id}"`).join(", ");
const whole = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n);

/** The problems of the fields one by one, before anything is played. */
function fieldProblems(scenario: Scenario, point: StartPoint): StartPointProblem[] {
  const { steps, endings } = indexScenario(scenario);
  const problems: StartPointProblem[] = [];
  if (endings.has(point.stepId)) {
    problems.push({ field: "stepId", rule: "ending", message: `"${point.stepId}" is an ending; choose a step, where the customer still waits for a reply` });
  } else if (!steps.has(point.stepId)) {
    problems.push({ field: "stepId", rule: "unknown-step", message: `the scenario has no step "${point.stepId}"` });
  }
  if (!whole(point.mood) || point.mood < MOOD_MIN || point.mood > MOOD_MAX) {
    problems.push({ field: "mood", rule: "mood-range", message: `mood must be a whole number from ${MOOD_MIN} to ${MOOD_MAX}, not ${String(point.mood)}` });
  }
  const known = new Set(scenarioFlags(scenario));
  const unknown = [...new Set(point.flags)].filter((flag) => !known.has(flag));
  if (unknown.length) {
    const choices = known.size ? `the flags it uses are ${quoted([...known])}` : "it uses no flags";
    problems.push({ field: "flags", rule: "unknown-flag", message: `the scenario never uses ${unknown.length === 1 ? "the flag" : "the flags"} ${quoted(unknown)}: ${choices}` });
  }
  for (const [step, count] of Object.entries(point.visits)) {
    if (!steps.has(step)) {
      const what = endings.has(step) ? `"${step}" is an ending, and endings are not counted` : `the scenario has no step "${step}"`;
      problems.push({ field: "visits", step, rule: "unknown-step", message: `visits: ${what}` });
      continue;
    }
    // The start step is being entered now, so it can have been entered at most MAX_ENTRIES - 1 times before.
    const most = step === point.stepId ? MAX_ENTRIES - 1 : MAX_ENTRIES;
    if (!whole(count) || count < 0 || count > most) {
      const why = step === point.stepId ? ` (the conversation starts there, and a step is entered at most ${MAX_ENTRIES} times)` : "";
      problems.push({ field: "visits", step, rule: "visits-range", message: `visits to "${step}" must be a whole number from 0 to ${most}${why}, not ${String(count)}` });
    }
  }
  return problems;
}

/** The context at a start point, unchecked. */
function contextAt(scenario: Scenario, point: StartPoint): AttemptContext {
  const entries: Record<string, number> = {};
  for (const [step, count] of Object.entries(point.visits)) if (count > 0) entries[step] = count;
  entries[point.stepId] = (entries[point.stepId] ?? 0) + 1;
  const context: AttemptContext = {
    hash: scenario.hash,
    mood: point.mood,
    flags: [...new Set(point.flags)].sort(),
    entries,
    points: zeroPoints(),
    turns: [],
  };
  return point.stepId === scenario.start ? context : { ...context, start: point.stepId };
}

/**
 * Plain-words problems of a start point, each naming its field: an unknown step or an ending, a
 * mood out of range, a flag the scenario never uses, a bad visit count, and a conversation that
 * could get stuck from there (a step reached with no reply to show).
 */
export function checkStartPoint(scenario: Scenario, point: StartPoint): StartPointProblem[] {
  const problems = fieldProblems(scenario, point);
  if (problems.length) return problems;
  const dead = findDeadEnd(scenario, contextAt(scenario, point));
  if (!dead) return [];
  const at = dead.route.length === 0 ? `at "${dead.step}"` : `after ${quoted(dead.route)}, at "${dead.step}"`;
  const field: StartPointField = dead.hiddenBy === "visits" ? "visits" : "flags";
  const reason =
    dead.hiddenBy === "visits"
      ? `every reply there leads to a step already entered ${MAX_ENTRIES} times`
      : "every reply there is hidden by the flags set by then";
  return [{ field, rule: "dead-end", message: `from here the conversation can get stuck ${at}: ${reason}` }];
}

/** The context of an attempt starting at `point`; throws StartPointError when checkStartPoint finds problems. */
export function startContext(scenario: Scenario, point: StartPoint): AttemptContext {
  const problems = checkStartPoint(scenario, point);
  if (problems.length) throw new StartPointError(problems);
  return contextAt(scenario, point);
}

/** A persisted snapshot starting at `point`, in the shape startSnapshot gives; throws StartPointError when the point has problems. */
export function startSnapshotAt(machine: ScenarioMachine, scenario: Scenario, point: StartPoint): AttemptSnapshot {
  const context = startContext(scenario, point);
  return machine.getPersistedSnapshot(machine.resolveState({ value: point.stepId, context })) as AttemptSnapshot;
}

/**
 * The start point of the moment an attempt is at: its step, mood and flags, and each step's
 * entries as visits (the current step's arrival not counted). Starting there replays the rest of
 * the conversation exactly; turns and points before it are not carried over.
 */
export function startPointOf(scenario: Scenario, context: AttemptContext): StartPoint {
  const stepId = currentNodeId(scenario, context);
  const visits: Record<string, number> = {};
  for (const [step, count] of Object.entries(context.entries)) {
    const before = step === stepId ? count - 1 : count;
    if (before > 0) visits[step] = before;
  }
  return { stepId, mood: context.mood, flags: [...context.flags], visits };
}

/**
 * Every complete path from a start point (all replies on time), as enumeratePaths gives them from
 * the scenario's start: TooManyPathsError past `limit`, or the first `limit` with `truncate`.
 */
export function pathsFrom(scenario: Scenario, point: StartPoint, limit = 100_000, options: { truncate?: boolean } = {}): PathEntry[] {
  return walkPaths(scenario, startContext(scenario, point), limit, options);
}
