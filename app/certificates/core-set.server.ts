import * as z from "zod";
import { skillsAssessed } from "~/attempts/practice-cards.server";
import type { Channel, Persona, Skill } from "~/domain/vocabulary";
import { getLibrary } from "~/library/catalog.server";
import { countCertificates } from "~/models/certificate.server";
import { listCoreScenarios, replaceCoreScenarios } from "~/models/core-scenario.server";
import { CORE_SCORE_MIN, SKILL_MASTERY_MIN } from "./rule";

/** The admin's certification page: the library to choose from, the current core set, the rule. */
export type CoreSetPage = {
  scenarios: { id: string; title: string; persona: Persona; channel: Channel; difficulty: 1 | 2 | 3; skills: Skill[]; core: boolean }[];
  /** Core scenarios whose file has left the library: still required until unticked. */
  missing: { id: string; title: string }[];
  certificates: number;
  minScore: number;
  minMastery: number;
};

export async function coreSetPage(): Promise<CoreSetPage> {
  const [library, core, certificates] = await Promise.all([getLibrary(), listCoreScenarios(), countCertificates()]);
  const coreIds = new Set(core.map((row) => row.scenarioId));
  const scenarios = library.scenarios
    .map((entry) => ({
      id: entry.scenario.id,
      title: entry.scenario.title,
      persona: entry.scenario.persona,
      channel: entry.scenario.channel,
      difficulty: entry.scenario.difficulty,
      skills: skillsAssessed(entry),
      core: coreIds.has(entry.scenario.id),
    }))
    .sort((a, b) => a.title.localeCompare(b.title));
  const inLibrary = new Set(scenarios.map((scenario) => scenario.id));
  const missing = core.filter((row) => !inLibrary.has(row.scenarioId)).map((row) => ({ id: row.scenarioId, title: row.lastTitle ?? row.scenarioId }));
  return { scenarios, missing, certificates, minScore: CORE_SCORE_MIN, minMastery: SKILL_MASTERY_MIN };
}

const CoreSetForm = z.object({ scenarioIds: z.array(z.string().trim().min(1).max(200)).max(1000) });

export type SaveCoreSetResult = { ok: true; count: number } | { ok: false; ticked: string[]; unknown: string[] };

/**
 * Saves the ticked scenarios as the core set. Each must be in the library, or already core (a
 * scenario whose file left the library can stay until unticked); anything else refuses the whole
 * save and names the scenario, so a stale page never changes the set halfway.
 */
export async function saveCoreSet(formData: FormData, adminId: number, now: Date = new Date()): Promise<SaveCoreSetResult> {
  const parsed = CoreSetForm.safeParse({ scenarioIds: formData.getAll("scenarioIds") });
  if (!parsed.success) return { ok: false, ticked: [], unknown: [] };
  const ticked = [...new Set(parsed.data.scenarioIds)];
  const [library, core] = await Promise.all([getLibrary(), listCoreScenarios()]);
  const allowed = new Set([...library.scenarios.map((entry) => entry.scenario.id), ...core.map((row) => row.scenarioId)]);
  const unknown = ticked.filter((id) => !allowed.has(id));
  if (unknown.length > 0) return { ok: false, ticked, unknown };
  await replaceCoreScenarios(ticked, adminId, now);
  return { ok: true, count: ticked.length };
}
