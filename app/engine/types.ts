/**
 * Data types of the scenario engine. Everything here is plain JSON so that a
 * validated scenario can be cached on disk and an attempt's context can be
 * persisted inside an XState snapshot.
 */

import type { Channel, Outcome, Persona, Skill } from "~/domain/vocabulary";

// The vocabulary is shared with every layer; the engine re-exports it so its callers need one import.
export { CHANNELS, OUTCOMES, PERSONAS, SKILLS } from "~/domain/vocabulary";
export type { Channel, Outcome, Persona, Skill } from "~/domain/vocabulary";

/** Simulated customer satisfaction for each outcome. */
export const CSAT: Readonly<Record<Outcome, number>> = {
  delighted: 5,
  satisfied: 4,
  neutral: 3,
  escalated: 2,
  lost: 1,
};

/** Seconds a customer waits for a reply when neither the step nor the front matter says. */
export const CHANNEL_PATIENCE: Readonly<Record<Channel, number | null>> = {
  phone: 45,
  "in-person": 45,
  chat: 90,
  social: 90,
  email: null,
};

export const MOOD_MIN = -5;
export const MOOD_MAX = 5;
export const DELTA_MIN = -3;
export const DELTA_MAX = 3;
/** A step can be entered at most this many times in one attempt. */
export const MAX_ENTRIES = 2;
/** The explorer gives up (error `too-complex`) beyond this many states. */
export const MAX_STATES = 200_000;

/** Ids written in a file and flags: lowercase letters, digits and hyphens, starting with a letter or digit. */
export const KEBAB_ID = /^[a-z0-9][a-z0-9-]*$/;
export const MAX_ID_LENGTH = 100;

export interface Position {
  /** 1-based line in the whole file, front matter included. */
  line: number;
  /** 1-based column. */
  column: number;
}

export type Severity = "error" | "warning";

export interface Problem extends Position {
  severity: Severity;
  /** Stable rule name, e.g. `unknown-target`, `dead-end`. */
  rule: string;
  message: string;
  path: string;
}

export type SkillDeltas = Record<Skill, number>;

/** A piece of scenario text: its plain text and where its element starts. */
export interface Piece extends Position {
  /** Key under which the compiled HTML of this piece is stored. */
  key: string;
  /** Plain text (markdown stripped), whitespace collapsed. */
  text: string;
}

export interface Choice extends Position {
  /** Explicit id, or `<step id>.<n>` (n counts every Choice element of the step from 1). */
  id: string;
  step: string;
  /** id of a Step or an Ending. */
  to: string;
  deltas: SkillDeltas;
  /** Change to the customer's mood, -3..3. */
  mood: number;
  set: string[];
  requires: string[];
  unless: string[];
  feedback: string | null;
  text: Piece;
}

export interface Step extends Position {
  id: string;
  /** Effective patience in seconds (step, else front matter, else channel default); null: no time limit. */
  patience: number | null;
  customer: Piece[];
  coach: Piece | null;
  choices: Choice[];
}

export interface Ending extends Position {
  id: string;
  outcome: Outcome;
  resolved: boolean;
  text: Piece;
}

/** A validated scenario graph (format version 1). */
export interface Scenario {
  format: 1;
  id: string;
  /** Content hash of the source (sha256, hex), passed in by the caller. */
  hash: string;
  path: string;
  title: string;
  summary: string;
  persona: Persona;
  customer: string;
  channel: Channel;
  difficulty: 1 | 2 | 3;
  /** Starting mood, -5..5. */
  mood: number;
  /** Estimated duration in minutes (front matter, else half a minute per turn of the best path, rounded up). */
  minutes: number;
  start: string;
  escalation: string | null;
  locale: string;
  tags: string[];
  brief: Piece | null;
  steps: Step[];
  endings: Ending[];
  /** Where the `id` key of the front matter is (for duplicate-id errors across files). */
  idPosition: Position;
}

export interface CheckResult {
  /** The scenario, or null when any error was found. */
  scenario: Scenario | null;
  problems: Problem[];
}
