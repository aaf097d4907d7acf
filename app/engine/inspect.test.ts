import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { visibleChoices } from "./attempt";
import { checkScenarioSource } from "./check";
import { inspectAttempt } from "./inspect";
import { advanceAttempt, createScenarioMachine, startSnapshot } from "./machine";
import type { AttemptSnapshot } from "./machine";
import { reviewTurns } from "./scoring";
import { defaultStartPoint, startSnapshotAt } from "./start-at";
import { previewScenario } from "./__fixtures__/preview";

const scenario = previewScenario();
const machine = createScenarioMachine(scenario);
const play = (choices: string[], from: AttemptSnapshot = startSnapshot(machine)) =>
  choices.reduce((snapshot, choiceId) => advanceAttempt(machine, scenario, snapshot, { choiceId, late: false }), from);
const inspect = (choices: string[], from?: AttemptSnapshot) => inspectAttempt(scenario, play(choices, from).context);
const summary = (view: ReturnType<typeof inspectAttempt>) => view.choices.map((c) => [c.id, c.visible, c.hidden, c.rating]);

describe("the state inspector", () => {
  it("at the start: the first step, the starting mood within its bounds, nothing earned, every reply rated", () => {
    const view = inspect([]);
    expect(view).toMatchObject({ node: { id: "greet", kind: "step" }, ending: null, start: "greet", turns: 0, last: null, flags: [], overall: null });
    expect(view.mood).toEqual({ value: 0, min: -5, max: 5, atStart: 0 });
    expect(view.visits).toEqual([
      { step: "greet", entries: 1, limit: 2 },
      { step: "details", entries: 0, limit: 2 },
      { step: "check", entries: 0, limit: 2 },
      { step: "promise", entries: 0, limit: 2 },
    ]);
    expect(view.skills.map((s) => [s.skill, s.points, s.most, s.assessed, s.score])).toEqual([
      ["listening", 0, 0, 0, null],
      ["empathy", 0, 0, 0, null],
      ["calm", 0, 0, 0, null],
      ["persuasion", 0, 0, 0, null],
      ["expectations", 0, 0, 0, null],
    ]);
    expect(view.assessed).toEqual(["listening", "empathy", "calm"]);
    expect(view.best).toBe("greet.1");
    expect(view.choices.map((c) => [c.id, c.position, c.rating, c.quality === null ? null : Number(c.quality.toFixed(3)), c.moodAfter, c.leadsTo])).toEqual([
      ["greet.1", 1, "best", 1, 1, "details"],
      ["greet.2", 2, "poor", 0.333, -1, "details"],
      ["greet.3", 3, "poor", 0.111, -2, "lost"],
    ]);
    expect(view.choices[1]).toMatchObject({ deltas: { listening: -1, empathy: 0, calm: 0, persuasion: 0, expectations: 0 }, mood: -1, set: ["rushed"], to: "details" });
  });

  it("after replies: running points against the most they could have been, flags, visits, and why replies are hidden", () => {
    const looped = inspect(["greet.2", "details.3"]);
    expect(looped.choices.find((c) => c.id === "details.3")).toMatchObject({ visible: false, hidden: [{ kind: "visits", step: "details", entries: 2, limit: 2 }], rating: null });

    const view = inspect(["greet.2", "details.3", "details.2"]);
    expect(view.node).toEqual({ id: "check", kind: "step" });
    expect(view.flags).toEqual(["rushed"]);
    expect(view.mood).toEqual({ value: -1, min: -5, max: 5, atStart: 0 });
    expect(view.visits.map((v) => v.entries)).toEqual([1, 2, 1, 0]);
    expect(view.last).toMatchObject({ step: "details", choice: "details.2", entered: "check", moodBefore: -2, mood: -1 });
    expect(view.skills.map((s) => [s.skill, s.points, s.most, s.assessed, s.score])).toEqual([
      ["listening", -2, 4, 3, 33],
      ["empathy", 0, 3, 3, 0],
      ["calm", 0, 0, 1, 100],
      ["persuasion", 0, 0, 0, null],
      ["expectations", 2, 4, 2, 75],
    ]);
    expect(view.overall).toBe(52);
    expect(summary(view)).toEqual([
      ["check.1", false, [{ kind: "requires", flags: ["promised"] }], null],
      ["check.2", true, [], "best"],
      ["check.3", false, [{ kind: "unless", flags: ["rushed"] }], null],
      ["check.4", true, [], "poor"],
    ]);
    expect(view.best).toBe("check.2");
  });

  it("gives every reason a reply is hidden", () => {
    const start = startSnapshotAt(machine, scenario, { stepId: "check", mood: 0, flags: ["promised", "rushed"], visits: { greet: 2 } });
    const view = inspectAttempt(scenario, start.context);
    expect(view.choices.find((c) => c.id === "check.3")!.hidden).toEqual([
      { kind: "unless", flags: ["rushed"] },
      { kind: "visits", step: "greet", entries: 2, limit: 2 },
    ]);
    expect(view.start).toBe("check");
    expect(summary(view).map(([id, visible]) => [id, visible])).toEqual([
      ["check.1", true],
      ["check.2", false],
      ["check.3", false],
      ["check.4", true],
    ]);
  });

  it("shows where a reply would escalate", () => {
    const view = inspectAttempt(scenario, startSnapshotAt(machine, scenario, { ...defaultStartPoint(scenario), stepId: "check", mood: -3 }).context);
    expect(view.choices.find((c) => c.id === "check.3")).toMatchObject({ to: "greet", leadsTo: "manager", escalates: true, moodAfter: -5 });
    expect(view.choices.find((c) => c.id === "check.2")).toMatchObject({ to: "resolved", leadsTo: "resolved", escalates: false, moodAfter: -2 });
  });

  it("at an ending: the ending, no replies, no best", () => {
    const view = inspect(["greet.1", "details.2", "check.2"]);
    expect(view).toMatchObject({ node: { id: "resolved", kind: "ending" }, ending: { id: "resolved", outcome: "satisfied", resolved: true }, choices: [], best: null, turns: 3 });
  });
});

describe.each(readdirSync(new URL("../../scenarios/", import.meta.url)).filter((f) => f.endsWith(".mdx")))("the inspector agrees with the engine in %s", (file) => {
  const s = checkScenarioSource(readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), "utf8"), { path: file, hash: "c".repeat(64) }).scenario!;
  const m = createScenarioMachine(s);

  it("on visibility, on the debrief's rating of the reply chosen, and on points never above the most", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 2 * s.steps.length, maxLength: 2 * s.steps.length }), (picks) => {
        let snapshot = startSnapshot(m);
        for (const pick of picks) {
          const view = inspectAttempt(s, snapshot.context);
          for (const skill of view.skills) expect(skill.points).toBeLessThanOrEqual(skill.most);
          if (view.ending) break;
          const visible = visibleChoices(s, snapshot.context);
          expect(view.choices.filter((c) => c.visible).map((c) => c.id)).toEqual(visible.map((c) => c.id));
          for (const c of view.choices) expect(c.hidden.length === 0).toBe(c.visible);
          const chosen = visible[pick % visible.length]!;
          snapshot = advanceAttempt(m, s, snapshot, { choiceId: chosen.id, late: false });
          const turn = reviewTurns(s, snapshot.context).at(-1)!;
          expect(view.choices.find((c) => c.id === chosen.id)!.rating).toBe(turn.rating);
          expect(view.best ?? turn.best).toBe(turn.best);
        }
      }),
      { numRuns: 25 },
    );
  });
});
