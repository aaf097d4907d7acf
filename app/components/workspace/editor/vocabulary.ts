/**
 * What the scenario editor knows about the format: the six components, the attributes each
 * accepts and the front matter keys. The engine's allow-list (app/engine/parse.ts) pulls in the
 * MDX parser, so the browser gets this copy of it; vocabulary.test.ts fails when the two differ.
 */
import { CHANNELS, OUTCOMES, PERSONAS, SKILLS } from "~/domain/vocabulary";
import { DELTA_MAX, DELTA_MIN } from "~/engine/types";

export const COMPONENT_NAMES = ["Brief", "Step", "Customer", "Coach", "Choice", "Ending"] as const;
export type ComponentName = (typeof COMPONENT_NAMES)[number];

/**
 * How an attribute's value is written and completed: `id` names something new, `ref` points at a
 * Step or an Ending, `flags` is a space-separated list, `int` goes in braces, `boolean` is bare.
 */
export type AttributeKind = "id" | "ref" | "int" | "flags" | "text" | "outcome" | "boolean";

export interface AttributeSpec {
  name: string;
  kind: AttributeKind;
  required: boolean;
  /** For `int`: the range the engine accepts. */
  min?: number;
  max?: number;
}

const delta = (name: string): AttributeSpec => ({ name, kind: "int", required: false, min: DELTA_MIN, max: DELTA_MAX });

/** In the order the completion list offers them (required first, then the usual writing order). */
export const ATTRIBUTES: Readonly<Record<ComponentName, readonly AttributeSpec[]>> = {
  Brief: [],
  Customer: [],
  Coach: [],
  Step: [
    { name: "id", kind: "id", required: true },
    { name: "patience", kind: "int", required: false, min: 1, max: 3600 },
  ],
  Choice: [
    { name: "to", kind: "ref", required: true },
    ...SKILLS.map(delta),
    delta("mood"),
    { name: "feedback", kind: "text", required: false },
    { name: "set", kind: "flags", required: false },
    { name: "requires", kind: "flags", required: false },
    { name: "unless", kind: "flags", required: false },
    { name: "id", kind: "id", required: false },
  ],
  Ending: [
    { name: "id", kind: "id", required: true },
    { name: "outcome", kind: "outcome", required: true },
    { name: "resolved", kind: "boolean", required: false },
  ],
};

export function isComponentName(name: string): name is ComponentName {
  return (COMPONENT_NAMES as readonly string[]).includes(name);
}

export function attributeOf(component: ComponentName, name: string): AttributeSpec | undefined {
  return ATTRIBUTES[component].find((attribute) => attribute.name === name);
}

/** Where a component may be written: at the top level of the body, or inside a Step. */
export const INSIDE_STEP: readonly ComponentName[] = ["Customer", "Coach", "Choice"];

export type FrontMatterValues = "persona" | "channel" | "difficulty" | "step" | "ending" | "free";

/** The front matter keys (app/engine/frontmatter.ts), each with what its value can be completed from. */
export const FRONT_MATTER: ReadonlyArray<{ key: string; required: boolean; values: FrontMatterValues }> = [
  { key: "id", required: true, values: "free" },
  { key: "title", required: true, values: "free" },
  { key: "summary", required: true, values: "free" },
  { key: "persona", required: true, values: "persona" },
  { key: "customer", required: true, values: "free" },
  { key: "channel", required: true, values: "channel" },
  { key: "difficulty", required: true, values: "difficulty" },
  { key: "mood", required: false, values: "free" },
  { key: "minutes", required: false, values: "free" },
  { key: "start", required: false, values: "step" },
  { key: "escalation", required: false, values: "ending" },
  { key: "patience", required: false, values: "free" },
  { key: "locale", required: false, values: "free" },
  { key: "tags", required: false, values: "free" },
];

export const FIXED_VALUES = {
  persona: PERSONAS,
  channel: CHANNELS,
  difficulty: ["1", "2", "3"],
  outcome: OUTCOMES,
} as const;
