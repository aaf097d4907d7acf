import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "#db/paths.server";
import { checkScenarioSource, createScenarioMachine, endingReached, SKILLS } from "~/engine";
import { seededRandom, simulateAttempt } from "./synthetic";

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
