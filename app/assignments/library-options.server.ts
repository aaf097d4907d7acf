import type { Channel, Persona } from "~/domain/vocabulary";
import { getLibrary } from "~/library/catalog.server";

/** A published scenario as the assignment and pathway pages offer it. */
export type ScenarioOption = { id: string; title: string; difficulty: 1 | 2 | 3; persona: Persona; channel: Channel };

/** Every published scenario, gentlest first, then by title: the order a new pathway starts in. */
export async function scenarioOptions(): Promise<ScenarioOption[]> {
  const library = await getLibrary();
  return library.scenarios
    .map(({ scenario }) => ({ id: scenario.id, title: scenario.title, difficulty: scenario.difficulty, persona: scenario.persona, channel: scenario.channel }))
    .sort((a, b) => a.difficulty - b.difficulty || a.title.localeCompare(b.title));
}

/** The library's titles by scenario id; a scenario missing here is no longer published. */
export async function scenarioTitles(): Promise<Map<string, string>> {
  const library = await getLibrary();
  return new Map(library.scenarios.map((entry) => [entry.scenario.id, entry.scenario.title]));
}
