import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "#db/paths.server";
import { checkScenarioSource, createScenarioMachine, endingReached, SKILLS } from "~/engine";
import { fastRepliesOf } from "./decisions";
import { seededRandom } from "~/engine/random";
import { simulateAttempt } from "./synthetic";

function load(name: string) {
  const source = fs.readFileSync(path.join(projectRoot, "scenarios", `${name}.mdx`), "utf8");
  const { scenario } = checkScenarioSource(source, { path: name, hash: "h" });
  if (!scenario) throw new Error(`${name} does not check`);
  return { scenario, machine: createScenarioMachine(scenario) };
}

describe("simulateAttempt", () => {
  it("always reaches an ending through the real machine", () => {
    const { scenario, machine } = load("flooded-kitchen-post");
    const random = seededRandom(7);
    for (let i = 0; i < 50; i++) {
      const attempt = simulateAttempt(scenario, machine, random(), random);
      expect(endingReached(scenario, attempt.snapshot.context)).not.toBeNull();
      expect(attempt.turns.map((turn) => turn.choiceId)).toEqual(attempt.snapshot.context.turns.map((turn) => turn.choice));
    }
  });

  it("is reproducible from its seed", () => {
    const { scenario, machine } = load("parcel-third-call");
    const run = () => simulateAttempt(scenario, machine, 0.5, seededRandom(42)).turns;
    expect(run()).toEqual(run());
  });

  it("scores skilled trainees higher than unskilled ones", () => {
    const { scenario, machine } = load("estimated-bill-email");
    const random = seededRandom(3);
    const mean = (skill: number) => {
      const overalls = Array.from({ length: 200 }, () => simulateAttempt(scenario, machine, skill, random).result.overall ?? 0);
      return overalls.reduce((sum, value) => sum + value, 0) / overalls.length;
    };
    expect(mean(0.9)).toBeGreaterThan(mean(0.3) + 15);
  });

  it("keeps every skill score within 0..100", () => {
    const { scenario, machine } = load("gluten-free-swap");
    const random = seededRandom(11);
    for (let i = 0; i < 50; i++) {
      const { result } = simulateAttempt(scenario, machine, random(), random);
      for (const skill of SKILLS) {
        const score = result.skills[skill]?.score;
        if (score !== undefined) expect(score).toBeGreaterThanOrEqual(0);
        if (score !== undefined) expect(score).toBeLessThanOrEqual(100);
      }
    }
  });
});

describe("synthetic reply times", () => {
  const names = fs.readdirSync(path.join(projectRoot, "scenarios")).filter((name) => name.endsWith(".mdx")).map((name) => name.replace(/\.mdx$/, ""));

  it("read at a human pace: no reply of an ordinary simulated attempt is faster than reading", () => {
    const random = seededRandom(5);
    for (const name of names) {
      const { scenario, machine } = load(name);
      for (let i = 0; i < 100; i++) {
        const { snapshot, turns } = simulateAttempt(scenario, machine, random(), random);
        const logged = turns.map((turn, index) => ({ turn: index + 1, stepId: turn.stepId, responseMs: turn.responseMs, visible: snapshot.context.turns[index]!.visible }));
        expect(fastRepliesOf(scenario, logged).fast, `${name}: ${JSON.stringify(turns)}`).toBe(0);
        // On time means within the patience, as the server would judge it.
        for (const [index, turn] of turns.entries()) {
          const patience = scenario.steps.find((step) => step.id === turn.stepId)!.patience;
          if (patience !== null && !turn.late) expect(turn.responseMs, `${name} turn ${index + 1}`).toBeLessThanOrEqual(patience * 1000);
        }
      }
    }
  });

  it("flags a rushed attempt: the longest reply every time, faster than it can be read", () => {
    const random = seededRandom(9);
    for (const name of names) {
      const { scenario, machine } = load(name);
      const { snapshot, turns } = simulateAttempt(scenario, machine, 0.5, random, { rushed: true });
      const logged = turns.map((turn, index) => ({ turn: index + 1, stepId: turn.stepId, responseMs: turn.responseMs, visible: snapshot.context.turns[index]!.visible }));
      expect(fastRepliesOf(scenario, logged).flagged, name).toBe(true);
    }
  });
});
