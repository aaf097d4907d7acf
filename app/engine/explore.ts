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
  toEndingIndex: number; // index in scenario.endings, or -1
  toSlot: number; // entry-count slot of the target step, or -1
  deltas: number[];
}

interface Compiled {
  stepIndex: Map<string, number>;
  endingIndex: Map<string, number>;
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
  const endingIndex = new Map(scenario.endings.map((e, i) => [e.id, i]));
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
    endingIndex,
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
          toEndingIndex: toStep < 0 ? (endingIndex.get(c.to) ?? -1) : -1,
          toSlot: toStep < 0 ? -1 : cycleSlot[toStep]!,
          deltas: SKILLS.map((s) => c.deltas[s]),
        };
      }),
    })),
  };
}

/** Key of a state whose words do not fit a number. */
function stringKey(step: number, mood: number, bits: Int32Array, at: number, stride: number): string {
  let key = `${step}:${mood}`;
  for (let i = 0; i < stride; i++) key += `:${bits[at + i]}`;
  return key;
}

const clamp = (mood: number) => (mood < MOOD_MIN ? MOOD_MIN : mood > MOOD_MAX ? MOOD_MAX : mood);

/**
 * Open-addressing hash set of the numeric state keys (non-negative integers
 * below 2^53): one probe sequence per lookup, no boxing. Keys below 2^31 (the
 * usual case) are stored in 32 bits, which keeps the table small enough to
 * stay in cache.
 */
class KeySet {
  private keys: Int32Array | Float64Array;
  private mask = (1 << 14) - 1;
  private size = 0;

  constructor(private readonly wide: boolean) {
    this.keys = this.table(this.mask + 1);
  }

  /** Adds `key`; false when it was already there. */
  add(key: number): boolean {
    if (this.size * 2 >= this.mask) this.grow();
    const keys = this.keys;
    const mask = this.mask;
    for (let i = (this.wide ? KeySet.wideHash(key) : KeySet.hash(key)) & mask; ; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === key) return false;
      if (k < 0) {
        keys[i] = key;
        this.size++;
        return true;
      }
    }
  }

  private table(size: number): Int32Array | Float64Array {
    return (this.wide ? new Float64Array(size) : new Int32Array(size)).fill(-1);
  }

  private static hash(key: number): number {
    const h = Math.imul(key, 0x9e3779b1);
    return h ^ (h >>> 15);
  }

  private static wideHash(key: number): number {
    // The low and high 32-bit halves (key < 2^53), mixed.
    return KeySet.hash((key | 0) ^ Math.imul((key / 4294967296) | 0, 0x27d4eb2d));
  }

  private grow() {
    const old = this.keys;
    this.keys = this.table(old.length * 2);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (const key of old) if (key >= 0) this.add(key);
  }
}

/** Explore every state an attempt can reach. The scenario's references must already resolve. */
export function explore(scenario: Scenario): Exploration {
  const g = compile(scenario);
  const trackMood = scenario.escalation !== null;
  const F = g.flagWords;
  const W = g.slotWords;

  // State s: step, mood, then flags (F words), entered-once (W words), entered-twice (W words).
  // Two bit sets encode the entry limit (MAX_ENTRIES = 2): a step entered twice hides every choice leading to it.
  // States live in typed arrays (doubled when full); a new state is written at index `count`.
  const stride = F + 2 * W;
  let capacity = 1 << 14;
  let stepOf = new Int32Array(capacity);
  let moodOf = new Int32Array(capacity);
  let codeOf = new Float64Array(capacity); // entry counts in base 3 (numeric keys only)
  let parent = new Int32Array(capacity);
  let via = new Int32Array(capacity); // visible position (1-based), negative when late
  let bits = new Int32Array(capacity * stride); // stride words per state
  let count = 0;
  const grow = () => {
    capacity *= 2;
    const wider = (a: Int32Array, length: number) => {
      const b = new Int32Array(length);
      b.set(a);
      return b;
    };
    stepOf = wider(stepOf, capacity);
    moodOf = wider(moodOf, capacity);
    parent = wider(parent, capacity);
    via = wider(via, capacity);
    bits = wider(bits, capacity * stride);
    const codes = new Float64Array(capacity);
    codes.set(codeOf);
    codeOf = codes;
  };

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
  const seenNumbers = new KeySet(g.steps.length * 16 * flagSpan * codeSpan > 2 ** 31 - 1);
  const seen = new Set<string>();
  /** Keep the state whose words are written at index `count` of `bits`: the caller has checked it is new. */
  const keep = (step: number, mood: number, code: number, from: number, how: number) => {
    stepOf[count] = step;
    moodOf[count] = mood;
    codeOf[count] = code;
    parent[count] = from;
    via[count] = how;
    count++;
    if (count === capacity) grow();
  };

  const start = g.stepIndex.get(scenario.start)!;
  const startSlot = g.cycleSlot[start]!;
  if (startSlot >= 0) bits[F + ((startSlot / WORD) | 0)] = 1 << startSlot % WORD;
  const startMood = trackMood ? scenario.mood : 0;
  const startCode = startSlot >= 0 && numeric ? pow3[startSlot]! : 0;
  if (numeric) seenNumbers.add(((start * 16 + startMood + 5) * flagSpan + bits[0]!) * codeSpan + startCode);
  else seen.add(stringKey(start, startMood, bits, 0, stride));
  keep(start, startMood, startCode, -1, 0);

  // Sets in the result get each member once, when first found (so in the same order as adding it at every visit).
  const stepReached = new Uint8Array(g.steps.length);
  const endingReached = new Uint8Array(scenario.endings.length);
  const reachEnding = (index: number, id: string) => {
    if (index < 0 || !endingReached[index]) {
      if (index >= 0) endingReached[index] = 1;
      result.reachableEndings.add(id);
    }
  };
  const escalationIndex = scenario.escalation === null ? -1 : (g.endingIndex.get(scenario.escalation) ?? -1);
  const allSkills = (1 << SKILLS.length) - 1;
  let assessed = 0; // bit k: SKILLS[k] is in result.assessable
  const lows = new Float64Array(SKILLS.length);
  const highs = new Float64Array(SKILLS.length);
  for (let s = 0; s < count; s++) {
    const stepIdx = stepOf[s]!;
    const mood = moodOf[s]!;
    const base = s * stride;
    const step = g.steps[stepIdx]!;
    if (!stepReached[stepIdx]) {
      stepReached[stepIdx] = 1;
      result.reachableSteps.add(step.id);
    }
    // Once every skill is known to be assessable, there is nothing more to learn from the deltas.
    const assessing = assessed !== allSkills;
    if (assessing) {
      for (let k = 0; k < SKILLS.length; k++) {
        lows[k] = Infinity;
        highs[k] = -Infinity;
      }
    }

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
      if (assessing) {
        for (let k = 0; k < SKILLS.length; k++) {
          const d = c.deltas[k]!;
          if (d < lows[k]!) lows[k] = d;
          if (d > highs[k]!) highs[k] = d;
        }
      }
      const lateOptions = trackMood && step.hasPatience ? 2 : 1;
      for (let late = 0; late < lateOptions; late++) {
        const nextMood = trackMood ? clamp(clamp(mood - late) + c.mood) : 0;
        if (trackMood && nextMood === MOOD_MIN) {
          reachEnding(escalationIndex, scenario.escalation!);
          continue;
        }
        if (c.toStep < 0) {
          reachEnding(c.toEndingIndex, c.toEnding!);
          continue;
        }
        // Numeric keys are computed before the state is written, so a state seen before costs one lookup.
        // (The flags are one word; the entry counts are all in `code`.)
        const code = numeric && c.toSlot >= 0 ? codeOf[s]! + pow3[c.toSlot]! : codeOf[s]!;
        if (numeric && !seenNumbers.add(((c.toStep * 16 + nextMood + 5) * flagSpan + (bits[base]! | c.set[0]!)) * codeSpan + code)) continue;
        // The new state goes to index `count`.
        const next = count * stride;
        for (let i = 0; i < stride; i++) bits[next + i] = bits[base + i]!;
        for (let w = 0; w < F; w++) bits[next + w]! |= c.set[w]!;
        if (c.toSlot >= 0) {
          if (bits[next + F + word]! & bit) bits[next + F + W + word]! |= bit;
          else bits[next + F + word]! |= bit;
        }
        if (!numeric) {
          const key = stringKey(c.toStep, nextMood, bits, next, stride);
          if (seen.has(key)) continue;
          seen.add(key);
        }
        if (count >= MAX_STATES) {
          result.tooComplex = true;
          result.states = count;
          return result;
        }
        keep(c.toStep, nextMood, code, s, late ? -position : position);
      }
    }
    if (assessing) {
      for (let k = 0; k < SKILLS.length; k++) {
        if (highs[k]! > lows[k]! && !(assessed & (1 << k))) {
          assessed |= 1 << k;
          result.assessable.add(SKILLS[k]!);
        }
      }
    }
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
  result.states = count;
  return result;
}
