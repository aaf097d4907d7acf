/**
 * The rules of an attempt as pure functions over a JSON context. The XState
 * machine (machine.ts) calls these from its named guards and actions, and the
 * CLI's `paths` and the validator's best-path walk call them directly, so
 * there is exactly one implementation of the semantics.
 */
import { MAX_ENTRIES, MOOD_MAX, MOOD_MIN, SKILLS } from "./types";
import type { Choice, Ending, Scenario, Skill, Step } from "./types";

/** One turn of an attempt, as recorded in the context. */
export interface TurnRecord {
  /** Step at which the choice was made. */
  step: string;
  choice: string;
  /** Ids of the choices visible at that moment, in source order. */
  visible: string[];
  /** Whether the reply counted as late (always false at a step without patience). */
  late: boolean;
  moodBefore: number;
  mood: number;
  /** Step or ending entered after the choice. */
  entered: string;
  /** True when the mood reached -5 and the escalation ending replaced `to`. */
  escalated: boolean;
}

/** The XState context of an attempt: JSON only. */
export interface AttemptContext {
  /** Content hash of the scenario version the attempt began with. */
  hash: string;
  mood: number;
  /** Flags set so far, sorted. */
  flags: string[];
  /** How many times each step has been entered. */
  entries: Record<string, number>;
  /** Sum of the chosen choices' deltas per skill. */
  points: Record<Skill, number>;
  turns: TurnRecord[];
  /**
   * The step a trainer's preview started at when it is not the scenario's start (start-at.ts).
   * Absent on every trainee's attempt, so their stored snapshots read exactly as before.
   */
  start?: string;
}

export interface ScenarioIndex {
  steps: Map<string, Step>;
  endings: Map<string, Ending>;
  choices: Map<string, Choice>;
}

const indexes = new WeakMap<Scenario, ScenarioIndex>();

/** Lookup tables for a scenario, built once per scenario object. */
export function indexScenario(scenario: Scenario): ScenarioIndex {
  let index = indexes.get(scenario);
  if (!index) {
    index = {
      steps: new Map(scenario.steps.map((s) => [s.id, s])),
      endings: new Map(scenario.endings.map((e) => [e.id, e])),
      choices: new Map(scenario.steps.flatMap((s) => s.choices.map((c) => [c.id, c] as const))),
    };
    indexes.set(scenario, index);
  }
  return index;
}

export function zeroPoints(): Record<Skill, number> {
  return { listening: 0, empathy: 0, calm: 0, persuasion: 0, expectations: 0 };
}

/** The context at the start: front-matter mood, no flags, the start step entered once. */
export function initialContext(scenario: Scenario): AttemptContext {
  return {
    hash: scenario.hash,
    mood: scenario.mood,
    flags: [],
    entries: { [scenario.start]: 1 },
    points: zeroPoints(),
    turns: [],
  };
}

/** Id of the step or ending the attempt is at. */
export function currentNodeId(scenario: Scenario, context: AttemptContext): string {
  return context.turns.at(-1)?.entered ?? context.start ?? scenario.start;
}

/** The step the attempt is at, or null once it has ended. */
export function currentStep(scenario: Scenario, context: AttemptContext): Step | null {
  return indexScenario(scenario).steps.get(currentNodeId(scenario, context)) ?? null;
}

/** The ending reached, or null while the conversation goes on. */
export function endingReached(scenario: Scenario, context: AttemptContext): Ending | null {
  return indexScenario(scenario).endings.get(currentNodeId(scenario, context)) ?? null;
}

/** Whether `choice` is shown in this context (flags and the entry limit of its target). */
export function isVisible(scenario: Scenario, context: AttemptContext, choice: Choice): boolean {
  if (choice.requires.some((f) => !context.flags.includes(f))) return false;
  if (choice.unless.some((f) => context.flags.includes(f))) return false;
  if (indexScenario(scenario).steps.has(choice.to)) return (context.entries[choice.to] ?? 0) < MAX_ENTRIES;
  return true;
}

/** The choices the trainee sees now, in source order (empty once the attempt has ended). */
export function visibleChoices(scenario: Scenario, context: AttemptContext): Choice[] {
  const step = currentStep(scenario, context);
  return step ? step.choices.filter((c) => isVisible(scenario, context, c)) : [];
}

/** Whether choosing `choiceId` now is allowed: it belongs to the current step and is visible. */
export function canChoose(scenario: Scenario, context: AttemptContext, choiceId: string): boolean {
  const step = currentStep(scenario, context);
  const choice = indexScenario(scenario).choices.get(choiceId);
  return !!step && !!choice && choice.step === step.id && isVisible(scenario, context, choice);
}

const clamp = (mood: number) => Math.max(MOOD_MIN, Math.min(MOOD_MAX, mood));

export interface ChoiceEffect {
  late: boolean;
  mood: number;
  entered: string;
  escalated: boolean;
}

/** What choosing `choice` leads to: mood after lateness and the choice, and the node entered. */
export function resolveChoice(scenario: Scenario, context: AttemptContext, choice: Choice, late: boolean): ChoiceEffect {
  const step = indexScenario(scenario).steps.get(choice.step);
  const isLate = late && step?.patience !== null && step?.patience !== undefined;
  const mood = clamp(clamp(context.mood - (isLate ? 1 : 0)) + choice.mood);
  const escalated = mood === MOOD_MIN && scenario.escalation !== null;
  return { late: isLate, mood, entered: escalated ? scenario.escalation! : choice.to, escalated };
}

/**
 * The context after choosing `choiceId` (which must satisfy canChoose): deltas
 * added, flags set, mood changed, the entered step counted, the turn logged.
 */
export function applyChoice(scenario: Scenario, context: AttemptContext, choiceId: string, late: boolean): AttemptContext {
  const index = indexScenario(scenario);
  const choice = index.choices.get(choiceId);
  if (!choice || !canChoose(scenario, context, choiceId)) {
    throw new Error(`choice "${choiceId}" is not available at "${currentNodeId(scenario, context)}"`);
  }
  const outcome = resolveChoice(scenario, context, choice, late);
  const points = { ...context.points };
  for (const skill of SKILLS) points[skill] += choice.deltas[skill];
  const flags = choice.set.length ? [...new Set([...context.flags, ...choice.set])].sort() : context.flags;
  const entries = index.steps.has(outcome.entered)
    ? { ...context.entries, [outcome.entered]: (context.entries[outcome.entered] ?? 0) + 1 }
    : context.entries;
  return {
    ...context,
    mood: outcome.mood,
    flags,
    entries,
    points,
    turns: [
      ...context.turns,
      {
        step: choice.step,
        choice: choice.id,
        visible: visibleChoices(scenario, context).map((c) => c.id),
        late: outcome.late,
        moodBefore: context.mood,
        mood: outcome.mood,
        entered: outcome.entered,
        escalated: outcome.escalated,
      },
    ],
  };
}

/** Every step and the ending entered, in order, starting with the start step. */
export function pathOf(scenario: Scenario, context: AttemptContext): string[] {
  return [context.start ?? scenario.start, ...context.turns.map((t) => t.entered)];
}
