import * as z from "zod";
import { createScenarioMachine, type Scenario, type ScenarioMachine } from "~/engine";
import { COMPILED_FORMAT } from "~/library/compile.server";
import type { LoadedScenario } from "~/library/library.server";
import { findScenarioVersionJson, saveScenarioVersion } from "~/models/attempt.server";

/** One scenario version as an attempt sees it: the graph, its HTML pieces and its machine. */
export type PinnedVersion = {
  hash: string;
  scenario: Scenario;
  html: Record<string, string>;
  machine: ScenarioMachine;
};

const StoredVersion = z.object({
  format: z.literal(COMPILED_FORMAT),
  hash: z.string(),
  // The graph was validated by the engine before it was stored; here we only check its envelope.
  scenario: z.custom<Scenario>((value) => typeof value === "object" && value !== null && "steps" in value && "endings" in value),
  html: z.record(z.string(), z.string()),
});

// Versions never change (they are addressed by content hash), so they can be kept for the process.
const pinned = new Map<string, PinnedVersion>();

function remember(hash: string, scenario: Scenario, html: Record<string, string>): PinnedVersion {
  const version = { hash, scenario, html, machine: createScenarioMachine(scenario) };
  pinned.set(hash, version);
  return version;
}

/** Stores the version an attempt is about to begin on, so it outlives edits to its file. */
export async function pinVersion(entry: LoadedScenario): Promise<PinnedVersion> {
  await saveScenarioVersion({
    hash: entry.hash,
    scenarioId: entry.scenario.id,
    title: entry.scenario.title,
    persona: entry.scenario.persona,
    channel: entry.scenario.channel,
    difficulty: entry.scenario.difficulty,
    compiled: () => JSON.stringify({ format: COMPILED_FORMAT, hash: entry.hash, scenario: entry.scenario, html: entry.html }),
  });
  return pinned.get(entry.hash) ?? remember(entry.hash, entry.scenario, entry.html);
}

export async function loadVersion(hash: string): Promise<PinnedVersion | undefined> {
  const known = pinned.get(hash);
  if (known) return known;
  const json = await findScenarioVersionJson(hash);
  if (!json) return undefined;
  const stored = StoredVersion.parse(JSON.parse(json));
  return remember(hash, stored.scenario, stored.html);
}
