import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { applyChoice, endingReached, initialContext, visibleChoices } from "./attempt";
import type { AttemptContext } from "./attempt";
import { apologyCount, auditLibrary, auditScenario, findDecisions, pickApologetic, pickLongest, randomExpectation } from "./audit";
import { checkScenarioSource } from "./check";
import { lineOf, source, valid } from "./__fixtures__/helpers";
import { scoreAttempt } from "./scoring";
import type { Choice, Scenario } from "./types";

const ending = (id: string, outcome = "neutral") => `<Ending id="${id}" outcome="${outcome}">\n${id}.\n</Ending>\n`;
const step = (id: string, ...choices: string[]) =>
  `<Step id="${id}">\n  <Customer>At ${id}.</Customer>\n${choices.map((c) => `  ${c}`).join("\n")}\n</Step>\n\n`;
const rules = (audit: ReturnType<typeof auditScenario>) => audit.findings.map((f) => `${f.line}:${f.severity}:${f.rule}`);

describe("a library that cues by length", () => {
  const body =
    step("one", '<Choice to="two" listening={2}>A long, careful reply that hears her out properly.</Choice>', '<Choice to="two" listening={-1}>No.</Choice>') +
    step("two", '<Choice to="end">Fine.</Choice>', '<Choice to="end" empathy={2}>I am here to help you with all of this today.</Choice>') +
    ending("end");
  const text = source(body);
  const audit = auditScenario(valid(body));

  it("the longest strategy scores 100 and the shares show it", () => {
    expect(audit.strategies.longest).toBe(100);
    expect(audit.strategies.first).toBe(50); // listening 100, empathy 0
    expect(audit.strategies.random).toBe(50); // two independent halves
    expect(audit.longestBest).toEqual({ count: 2, of: 2, share: 1 });
    expect(audit.shortestBest).toEqual({ count: 0, of: 2, share: 0 });
    expect(audit.tempting).toEqual({ count: 0, of: 2, share: 0 });
  });

  it("warns at the best replies and at each step with nothing tempting", () => {
    expect(rules(audit)).toEqual([
      `${lineOf(text, '<Step id="one">')}:warning:audit-no-tempting`,
      `${lineOf(text, "A long, careful")}:warning:audit-longest-best`,
      `${lineOf(text, '<Step id="two">')}:warning:audit-no-tempting`,
      `${lineOf(text, "I am here")}:warning:audit-longest-best`,
    ]);
    expect(audit.findings[1]!.message).toContain("50 characters against 3");
  });
});

describe("much the longest means at least 1.3 times the next longest", () => {
  const longestBest = (best: string) =>
    auditScenario(valid(step("a", `<Choice to="end" listening={1}>${best}</Choice>`, '<Choice to="end" mood={1}>0123456789</Choice>') + ending("end")))
      .findings.map((f) => f.rule)
      .includes("audit-longest-best");

  it("warns at 13 characters against 10, not at 12", () => {
    expect(longestBest("0123456789abc")).toBe(true);
    expect(longestBest("0123456789ab")).toBe(false);
  });
});

describe("a library that does not", () => {
  // Qualities (listening, empathy, expectations): short question 1, warm promise 4/9, brush-off 1/6.
  // The question ties the warm promise in empathy, so the best reply is top in every skill.
  const body =
    step(
      "late",
      '<Choice to="end" listening={-1} expectations={-1}>Orders take a while; I am sure it will turn up eventually.</Choice>',
      '<Choice to="end" empathy={1} expectations={-2} mood={1}>I am so sorry, I understand how frustrating this is. I will refund everything right now, today.</Choice>',
      '<Choice to="end" listening={2} empathy={1}>Which order is it?</Choice>',
    ) + ending("end");
  const audit = auditScenario(valid(body));

  it("gives naive strategies low scores and the best reply is the shortest", () => {
    expect(audit.strategies.longest).toBe(44); // (1/3 + 1 + 0) / 3
    expect(audit.strategies.apologetic).toBe(44);
    expect(audit.strategies.first).toBe(17); // (0 + 0 + 1/2) / 3
    expect(audit.strategies.random).toBeCloseTo((44 + 17 + 100) / 3, 5) // the mean of the three rounded overall scores;
    expect(audit.longestBest.share).toBe(0);
    expect(audit.shortestBest.share).toBe(1);
    expect(audit.tempting.share).toBe(1);
    expect(audit.decisions[0]!.tempting).toEqual(["late.2"]);
    expect(audit.findings).toEqual([]);
  });
});

describe("random is the exact expectation over uniform picks", () => {
  it("matches a hand computation on a branching scenario", () => {
    // a.2 ends at once with listening 0 (prob 1/2, overall 0); a.1 then b: 100, 75 or 50 (1/6 each).
    const body =
      step("a", '<Choice to="b" listening={1}>On.</Choice>', '<Choice to="end">Stop.</Choice>') +
      step("b", '<Choice to="end" empathy={2}>Two.</Choice>', '<Choice to="end" empathy={1}>One.</Choice>', '<Choice to="end">Zero.</Choice>') +
      ending("end");
    expect(randomExpectation(valid(body))).toEqual({ expected: 37.5, unscored: 0 });
  });

  it("leaves attempts without a score out, and says how likely they are", () => {
    const body =
      step("a", '<Choice to="b">On.</Choice>', '<Choice to="end">Stop.</Choice>') +
      step("b", '<Choice to="end" empathy={2}>Two.</Choice>', '<Choice to="end">Zero.</Choice>') +
      ending("end");
    expect(randomExpectation(valid(body))).toEqual({ expected: 50, unscored: 0.5 });
  });

  const brute = (scenario: Scenario) => {
    let total = 0;
    let scored = 0;
    const walk = (context: AttemptContext, p: number) => {
      if (endingReached(scenario, context)) {
        const overall = scoreAttempt(scenario, context).overall;
        if (overall !== null) [total, scored] = [total + p * overall, scored + p];
        return;
      }
      const visible = visibleChoices(scenario, context);
      for (const c of visible) walk(applyChoice(scenario, context, c.id, false), p / visible.length);
    };
    walk(initialContext(scenario), 1);
    return total / scored;
  };

  it.each(["parcel-third-call", "returns-desk-loop"])("agrees with walking every path of %s", (name) => {
    const text = readFileSync(new URL(`__fixtures__/shared/${name}.mdx`, import.meta.url), "utf8");
    const scenario = checkScenarioSource(text, { path: name, hash: "0".repeat(64) }).scenario!;
    expect(randomExpectation(scenario).expected).toBeCloseTo(brute(scenario), 5);
  });
});

describe("apologetic replies", () => {
  const reply = (id: string, text: string) => ({ id, text: { text } }) as Choice;

  it("counts each phrase, whole words, any case and spacing", () => {
    expect(apologyCount("I'm so sorry, I apologise. SORRY again!")).toBe(3);
    expect(apologyCount("I  understand it's frustrating; our fault, our inconvenience.")).toBe(4);
    expect(apologyCount("Apologies, I apologize for the apology.")).toBe(3);
    expect(apologyCount("Sorrowful, misunderstanding, regretful")).toBe(0);
  });

  it("breaks ties by length, then takes the first as written", () => {
    expect(pickApologetic([reply("a", "Sorry."), reply("b", "Sorry about that."), reply("c", "Please hold.")]).id).toBe("b");
    expect(pickApologetic([reply("a", "Sorry, A."), reply("b", "Sorry, B.")]).id).toBe("a");
    expect(pickApologetic([reply("a", "A very long reply with nothing of the kind."), reply("b", "Sorry.")]).id).toBe("b");
    expect(pickLongest([reply("a", "Same."), reply("b", "Same!")]).id).toBe("a");
  });
});

describe("duplicates, flags and empty decisions", () => {
  it("warns about identical texts unless flags keep them apart", () => {
    const body =
      step("a", '<Choice to="b" set="f" listening={1}>Okay then.</Choice>', '<Choice to="b">okay   THEN.</Choice>') +
      step(
        "b",
        '<Choice to="end" requires="f" empathy={1}>Right.</Choice>',
        '<Choice to="end" unless="f" empathy={1}>Right.</Choice>',
        '<Choice to="end" mood={1}>Wrong.</Choice>',
      ) +
      ending("end");
    const text = source(body);
    const audit = auditScenario(valid(body));
    expect(audit.findings.filter((f) => f.rule.includes("duplicate")).map((f) => `${f.line}:${f.severity}:${f.rule}`)).toEqual([
      `${lineOf(text, "okay   THEN")}:warning:audit-duplicate-text`,
      `${lineOf(text, 'unless="f"')}:info:audit-exclusive-duplicate`,
    ]);
  });

  it("a step whose replies depend on a flag gives two decisions", () => {
    const body =
      step("a", '<Choice to="b" set="f" listening={1}>Promise.</Choice>', '<Choice to="b">Be plain.</Choice>') +
      step(
        "b",
        '<Choice to="end" unless="f" empathy={1}>Plain.</Choice>',
        '<Choice to="end" requires="f" empathy={-1}>Correct the promise.</Choice>',
        '<Choice to="end">Neither.</Choice>',
      ) +
      ending("end");
    const decisions = findDecisions(valid(body));
    expect(decisions.map((d) => `${d.step.id}:${d.visible.map((c) => c.id).join(",")}`)).toEqual(["a:a.1,a.2", "b:b.2,b.3", "b:b.1,b.3"]);
  });

  it("a decision that assesses nothing is a warning and is left out of the shares", () => {
    const body =
      step("a", '<Choice to="b" listening={1}>Yes.</Choice>', '<Choice to="b">No.</Choice>') +
      step("b", '<Choice to="end" calm={1}>Fine.</Choice>', '<Choice to="end" calm={1} mood={1}>Also fine.</Choice>') +
      ending("end");
    const text = source(body);
    const audit = auditScenario(valid(body));
    expect(audit.decisions).toHaveLength(2);
    expect(audit.assessing).toBe(1);
    expect(audit.longestBest.of).toBe(1);
    const empty = audit.findings.find((f) => f.rule === "audit-no-skill-difference");
    expect(empty?.line).toBe(lineOf(text, '<Step id="b">'));
    expect(empty?.message).toContain("the 2 replies on offer");
  });
});

describe("the library summary", () => {
  it("pools the shares, averages strategies and counts breadth", () => {
    const cue = valid(step("a", '<Choice to="end" listening={1}>A longer reply.</Choice>', '<Choice to="end">Short.</Choice>') + ending("end"), { id: "cue" });
    const fair = valid(step("a", '<Choice to="end" mood={1}>A longer reply.</Choice>', '<Choice to="end" calm={1}>Short.</Choice>') + ending("end"), {
      id: "fair",
      persona: "angry",
      channel: "chat",
      difficulty: 3,
    });
    const library = auditLibrary([cue, fair]);
    expect(library.longestBest).toEqual({ count: 1, of: 2, share: 0.5 });
    expect(library.tempting).toEqual({ count: 1, of: 2, share: 0.5 });
    expect(library.strategies.longest).toBe(50); // 100 and 0
    expect(library.strategies.random).toBe(50);
    expect(library.targets).toEqual({ longestBest: false, tempting: false, naive: { longest: true, apologetic: true, first: true } });
    expect(library.breadth.persona).toEqual({ angry: 1, confused: 0, patient: 1 });
    expect(library.breadth.difficulty).toEqual({ 1: 1, 2: 0, 3: 1 });
    expect(library.breadth.skill).toEqual({ listening: 1, empathy: 0, calm: 1, persuasion: 0, expectations: 0 });
  });
});

describe("a best reply beaten in one of the skills it is assessed on", () => {
  // The honest reply is best (quality 5/6 against 1/2) but the warm promise has more empathy,
  // so always choosing the best scores 50 in empathy, not 100.
  const body =
    step(
      "ask",
      '<Choice to="end" empathy={1} expectations={2}>It will be Thursday.</Choice>',
      '<Choice to="end" empathy={2} expectations={-2}>Oh no, it will be there tomorrow, I promise.</Choice>',
      '<Choice to="end" empathy={0} expectations={0}>Let me look.</Choice>',
    ) + ending("end");
  const text = source(body);

  it("warns at the best reply and names the skill", () => {
    const audit = auditScenario(valid(body));
    const finding = audit.findings.find((f) => f.rule === "audit-best-not-top");
    expect(finding).toMatchObject({ line: lineOf(text, "It will be Thursday."), severity: "warning" });
    expect(finding!.message).toContain("empathy");
  });

  it("is silent once the best reply ties the warm one in empathy", () => {
    const tied = body.replace("empathy={1} expectations={2}", "empathy={2} expectations={2}");
    expect(auditScenario(valid(tied)).findings.map((f) => f.rule)).not.toContain("audit-best-not-top");
  });
});
