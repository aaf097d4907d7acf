/**
 * The editor's vocabulary against the engine's allow-list, read from the engine's own answers:
 * which attributes it names when one is unknown, which it asks for when they are missing, and
 * which values it accepts. A change on either side fails here.
 */
import { describe, expect, it } from "vitest";
import { COMPONENTS, parseBody } from "~/engine/parse";
import { frontMatterSchema } from "~/engine/frontmatter";
import { OUTCOMES } from "~/engine/types";
import { ATTRIBUTES, COMPONENT_NAMES, FIXED_VALUES, FRONT_MATTER } from "./vocabulary";
import type { AttributeSpec, ComponentName } from "./vocabulary";

/** A body where `component` with `attributes` sits where it belongs, everything around it valid. */
function body(component: ComponentName, attributes: string): string {
  const tag = (name: ComponentName, fallback: string) => (name === component ? attributes : fallback);
  const step = (inner: string) =>
    `<Step ${tag("Step", 'id="s"')}>\n<Customer ${tag("Customer", "")}>Hi</Customer>\n${inner}<Choice ${tag("Choice", 'to="s"')}>Ok</Choice>\n</Step>`;
  if (component === "Brief") return `<Brief ${attributes}>Text</Brief>\n\n${step("")}`;
  if (component === "Coach") return step(`<Coach ${attributes}>Note</Coach>\n`);
  if (component === "Ending") return `${step("")}\n\n<Ending ${attributes}>Bye</Ending>`;
  return step("");
}

function problems(component: ComponentName, attributes: string) {
  return parseBody(body(component, attributes)).problems;
}

/** The attribute names the engine lists when it meets one it does not know. */
function engineAttributes(component: ComponentName): string[] {
  const unknown = problems(component, 'zz-unknown="1"').find((problem) => problem.rule === "unknown-attribute");
  expect(unknown, component).toBeDefined();
  if (unknown?.message.includes("(it takes none)")) return [];
  return (/\(allowed: ([^)]*)\)/.exec(unknown?.message ?? "")?.[1] ?? "").split(", ");
}

const written = (attribute: AttributeSpec, value: string) => (value === "" ? attribute.name : `${attribute.name}=${value}`);

/** Values each kind must accept and must refuse, as written in a file. */
const SAMPLES: Record<AttributeSpec["kind"], (attribute: AttributeSpec) => { accepted: string[]; refused: string[] }> = {
  id: () => ({ accepted: ['"next-step"'], refused: ['"Not Kebab"', "{1}"] }),
  // A reference is only resolved against the ids later, so any quoted name passes the parse.
  ref: () => ({ accepted: ['"next-step"', '"Not Kebab"'], refused: ["{1}"] }),
  int: (attribute) => ({
    accepted: [`{${attribute.min}}`, `{${attribute.max}}`],
    refused: [`{${(attribute.max ?? 0) + 1}}`, `{${(attribute.min ?? 0) - 1}}`, `"${attribute.min}"`],
  }),
  flags: () => ({ accepted: ['"promised refund-offered"'], refused: ['"Not Kebab"', "{1}"] }),
  text: () => ({ accepted: ['"Any words at all."'], refused: ["{1}"] }),
  outcome: () => ({ accepted: OUTCOMES.map((outcome) => `"${outcome}"`), refused: ['"happy"'] }),
  boolean: () => ({ accepted: ["", "{true}", "{false}"], refused: ['"yes"'] }),
};

describe("the editor's vocabulary", () => {
  it("names the engine's components", () => {
    expect([...COMPONENT_NAMES].sort()).toEqual([...COMPONENTS].sort());
  });

  it.each(COMPONENT_NAMES)("gives <%s> exactly the attributes the engine allows", (component) => {
    expect(ATTRIBUTES[component].map((attribute) => attribute.name).sort()).toEqual(engineAttributes(component).sort());
  });

  it.each(COMPONENT_NAMES)("marks as required exactly what the engine asks for on <%s>", (component) => {
    const missing = problems(component, "")
      .filter((problem) => problem.rule === "missing-attribute")
      .map((problem) => /needs a "([^"]+)"/.exec(problem.message)?.[1]);
    const required = ATTRIBUTES[component].filter((attribute) => attribute.required).map((attribute) => attribute.name);
    expect(missing.sort()).toEqual(required.sort());
  });

  const attributes = COMPONENT_NAMES.flatMap((component) => ATTRIBUTES[component].map((attribute) => ({ component, attribute, name: `${component}.${attribute.name}` })));

  it.each(attributes)("writes $name the way the engine reads it", ({ component, attribute }) => {
    // The required attributes stay written, so that only the value under test can be refused.
    const others = ATTRIBUTES[component].filter((other) => other.required && other.name !== attribute.name).map((other) => written(other, SAMPLES[other.kind](other).accepted[0] ?? ""));
    const { accepted, refused } = SAMPLES[attribute.kind](attribute);
    for (const value of accepted) expect(problems(component, [...others, written(attribute, value)].join(" ")), `${attribute.name}=${value}`).toEqual([]);
    for (const value of refused) expect(problems(component, [...others, written(attribute, value)].join(" ")).length, `${attribute.name}=${value}`).toBeGreaterThan(0);
  });

  it("lists the front matter keys the engine reads, with their fixed values", () => {
    const shape = frontMatterSchema.shape;
    expect(FRONT_MATTER.map((entry) => entry.key).sort()).toEqual(Object.keys(shape).sort());
    for (const entry of FRONT_MATTER) expect(shape[entry.key as keyof typeof shape].safeParse(undefined).success, entry.key).toBe(!entry.required);
    for (const key of ["persona", "channel", "difficulty"] as const) {
      const values = FIXED_VALUES[key];
      for (const value of values) expect(shape[key].safeParse(key === "difficulty" ? Number(value) : value).success, `${key}: ${value}`).toBe(true);
      expect(shape[key].safeParse(key === "difficulty" ? 4 : "other").success, key).toBe(false);
    }
  });
});
