// Authored positions under the shuffle. The play page shows an attempt's replies in an order of its
// own, so "reply 1" on screen means nothing to a test. Tests keep saying which reply they mean the
// way `scenarios play --choices` does (the n-th visible reply in the order the file lists them);
// these helpers read the scenario through the engine, the same check the server runs, and turn such
// a position into the choice id the test then clicks or posts.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { applyChoice, currentStep, initialContext, playByPositions, reviewTurns, visibleChoices, type AttemptResult, type Choice, type Ending, type Rating, type Scenario, type Step } from "~/engine";
import { checkFiles, findScenarioFiles } from "~/library/files.server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The library the suite's server publishes. */
export const LIBRARY_DIR = path.join(root, "scenarios");

const cache = new Map<string, Scenario[]>();

/** Every valid scenario under the given files or folders (cached: the files do not change during a run). */
function scenariosIn(target: string): Scenario[] {
  let found = cache.get(target);
  if (!found) {
    found = checkFiles(findScenarioFiles([target])).flatMap((file) => (file.scenario ? [file.scenario] : []));
    cache.set(target, found);
  }
  return found;
}

/** The scenarios the library publishes (or another file or folder holds): every file that passes the check. */
export function publishedScenarios(from: string = LIBRARY_DIR): readonly Scenario[] {
  return scenariosIn(from);
}

/** How many scenarios the library publishes: every file that passes the check. */
export function publishedCount(from: string = LIBRARY_DIR): number {
  return scenariosIn(from).length;
}

/** A scenario by its id or its title, from the library or another file or folder (a test's own server). */
export function authoredScenario(idOrTitle: string, from: string = LIBRARY_DIR): Scenario {
  const scenario = scenariosIn(from).find((candidate) => candidate.id === idOrTitle || candidate.title === idOrTitle);
  if (!scenario) throw new Error(`no valid scenario "${idOrTitle}" in ${from}`);
  return scenario;
}

/** The shown choice ids (in any order) in the order the scenario file lists them. */
export function inAuthoredOrder(scenario: Scenario, shown: readonly string[]): string[] {
  const step = scenario.steps.find((candidate) => candidate.choices.some((choice) => choice.id === shown[0]));
  if (!step) throw new Error(`${scenario.id} has no step with the choice "${shown[0]}"`);
  const authored = step.choices.map((choice) => choice.id).filter((id) => shown.includes(id));
  if (authored.length !== shown.length) throw new Error(`${shown.join(", ")} are not all replies of step "${step.id}" of ${scenario.id}`);
  return authored;
}

/** The id of the reply at an authored position (1-based, among the shown ones), as `scenarios play --choices` counts. */
export function authoredChoiceId(scenario: Scenario, shown: readonly string[], position: number): string {
  const id = inAuthoredOrder(scenario, shown)[position - 1];
  if (!id) throw new Error(`${scenario.id}: no reply ${position} among ${shown.length} shown (${shown.join(", ")})`);
  return id;
}

/** What the engine makes of a path of authored positions (as `scenarios play --choices` plays it). */
export type AuthoredPath = {
  result: AttemptResult;
  /** The steps the conversation went through, in order (a step entered twice appears twice). */
  steps: Step[];
  /** The reply picked at each turn. */
  picks: Choice[];
  /** Each turn's rating in the debrief (null where the turn assessed nothing). */
  ratings: (Rating | null)[];
  ending: Ending;
};

/** Plays authored positions through the engine, as `scenarios play --choices` does; throws if the path is not a whole conversation. */
export function authoredPath(scenario: Scenario, positions: readonly number[]): AuthoredPath {
  const played = playByPositions(scenario, positions);
  if (!played.ok) throw new Error(`${scenario.id} --choices ${positions.join(",")}: ${played.message}`);
  const steps = played.context.turns.map((turn) => scenario.steps.find((step) => step.id === turn.step)!);
  const picks = played.context.turns.map((turn) => steps.flatMap((step) => step.choices).find((choice) => choice.id === turn.choice)!);
  const ending = scenario.endings.find((candidate) => candidate.id === played.result.ending)!;
  return { result: played.result, steps, picks, ratings: reviewTurns(scenario, played.context).map((turn) => turn.rating), ending };
}

/** The step a scenario shows after these authored positions (the first step for none), through the engine. */
export function stepAfter(scenario: Scenario, positions: readonly number[]): Step {
  let context = initialContext(scenario);
  for (const [turn, position] of positions.entries()) {
    const choice = visibleChoices(scenario, context)[position - 1];
    if (!choice) throw new Error(`${scenario.id}: turn ${turn + 1} has no reply ${position}`);
    context = applyChoice(scenario, context, choice.id, false);
  }
  const step = currentStep(scenario, context);
  if (!step) throw new Error(`${scenario.id} --choices ${positions.join(",")} has ended the conversation`);
  return step;
}
