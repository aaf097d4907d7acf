/**
 * Exploration of the real state space of an attempt: which steps and endings
 * can be reached and where a trainee can get stuck, given flags, mood, entry
 * limits and escalation. Only what can change the outcome is tracked:
 * - flags that some `requires` or `unless` tests;
 * - mood only when the scenario has an escalation ending (and lateness only then);
 * - entry counts only for steps on a cycle (any other step is entered at most once).
 * The walk stops beyond MAX_STATES states.
 */
import { MAX_STATES, MOOD_MAX, MOOD_MIN, SKILLS } from "./types";
import type { Scenario, Skill } from "./types";

export interface DeadEnd {
  step: string;
  /** Visible-choice positions (1-based) leading there, as `play --choices` takes them. */
  choices: number[];
  /** Turns (1-based) replied late on that way. */
  late: number[];
  mood: number | null;
  flags: string[];
}

export interface Exploration {
  tooComplex: boolean;
  states: number;
  reachableSteps: Set<string>;
  reachableEndings: Set<string>;
  /** The first dead end found at each step (breadth first, so on a shortest way). */
  deadEnds: Map<string, DeadEnd>;
  /** Skills in which the visible choices differ at some reachable state. */
  assessable: Set<Skill>;
}

/** Bit sets are arrays of 31-bit words, so any number of flags or cycle steps works. */
const WORD = 31;

interface CompiledChoice {
  requires: number[]; // mask per flag word
  unless: number[];
  set: number[];
  mood: number;
  toStep: number; // -1 when `to` is an ending
  toEnding: string | null;
  toSlot: number; // entry-count slot of the target step, or -1
  deltas: number[];
}

interface Compiled {
  stepIndex: Map<string, number>;
  cycleSlot: Int32Array; // per step: index among cycle steps, or -1
  slotWords: number;
  flagWords: number;
  steps: { id: string; hasPatience: boolean; choices: CompiledChoice[] }[];
  flagNames: string[];
}

/** Steps that lie on a cycle of the step graph (Tarjan's strongly connected components, iterative). */
export function cycleSteps(scenario: Scenario): Set<string> {
  const ids = scenario.steps.map((s) => s.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const edges = scenario.steps.map((s) =>
    s.choices.map((c) => index.get(c.to)).filter((t): t is number => t !== undefined),
  );
  const order = new Int32Array(ids.length).fill(-1);
  const low = new Int32Array(ids.length);
  const onStack = new Uint8Array(ids.length);
  const stack: number[] = [];
  const result = new Set<string>();
  let counter = 0;
  for (let root = 0; root < ids.length; root++) {
    if (order[root] !== -1) continue;
    const work: [number, number][] = [[root, 0]];
    while (work.length) {
      const frame = work[work.length - 1]!;
      const [v, i] = frame;
      if (i === 0) {
        order[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = 1;
      }
      const out = edges[v]!;
      if (i < out.length) {
        frame[1] = i + 1;
        const w = out[i]!;
        if (order[w] === -1) work.push([w, 0]);
        else if (onStack[w]) low[v] = Math.min(low[v]!, order[w]!);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[v]!);
      if (low[v] === order[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        if (component.length > 1 || edges[v]!.includes(v)) for (const c of component) result.add(ids[c]!);
      }
    }
  }
  return result;
}

function masks(indices: number[], words: number): number[] {
  const out = new Array<number>(words).fill(0);
  for (const i of indices) out[(i / WORD) | 0]! |= 1 << i % WORD;
  return out;
}

function compile(scenario: Scenario): Compiled {
  const stepIndex = new Map(scenario.steps.map((s, i) => [s.id, i]));
  const tested = new Set<string>();
  for (const step of scenario.steps) for (const c of step.choices) for (const f of [...c.requires, ...c.unless]) tested.add(f);
  const flagNames = [...tested].sort();
  const flagIndex = new Map(flagNames.map((f, i) => [f, i]));
  const flagWords = Math.max(1, Math.ceil(flagNames.length / WORD));
  const flagMask = (flags: string[]) =>
    masks(
      flags.map((f) => flagIndex.get(f)).filter((i): i is number => i !== undefined),
      flagWords,
    );
  const cycles = cycleSteps(scenario);
  const cycleSlot = new Int32Array(scenario.steps.length).fill(-1);
  let slots = 0;
  scenario.steps.forEach((s, i) => {
    if (cycles.has(s.id)) cycleSlot[i] = slots++;
  });
  return {
    stepIndex,
    cycleSlot,
    slotWords: Math.max(1, Math.ceil(slots / WORD)),
    flagWords,
    flagNames,
    steps: scenario.steps.map((step) => ({
      id: step.id,
      hasPatience: step.patience !== null,
      choices: step.choices.map((c) => {
        const toStep = stepIndex.get(c.to) ?? -1;
        return {
          requires: flagMask(c.requires),
          unless: flagMask(c.unless),
          set: flagMask(c.set),
          mood: c.mood,
          toStep,
          toEnding: toStep < 0 ? c.to : null,
          toSlot: toStep < 0 ? -1 : cycleSlot[toStep]!,
          deltas: SKILLS.map((s) => c.deltas[s]),
        };
      }),
    })),
  };
}

const clamp = (mood: number) => (mood < MOOD_MIN ? MOOD_MIN : mood > MOOD_MAX ? MOOD_MAX : mood);

/** Explore every state an attempt can reach. The scenario's references must already resolve. */
export function explore(scenario: Scenario): Exploration {
  const g = compile(scenario);
  const trackMood = scenario.escalation !== null;
  const F = g.flagWords;
  const W = g.slotWords;

  // State s: step, mood, then flags (F words), entered-once (W words), entered-twice (W words).
  // Two bit sets encode the entry limit (MAX_ENTRIES = 2): a step entered twice hides every choice leading to it.
  const stepOf: number[] = [];
  const moodOf: number[] = [];
  const bits: number[] = []; // (F + 2W) words per state
  const parent: number[] = [];
  const via: number[] = []; // visible position (1-based), negative when late
  const seen = new Set<string>();
  const stride = F + 2 * W;

  const result: Exploration = {
    tooComplex: false,
    states: 0,
    reachableSteps: new Set(),
    reachableEndings: new Set(),
    deadEnds: new Map(),
    assessable: new Set(),
  };

  // Key of a state. Usually one number: step, mood, flags and the entry counts written in base 3
  // (kept per state in codeOf); a string of the words when that would not fit in 52 bits.
  const flagBits = g.flagNames.length;
  const slotCount = g.cycleSlot.reduce((n, slot) => (slot >= 0 ? n + 1 : n), 0);
  const numeric = F === 1 && Math.log2(g.steps.length * 16) + flagBits + slotCount * Math.log2(3) <= 52;
  const flagSpan = 2 ** flagBits;
  const codeSpan = 3 ** slotCount;
  const pow3 = numeric ? Array.from({ length: slotCount }, (_, i) => 3 ** i) : [];
  const codeOf: number[] = [];
  const seenNumbers = new Set<number>();
  const next = new Array<number>(stride);
  /** Add the state held in `next`; false when the limit is passed. */
  const add = (step: number, mood: number, code: number, from: number, how: number): boolean => {
    if (numeric) {
      const key = ((step * 16 + mood + 5) * flagSpan + next[0]!) * codeSpan + code;
      if (seenNumbers.has(key)) return true;
      if (stepOf.length >= MAX_STATES) return false;
      seenNumbers.add(key);
    } else {
      let key = `${step}:${mood}`;
      for (let i = 0; i < stride; i++) key += `:${next[i]}`;
      if (seen.has(key)) return true;
      if (stepOf.length >= MAX_STATES) return false;
      seen.add(key);
    }
    stepOf.push(step);
    moodOf.push(mood);
    codeOf.push(code);
    for (let i = 0; i < stride; i++) bits.push(next[i]!);
    parent.push(from);
    via.push(how);
    return true;
  };

  const start = g.stepIndex.get(scenario.start)!;
  next.fill(0);
  const startSlot = g.cycleSlot[start]!;
  if (startSlot >= 0) next[F + ((startSlot / WORD) | 0)] = 1 << startSlot % WORD;
  add(start, trackMood ? scenario.mood : 0, startSlot >= 0 && numeric ? pow3[startSlot]! : 0, -1, 0);

  const lows = new Array<number>(SKILLS.length);
  const highs = new Array<number>(SKILLS.length);
  for (let s = 0; s < stepOf.length; s++) {
    const stepIdx = stepOf[s]!;
    const mood = moodOf[s]!;
    const base = s * stride;
    const step = g.steps[stepIdx]!;
    result.reachableSteps.add(step.id);
    lows.fill(Infinity);
    highs.fill(-Infinity);

    let position = 0;
    for (const c of step.choices) {
      let visible = true;
      for (let w = 0; w < F && visible; w++) {
        const flags = bits[base + w]!;
        if ((flags & c.requires[w]!) !== c.requires[w] || (flags & c.unless[w]!) !== 0) visible = false;
      }
      let word = 0;
      let bit = 0;
      if (visible && c.toSlot >= 0) {
        word = (c.toSlot / WORD) | 0;
        bit = 1 << c.toSlot % WORD;
        if (bits[base + F + W + word]! & bit) visible = false; // entered twice already
      }
      if (!visible) continue;
      position++;
      for (let k = 0; k < c.deltas.length; k++) {
        const d = c.deltas[k]!;
        if (d < lows[k]!) lows[k] = d;
        if (d > highs[k]!) highs[k] = d;
      }
      const lateOptions = trackMood && step.hasPatience ? 2 : 1;
      for (let late = 0; late < lateOptions; late++) {
        const nextMood = trackMood ? clamp(clamp(mood - late) + c.mood) : 0;
        if (trackMood && nextMood === MOOD_MIN) {
          result.reachableEndings.add(scenario.escalation!);
          continue;
        }
        if (c.toStep < 0) {
          result.reachableEndings.add(c.toEnding!);
          continue;
        }
        for (let i = 0; i < stride; i++) next[i] = bits[base + i]!;
        for (let w = 0; w < F; w++) next[w]! |= c.set[w]!;
        if (c.toSlot >= 0) {
          if (next[F + word]! & bit) next[F + W + word]! |= bit;
          else next[F + word]! |= bit;
        }
        const code = numeric && c.toSlot >= 0 ? codeOf[s]! + pow3[c.toSlot]! : codeOf[s]!;
        if (!add(c.toStep, nextMood, code, s, late ? -position : position)) {
          result.tooComplex = true;
          result.states = stepOf.length;
          return result;
        }
      }
    }
    for (let k = 0; k < SKILLS.length; k++) if (highs[k]! > lows[k]!) result.assessable.add(SKILLS[k]!);
    if (position === 0 && !result.deadEnds.has(step.id)) {
      const choices: number[] = [];
      const late: number[] = [];
      const trail: number[] = [];
      for (let at = s; parent[at]! >= 0; at = parent[at]!) trail.unshift(via[at]!);
      trail.forEach((how, i) => {
        choices.push(Math.abs(how));
        if (how < 0) late.push(i + 1);
      });
      result.deadEnds.set(step.id, {
        step: step.id,
        choices,
        late,
        mood: trackMood ? mood : null,
        flags: g.flagNames.filter((_, i) => (bits[base + ((i / WORD) | 0)]! & (1 << i % WORD)) !== 0),
      });
    }
  }
  result.states = stepOf.length;
  return result;
}
