import * as z from "zod";
import { assessChoices, CHANNELS, PERSONAS, SKILLS, type Channel, type Persona, type Skill } from "~/engine";
import { getLibrary } from "~/library/catalog.server";
import type { LoadedScenario } from "~/library/library.server";
import { listAttemptsOfUser, type AttemptSummary } from "~/models/attempt.server";

export type CatalogueCard = {
  id: string;
  title: string;
  summary: string;
  persona: Persona;
  channel: Channel;
  customer: string;
  difficulty: 1 | 2 | 3;
  minutes: number;
  skills: Skill[];
  attempts: number;
  best: number | null;
  inProgressAttemptId: number | null;
};

// A loaded scenario never changes (an edit is a new one), so its skills are worked out once.
const assessedBy = new WeakMap<LoadedScenario["scenario"], Skill[]>();

/** Skills some step of the scenario can assess: its choices differ in that skill. */
export function skillsAssessed(entry: LoadedScenario): Skill[] {
  let skills = assessedBy.get(entry.scenario);
  if (!skills) {
    const assessed = new Set(entry.scenario.steps.flatMap((step) => assessChoices(step.choices).assessed));
    skills = SKILLS.filter((skill) => assessed.has(skill));
    assessedBy.set(entry.scenario, skills);
  }
  return skills;
}

export function toCard(entry: LoadedScenario, attempts: readonly AttemptSummary[]): CatalogueCard {
  const { scenario } = entry;
  const mine = attempts.filter((attempt) => attempt.scenarioId === scenario.id);
  const completed = mine.filter((attempt) => attempt.status === "completed");
  const overalls = completed.map((attempt) => attempt.overall).filter((overall): overall is number => overall !== null);
  return {
    id: scenario.id,
    title: scenario.title,
    summary: scenario.summary,
    persona: scenario.persona,
    channel: scenario.channel,
    customer: scenario.customer,
    difficulty: scenario.difficulty,
    minutes: scenario.minutes,
    skills: skillsAssessed(entry),
    attempts: completed.length,
    best: overalls.length > 0 ? Math.max(...overalls) : null,
    inProgressAttemptId: mine.find((attempt) => attempt.status === "in-progress")?.id ?? null,
  };
}

/** Every published scenario for this trainee; attempts in progress first, then by difficulty and title. */
export async function buildCatalogue(userId: number): Promise<CatalogueCard[]> {
  const [library, attempts] = await Promise.all([getLibrary(), listAttemptsOfUser(userId)]);
  return library.scenarios
    .map((entry) => toCard(entry, attempts))
    .sort(
      (a, b) =>
        Number(b.inProgressAttemptId !== null) - Number(a.inProgressAttemptId !== null) ||
        a.difficulty - b.difficulty ||
        a.title.localeCompare(b.title),
    );
}

/** The catalogue with the filters of the page's address applied, and how many scenarios there are in all. */
export async function filteredCatalogue(userId: number, url: URL): Promise<{ cards: CatalogueCard[]; total: number; filters: CatalogueFilters }> {
  const filters = readCatalogueFilters(url);
  const cards = await buildCatalogue(userId);
  return { cards: cards.filter((card) => matchesFilters(card, filters)), total: cards.length, filters };
}

// Unknown filter values are ignored rather than refused: a stale bookmark still opens the page.
const CatalogueFilters = z.object({
  persona: z.enum(PERSONAS).optional().catch(undefined),
  channel: z.enum(CHANNELS).optional().catch(undefined),
  skill: z.enum(SKILLS).optional().catch(undefined),
});
export type CatalogueFilters = z.infer<typeof CatalogueFilters>;

export function readCatalogueFilters(url: URL): CatalogueFilters {
  const get = (key: string) => url.searchParams.get(key) || undefined;
  return CatalogueFilters.parse({ persona: get("persona"), channel: get("channel"), skill: get("skill") });
}

export function matchesFilters(card: CatalogueCard, filters: CatalogueFilters): boolean {
  return (
    (!filters.persona || card.persona === filters.persona) &&
    (!filters.channel || card.channel === filters.channel) &&
    (!filters.skill || card.skills.includes(filters.skill))
  );
}
