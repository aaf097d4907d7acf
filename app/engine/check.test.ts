import { describe, expect, it } from "vitest";
import { MAX_PROBLEMS } from "./check";
import { check, checkWithSource, errors, SIMPLE, valid, warnings } from "./__fixtures__/helpers";

/** SIMPLE with one line replaced. */
function variant(from: string, to: string): string {
  if (!SIMPLE.includes(from)) throw new Error(`"${from}" not in SIMPLE`);
  return SIMPLE.replace(from, to);
}

/** Assert the body yields exactly one error with `rule`, on the line containing `needle`. */
function expectError(body: string, rule: string, needle: string, front: Record<string, string | number | null> = {}) {
  const { result, at } = checkWithSource(body, front);
  expect(result.scenario).toBeNull();
  expect(errors(result)).toContain(`${at(needle)}:${rule}`);
  return result;
}

describe("a valid file", () => {
  it("builds the graph with positions, default choice ids and effective patience", () => {
    const scenario = valid(SIMPLE, { channel: "phone" });
    expect(scenario.start).toBe("start");
    expect(scenario.steps.map((s) => s.id)).toEqual(["start", "middle"]);
    expect(scenario.steps[0]!.choices.map((c) => c.id)).toEqual(["start.1", "start.2"]);
    expect(scenario.steps[0]!.patience).toBe(45);
    expect(scenario.steps[0]!.line).toBe(11);
    expect(scenario.steps[0]!.column).toBe(1);
    expect(scenario.steps[0]!.choices[0]!.column).toBe(3);
    expect(scenario.steps[0]!.customer[0]!.text).toBe("Hello.");
    expect(scenario.endings.map((e) => [e.id, e.outcome, e.resolved])).toEqual([
      ["good", "satisfied", true],
      ["bad", "lost", false],
    ]);
  });

  it("takes patience from the step, then the front matter, then the channel", () => {
    const body = variant('<Step id="middle">', '<Step id="middle" patience={20}>');
    const scenario = valid(body, { channel: "chat", patience: 60 });
    expect(scenario.steps.map((s) => s.patience)).toEqual([60, 20]);
    expect(valid(SIMPLE, { channel: "chat" }).steps[0]!.patience).toBe(90);
    expect(valid(SIMPLE, { channel: "social" }).steps[0]!.patience).toBe(90);
    expect(valid(SIMPLE, { channel: "in-person" }).steps[0]!.patience).toBe(45);
    expect(valid(SIMPLE, { channel: "email" }).steps[0]!.patience).toBeNull();
  });

  it("numbers default choice ids among all Choice elements, hidden ones included, and keeps explicit ids", () => {
    const body = variant(
      '<Choice to="middle" listening={-1}>What?</Choice>',
      '<Choice to="middle" requires="never" listening={-1}>What?</Choice>\n  <Choice id="polite" to="middle">Pardon?</Choice>\n  <Choice to="middle" listening={1}>Sure.</Choice>',
    );
    const scenario = valid(body);
    expect(scenario.steps[0]!.choices.map((c) => c.id)).toEqual(["start.1", "start.2", "polite", "start.4"]);
  });

  it("starts at `start` when given and estimates minutes from the best path", () => {
    const twoWays = variant('<Choice to="good" empathy={2}>', '<Choice to="start" calm={1}>Again?</Choice>\n  <Choice to="good" empathy={2}>').replace(
      "<Choice to=\"middle\" listening={-1}>What?</Choice>",
      "<Choice to=\"good\" listening={-1}>Fine.</Choice>",
    );
    expect(valid(twoWays, { start: "middle" }).start).toBe("middle");
    expect(valid(SIMPLE).minutes).toBe(1); // two turns at half a minute
    expect(valid(SIMPLE, { minutes: 7 }).minutes).toBe(7);
  });

  it("reads every literal form of attribute", () => {
    const body = variant(
      '<Ending id="good" outcome="satisfied" resolved>',
      '<Ending id="good" outcome="satisfied" resolved={true}>',
    ).replace('<Ending id="bad" outcome="lost">', '<Ending id="bad" outcome="lost" resolved={false}>');
    const scenario = valid(body);
    expect(scenario.endings.map((e) => e.resolved)).toEqual([true, false]);
    expect(scenario.steps[0]!.choices[1]!.deltas.listening).toBe(-1);
  });

  it("accepts the allowed markdown and links", () => {
    const body = variant(
      "<Customer>Hello.</Customer>",
      "<Customer>\n  Hello *there*, **friend** `code`.\n\n  - one\n  - [two](https://example.com) [mail](mailto:a@example.com) [plain](http://example.com)\n\n  > quoted\n  </Customer>",
    );
    const scenario = valid(body);
    expect(scenario.steps[0]!.customer[0]!.text).toContain("Hello there, friend code.");
  });
});

describe("structure and attribute rules", () => {
  it("mdx-syntax: an unclosed tag", () => {
    expectError(variant("<Customer>Hello.</Customer>", "<Customer>Hello."), "mdx-syntax", "<Customer>Hello.");
  });

  it("unknown-component and html-tag", () => {
    expectError(variant("<Customer>Hello.</Customer>", "<Customer>Hello.</Customer>\n  <Note>hi</Note>"), "unknown-component", "<Note>");
    expectError(variant("<Customer>Hello.</Customer>", "<Customer>Hello.</Customer>\n  <div>hi</div>"), "html-tag", "<div>");
    expectError(variant("<Customer>Hello.</Customer>", "<customer>Hello.</customer>"), "html-tag", "<customer>");
  });

  it("unknown-attribute, missing-attribute and duplicate-attribute", () => {
    expectError(variant("<Customer>Hello.</Customer>", '<Customer tone="warm">Hello.</Customer>'), "unknown-attribute", "tone=");
    expectError(variant('<Choice to="middle" listening={2}>', '<Choice to="middle" kindness={2}>'), "unknown-attribute", "kindness");
    expectError(variant('<Choice to="middle" listening={2}>', "<Choice listening={2}>"), "missing-attribute", "<Choice listening={2}>");
    expectError(variant('<Step id="middle">', "<Step>"), "missing-attribute", "<Step>");
    expectError(variant('<Ending id="bad" outcome="lost">', '<Ending id="bad">'), "missing-attribute", '<Ending id="bad">');
    expectError(variant('<Choice to="middle" listening={2}>', '<Choice to="middle" to="good" listening={2}>'), "duplicate-attribute", 'to="good"');
  });

  it("attribute-value: wrong types and non-literals", () => {
    expectError(variant("listening={2}", 'listening="2"'), "attribute-value", 'listening="2"');
    expectError(variant('to="middle" listening={2}', "to={2} listening={2}"), "attribute-value", "to={2}");
    expectError(variant("listening={2}", "listening={1 + 1}"), "attribute-value", "listening={1 + 1}");
    expectError(variant("listening={2}", "listening={2.5}"), "attribute-value", "listening={2.5}");
    expectError(variant("listening={2}", "listening={-x}"), "attribute-value", "listening={-x}");
    expectError(variant("listening={2}", "listening={-true}"), "attribute-value", "listening={-true}");
    expectError(variant("outcome=\"lost\"", 'outcome="furious"'), "attribute-value", "furious");
    expectError(variant("outcome=\"satisfied\" resolved", 'outcome="satisfied" resolved="yes"'), "attribute-value", 'resolved="yes"');
    expectError(variant('<Step id="middle">', '<Step id="middle" patience={0}>'), "attribute-value", "patience={0}");
  });

  it("spread-attribute and {expressions} in text or between components", () => {
    expectError(variant('<Choice to="middle" listening={2}>', '<Choice {...props} to="middle">'), "spread-attribute", "{...props}");
    expectError(variant("<Customer>Hello.</Customer>", "<Customer>Hello {name}.</Customer>"), "expression", "{name}");
    expectError(variant('<Step id="middle">', '{1 + 1}\n\n<Step id="middle">'), "expression", "{1 + 1}");
  });

  it("esm: import and export anywhere at the top level", () => {
    expectError(`import x from "y"\n${SIMPLE}`, "esm", "import x");
    expectError(`${SIMPLE}\nexport const meta = {}\n`, "esm", "export const");
  });

  it("markdown-not-allowed: headings, images, code blocks, rules, reference links", () => {
    const inBrief = (markdown: string) => `<Brief>\n${markdown}\n</Brief>\n${SIMPLE}`;
    expectError(inBrief("# Heading"), "markdown-not-allowed", "# Heading");
    expectError(inBrief("![alt](https://example.com/a.png)"), "markdown-not-allowed", "![alt]");
    expectError(inBrief("```\ncode\n```"), "markdown-not-allowed", "```");
    expectError(inBrief("a\n\n***\n\nb"), "markdown-not-allowed", "***");
    expectError(inBrief("[text][ref]\n\n[ref]: https://example.com"), "markdown-not-allowed", "[text][ref]");
  });

  it("link-protocol: only http, https and mailto", () => {
    for (const url of ["javascript:alert(1)", "ftp://example.com", "/relative", "data:text/html,x", "JAVASCRIPT:x"]) {
      expectError(variant("Hi, how can I help?", `See [this](${url}).`), "link-protocol", "See [this]");
    }
  });

  it("invalid-id and invalid-flag: kebab-case only", () => {
    expectError(variant('<Step id="middle">', '<Step id="Middle">').replace(/to="middle"/g, 'to="Middle"'), "invalid-id", 'id="Middle"');
    expectError(variant('<Ending id="bad"', '<Ending id="-bad"').replace('to="bad"', 'to="-bad"'), "invalid-id", 'id="-bad"');
    expectError(variant("listening={2}", 'listening={2} id="Choice_One"'), "invalid-id", "Choice_One");
    expectError(variant("listening={2}", 'set="Promised flag!"'), "invalid-flag", "Promised");
  });

  it("duplicate-id: steps, step against ending, explicit choice ids", () => {
    expectError(variant('<Ending id="bad" outcome="lost">', '<Ending id="good" outcome="lost">').replace('to="bad"', 'to="good"'), "duplicate-id", '<Ending id="good" outcome="lost">');
    expectError(variant('<Ending id="bad" outcome="lost">', '<Ending id="middle" outcome="lost">').replace('to="bad"', 'to="good"'), "duplicate-id", '<Ending id="middle"');
    const twice = variant("listening={2}", 'listening={2} id="same"').replace("listening={-1}", 'listening={-1} id="same"');
    expectError(twice, "duplicate-id", "What?");
  });

  it("unknown-target, unknown-start and unknown-escalation", () => {
    expectError(variant('to="good"', 'to="nowhere"'), "unknown-target", "nowhere");
    expectError(SIMPLE, "unknown-start", "start: nowhere", { start: "nowhere" });
    expectError(SIMPLE, "unknown-start", "start: good", { start: "good" });
    expectError(SIMPLE, "unknown-escalation", "escalation: nowhere", { escalation: "nowhere" });
    expectError(SIMPLE, "unknown-escalation", "escalation: middle", { escalation: "middle" });
  });

  it("empty-text for Customer and Choice", () => {
    expectError(variant("<Customer>Hello.</Customer>", "<Customer>   </Customer>"), "empty-text", "<Customer>   </Customer>");
    expectError(variant("<Choice to=\"middle\" listening={-1}>What?</Choice>", '<Choice to="middle" listening={-1}></Choice>'), "empty-text", "listening={-1}></Choice>");
  });

  it("delta-range: skills and mood within -3..3", () => {
    expectError(variant("listening={2}", "listening={4}"), "delta-range", "listening={4}");
    expectError(variant("empathy={-2}", "empathy={-4}"), "delta-range", "empathy={-4}");
    expectError(variant("listening={2}", "listening={2} mood={-9}"), "delta-range", "mood={-9}");
  });

  it("a Step needs Customer and Choice; at most one Coach; at most one Brief", () => {
    expectError(variant("<Customer>My order is late.</Customer>", ""), "step-customer", '<Step id="middle">');
    const noChoices = variant('<Choice to="good" empathy={2}>I\'m sorry, let me check.</Choice>', "").replace('<Choice to="bad" empathy={-2}>Not my problem.</Choice>', "");
    expectError(noChoices, "step-choice", '<Step id="middle">');
    expectError(variant("<Customer>Hello.</Customer>", "<Customer>Hello.</Customer>\n  <Coach>One.</Coach>\n  <Coach>Two.</Coach>"), "duplicate-coach", "<Coach>Two.");
    expectError(`<Brief>One.</Brief>\n\n<Brief>Two.</Brief>\n${SIMPLE}`, "duplicate-brief", "<Brief>Two.");
  });

  it("misplaced-component and stray-content", () => {
    expectError(`<Customer>Loose.</Customer>\n${SIMPLE}`, "misplaced-component", "<Customer>Loose.");
    expectError(variant("<Customer>Hello.</Customer>", '<Customer>Hello.</Customer>\n  <Step id="inner"><Customer>x</Customer><Choice to="good">y</Choice></Step>'), "misplaced-component", '<Step id="inner">');
    expectError(variant("<Customer>Hello.</Customer>", '<Customer>Hello. <Choice to="good">x</Choice></Customer>'), "misplaced-component", "<Customer>Hello. <Choice");
    expectError(`Some loose text.\n${SIMPLE}`, "stray-content", "Some loose text.");
    expectError(variant("<Customer>Hello.</Customer>", "<Customer>Hello.</Customer>\n\n  Loose text in a step."), "stray-content", "Loose text in a step.");
  });

  it("no-steps", () => {
    const { result } = checkWithSource('<Ending id="x" outcome="neutral">\nBye.\n</Ending>\n');
    expect(errors(result)).toContain("1:no-steps");
  });

  it("reports several problems at once, each where it is", () => {
    const body = variant("listening={2}", "listening={7}").replace('to="good"', 'to="nowhere"').replace("<Customer>Hello.</Customer>", "<Customer>Hi {x}</Customer>");
    const { result, at } = checkWithSource(body);
    expect(errors(result)).toEqual(
      expect.arrayContaining([`${at("{x}")}:expression`, `${at("listening={7}")}:delta-range`, `${at("nowhere")}:unknown-target`]),
    );
  });
});

describe("a file with very many problems", () => {
  const withNotes = (count: number) =>
    check(variant("<Customer>Hello.</Customer>", `<Customer>Hello.</Customer>\n${Array.from({ length: count }, (_, i) => `  <Note>${i}</Note>`).join("\n")}`));
  // SIMPLE's own problems (a warning), listed before the notes.
  const own = withNotes(0).problems.length;

  it(`lists the first ${MAX_PROBLEMS} in order, then one line that counts the rest from where they start`, () => {
    const result = withNotes(250);
    expect(result.scenario).toBeNull();
    expect(result.problems).toHaveLength(MAX_PROBLEMS + 1);
    const listed = result.problems.slice(0, MAX_PROBLEMS);
    expect(listed.filter((p) => p.rule === "unknown-component")).toHaveLength(MAX_PROBLEMS - own);
    expect(listed.map((p) => p.line)).toEqual([...listed.map((p) => p.line)].sort((a, b) => a - b));
    const more = result.problems[MAX_PROBLEMS]!;
    expect(more).toMatchObject({ severity: "error", rule: "too-many-problems", line: listed[MAX_PROBLEMS - 1]!.line + 1 });
    expect(more.message).toBe(`${250 + own - MAX_PROBLEMS} more problems from here on are not listed. Fix the ones above (they are often the same mistake repeated) and check again.`);
  });

  it("lists a file with exactly the most problems whole, and one more is the first left out", () => {
    expect(withNotes(MAX_PROBLEMS - own).problems.map((p) => p.rule)).not.toContain("too-many-problems");
    expect(withNotes(MAX_PROBLEMS - own).problems).toHaveLength(MAX_PROBLEMS);
    expect(withNotes(MAX_PROBLEMS - own + 1).problems.at(-1)?.message).toMatch(/^1 more problem from here on is not listed\./);
  });
});

describe("warnings", () => {
  it("never refuse a file", () => {
    const body = variant('<Ending id="good" outcome="satisfied" resolved>', '<Ending id="good" outcome="satisfied">').replace(
      '<Choice to="middle" listening={-1}>What?</Choice>',
      "",
    );
    const { result, at } = checkWithSource(body);
    expect(result.scenario).not.toBeNull();
    expect(warnings(result)).toEqual(
      expect.arrayContaining([`${at('<Ending id="good"')}:unresolved-ending`, `${at('<Step id="start">')}:single-choice`, "1:skill-not-assessed"]),
    );
  });

  it("skill-not-assessed names the skills no reachable turn can assess", () => {
    const { result } = checkWithSource(SIMPLE);
    const warning = result.problems.find((p) => p.rule === "skill-not-assessed");
    expect(warning?.message).toContain("calm, persuasion, expectations");
    expect(warning?.message).not.toContain("listening");
  });

  it("skill-not-assessed looks at reachable states only", () => {
    // Calm differs only between two choices that can never be visible together.
    const body = variant('<Choice to="bad" empathy={-2}>', '<Choice to="bad" empathy={-2} calm={2} requires="never-set">').replace(
      '<Choice to="good" empathy={2}>',
      '<Choice to="good" empathy={2}>',
    );
    const { result } = checkWithSource(body);
    expect(result.problems.find((p) => p.rule === "skill-not-assessed")?.message).toContain("calm");
  });
});
