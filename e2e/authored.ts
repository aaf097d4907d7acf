// Authored positions under the shuffle. The play page shows an attempt's replies in an order of its
// own, so "reply 1" on screen means nothing to a test. Tests keep saying which reply they mean the
// way `scenarios play --choices` does (the n-th visible reply in the order the file lists them);
// these helpers read the scenario through the engine, the same check the server runs, and turn such
// a position into the choice id the test then clicks or posts.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Scenario } from "~/engine";
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
