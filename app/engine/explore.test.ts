import { describe, expect, it } from "vitest";
import { cycleSteps, explore } from "./explore";
import { checkWithSource, errors, valid } from "./__fixtures__/helpers";
import { generateExplosive, generateScenario } from "./__fixtures__/generate";
import { checkScenarioSource } from "./check";

const ending = (id: string, outcome = "neutral") => `<Ending id="${id}" outcome="${outcome}">\n${id}.\n</Ending>\n`;
const step = (id: string, ...choices: string[]) =>
  `<Step id="${id}">\n  <Customer>At ${id}.</Customer>\n${choices.map((c) => `  ${c}`).join("\n")}\n</Step>\n\n`;

describe("reachability comes from the real state space, not the bare graph", () => {
  it("a step behind a flag nothing sets is unreachable", () => {
    const body =
      step("a", '<Choice to="b" listening={1}>To b.</Choice>', '<Choice to="secret" requires="vip">To secret.</Choice>') +
      step("b", '<Choice to="done" listening={1}>Done.</Choice>', '<Choice to="done">Also done.</Choice>') +
      step("secret", '<Choice to="done">Done.</Choice>', '<Choice to="done" listening={1}>Done too.</Choice>') +
      ending("done");
    const { result, at } = checkWithSource(body);
    expect(errors(result)).toEqual([`${at('<Step id="secret">')}:unreachable`]);
  });

  it("a flag set on one way makes a later `unless` choice disappear: a dead end on that way only", () => {
    const body =
      step("a", '<Choice to="b" set="promised">Promise.</Choice>', '<Choice to="b" listening={1}>Be honest.</Choice>') +
      step("b", '<Choice to="done" unless="promised">Fine.</Choice>', '<Choice to="done" unless="promised" listening={1}>Good.</Choice>') +
      ending("done");
    const { result, at } = checkWithSource(body);
    expect(errors(result)).toEqual([`${at('<Step id="b">')}:dead-end`]);
    expect(result.problems.find((p) => p.rule === "dead-end")?.message).toContain("after choices 1; flags: promised");
  });

  it("entry limits: a loop with no way out becomes a dead end on the third visit", () => {
    const body =
      step("a", '<Choice to="b">Go on.</Choice>', '<Choice to="b" listening={1}>Go on kindly.</Choice>') +
      step("b", '<Choice to="a">Back.</Choice>', '<Choice to="done" requires="never">Out.</Choice>') +
      ending("done");
    const { result, at } = checkWithSource(body);
    const dead = result.problems.find((p) => p.rule === "dead-end");
    expect(dead?.line).toBe(at('<Step id="b">'));
    expect(dead?.message).toContain("after choices 1,1,1");
  });

  it("a choice back to the start step is visible once (the start counts as entered)", () => {
    const body =
      step("a", '<Choice to="a" listening={-1}>Say again?</Choice>', '<Choice to="done" listening={1}>Sure.</Choice>') + ending("done");
    const scenario = valid(body);
    expect(explore(scenario).states).toBe(2); // a (entered once), a (entered twice)
  });

  it("escalation: a step whose only way in always drops the mood to -5 is unreachable; the escalation ending is reachable", () => {
    const body =
      step("a", '<Choice to="b" mood={-3}>Calm down.</Choice>', '<Choice to="done" mood={1} listening={1}>I hear you.</Choice>') +
      step("b", '<Choice to="done">Ok.</Choice>', '<Choice to="done" listening={1}>Fine.</Choice>') +
      ending("done") +
      ending("manager", "escalated");
    const { result, at } = checkWithSource(body, { mood: -2, escalation: "manager" });
    expect(errors(result)).toEqual([`${at('<Step id="b">')}:unreachable`]);
  });

  it("escalation replaces `to` even when `to` is an ending", () => {
    const body =
      step("a", '<Choice to="done" mood={-1}>Bye.</Choice>', '<Choice to="done" mood={1} listening={1}>Thanks.</Choice>') +
      ending("done") +
      ending("manager", "escalated");
    expect(errors(checkWithSource(body, { mood: -4, escalation: "manager" }).result)).toEqual([]);
    // Without a way to -5 the escalation ending can never be reached.
    const { result, at } = checkWithSource(body, { mood: 0, escalation: "manager" });
    expect(errors(result)).toEqual([`${at('<Ending id="manager"')}:unreachable`]);
  });

  it("lateness counts only where a step has patience", () => {
    const body =
      step("a", '<Choice to="done">Hmm.</Choice>', '<Choice to="done" listening={1}>Yes.</Choice>') + ending("done") + ending("manager", "escalated");
    // At -4 a late reply (phone: 45 s) reaches -5 and escalates.
    expect(errors(checkWithSource(body, { mood: -4, escalation: "manager", channel: "phone" }).result)).toEqual([]);
    // By email there is no patience, so the escalation ending is unreachable.
    const { result, at } = checkWithSource(body, { mood: -4, escalation: "manager", channel: "email" });
    expect(errors(result)).toEqual([`${at('<Ending id="manager"')}:unreachable`]);
  });

  it("mood and escalation decide which flags can be set, and so what can be reached", () => {
    // The only way to set "checked" costs 2 mood; "done" needs it.
    const body =
      step("a", '<Choice to="b" set="checked" mood={-2}>Check.</Choice>', '<Choice to="b" unless="rushed" set="rushed" listening={1}>Rush.</Choice>') +
      step("b", '<Choice to="a" mood={-1}>Back.</Choice>', '<Choice to="done" requires="checked" listening={1}>Done.</Choice>') +
      ending("done") +
      ending("manager", "escalated");
    // From mood -3, "Check" always escalates, so "done" can never be reached.
    const { result, at } = checkWithSource(body, { mood: -3, escalation: "manager" });
    expect(errors(result)).toEqual([`${at('<Ending id="done"')}:unreachable`]);
    // From mood 0 the flag can be set and every state has a way on.
    expect(errors(checkWithSource(body, { mood: 0, escalation: "manager" }).result)).toEqual([]);
  });
});

describe("cycleSteps", () => {
  it("finds steps on cycles, self-loops included, and nothing else", () => {
    const body =
      step("a", '<Choice to="b">1</Choice>', '<Choice to="a">2</Choice>') +
      step("b", '<Choice to="c">1</Choice>', '<Choice to="d">2</Choice>') +
      step("c", '<Choice to="b">1</Choice>', '<Choice to="done">2</Choice>') +
      step("d", '<Choice to="done">1</Choice>', '<Choice to="done" listening={1}>2</Choice>') +
      ending("done");
    expect([...cycleSteps(valid(body))].sort()).toEqual(["a", "b", "c"]);
  });
});

describe("large bit sets (more than 31 tested flags or cycle steps)", () => {
  const N = 35;
  const chain = (last: string[]) =>
    Array.from({ length: N }, (_, i) =>
      step(`s${i}`, `<Choice to="${i + 1 < N ? `s${i + 1}` : "last"}" set="f${i}">A.</Choice>`, `<Choice to="${i + 1 < N ? `s${i + 1}` : "last"}" set="f${i}" listening={1}>B.</Choice>`),
    ).join("") +
    step("last", ...last) +
    ending("done");
  const all = Array.from({ length: N }, (_, i) => `f${i}`).join(" ");

  it("tracks 35 tested flags", () => {
    const ok = chain([`<Choice to="done" requires="${all}">Yes.</Choice>`, '<Choice to="done" unless="f34" listening={1}>No.</Choice>']);
    expect(errors(checkWithSource(ok).result)).toEqual([]);
    const { result, at } = checkWithSource(chain(['<Choice to="done" unless="f34">No.</Choice>', `<Choice to="done" unless="f0" requires="${all}">Never.</Choice>`]));
    expect(errors(result)).toEqual([`${at('<Step id="last">')}:dead-end`, `${at('<Ending id="done"')}:unreachable`]);
    expect(result.problems.find((p) => p.rule === "dead-end")?.message).toContain("f34");
  });

  it("tracks entry counts of 35 steps on one cycle", () => {
    const body = chain(['<Choice to="s0">Again.</Choice>', '<Choice to="done" listening={1}>Done.</Choice>']);
    const scenario = valid(body);
    expect(cycleSteps(scenario).size).toBe(N + 1);
    expect(explore(scenario).states).toBe(2 * (N + 1)); // every step once, then once more
    const stuck = body.replace('<Choice to="done" listening={1}>Done.</Choice>', '<Choice to="done" requires="nope">Done.</Choice>');
    const { result, at } = checkWithSource(stuck);
    expect(errors(result)).toContain(`${at('<Step id="last">')}:dead-end`);
  });
});

describe("too-complex", () => {
  it("stops beyond 200,000 states with an error", () => {
    const result = checkScenarioSource(generateExplosive(20), { path: "x.mdx", hash: "h" });
    expect(result.scenario).toBeNull();
    expect(result.problems.filter((p) => p.severity === "error").map((p) => p.rule)).toEqual(["too-complex"]);
  });

  it("stays well under the limit for a generated 40-step scenario with 4 flags and 3 loops", () => {
    const result = checkScenarioSource(generateScenario({ steps: 40, flags: 4, loops: 3 }), { path: "g.mdx", hash: "h" });
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(explore(result.scenario!).states).toBeLessThan(200_000);
  });
});
