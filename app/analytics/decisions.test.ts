import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "#db/paths.server";
import { applyChoice, checkScenarioSource, enumeratePaths, initialContext, reviewTurns, visibleChoices, type Scenario } from "~/engine";
import { rateTurns } from "./decisions";

/** Whatever the library holds today: the test follows the files, not a fixed list. */
function libraryScenarios(): Scenario[] {
  const folder = path.join(projectRoot, "scenarios");
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith(".mdx"))
    .sort()
    .map((name) => {
      const { scenario, problems } = checkScenarioSource(fs.readFileSync(path.join(folder, name), "utf8"), { path: name, hash: name });
      if (!scenario) throw new Error(`${name} does not check: ${problems.map((problem) => problem.message).join("; ")}`);
      return scenario;
    });
}

const asLogged = (turns: { step: string; choice: string; visible: string[] }[]) =>
  turns.map((turn, index) => ({ turn: index + 1, stepId: turn.step, choiceId: turn.choice, visible: turn.visible }));

describe("one rating everywhere", () => {
  const scenarios = libraryScenarios();

  it("finds the library", () => {
    expect(scenarios.length).toBeGreaterThan(0);
  });

  for (const scenario of scenarios) {
    it(`${scenario.id}: the analytics rate every turn of every path as the debrief does`, () => {
      const paths = enumeratePaths(scenario);
      expect(paths.length).toBeGreaterThan(0);
      let turns = 0;
      for (const { choices } of paths) {
        // Replayed with the engine's rules (the machine's own functions, without an actor per path).
        const context = choices
          .split(",")
          .map(Number)
          .reduce((before, position) => applyChoice(scenario, before, visibleChoices(scenario, before)[position - 1]!.id, false), initialContext(scenario));
        const debrief = reviewTurns(scenario, context).map((review) => review.rating);
        const analytics = rateTurns(scenario, asLogged(context.turns)).map((turn) => turn.rating);
        expect(analytics, `path ${choices}`).toEqual(debrief);
        turns += debrief.length;
      }
      expect(turns).toBeGreaterThan(0);
    });
  }

  it("rates the reply that corrects an earlier promise as the best one where it is offered", () => {
    const scenario = scenarios.find((candidate) => candidate.id === "flooded-kitchen-post");
    if (!scenario) return; // the library is being rewritten; the loop above covers whatever it holds
    const correction = scenario.steps.find((step) => step.id === "details")?.choices.find((choice) => choice.requires.includes("promised-early"));
    if (!correction) return;
    const offered = scenario.steps.find((step) => step.id === "details")!.choices.filter((choice) => !choice.unless.includes("promised-early"));
    const [rated] = rateTurns(scenario, [{ turn: 1, stepId: "details", choiceId: correction.id, visible: offered.map((choice) => choice.id) }]);
    expect(rated?.rating).toBe("best");
  });
});
