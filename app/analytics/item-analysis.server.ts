import * as z from "zod";
import { SKILLS } from "~/engine";
import { getLibrary } from "~/library/catalog.server";
import type { Scope } from "~/models/analytics.server";
import { masteryOf, scenarioVersionsOf } from "~/models/turn-log.server";
import { analyseItem, collectAnswers, MIN_ANSWERS_FOR_FLAGS, type ItemStats } from "./item-analysis";
import type { RatedLog } from "./scenario-logs.server";
import { mean } from "./stats";

export type ItemVersion = {
  hash: string;
  createdAt: string;
  /** The version the library serves now. */
  current: boolean;
  /** Finished conversations on it that count, and those left out for replies faster than reading. */
  attempts: number;
  fastExcluded: number;
};

export type ItemReply = { id: string; text: string; best: boolean; count: number };

export type ItemRow = {
  key: string;
  stepId: string;
  customer: string[];
  replies: ItemReply[];
  stats: Omit<ItemStats, "counts" | "popularWrong"> & { popularWrong: (ItemReply & { share: number }) | null };
};

export type ItemAnalysisView = {
  scenarioId: string;
  versions: ItemVersion[];
  /** The version shown: the one asked for, else the newest with answers; null when none has any. */
  selected: ItemVersion | null;
  rows: ItemRow[];
  minAnswers: number;
  /** Finished conversations left out for replies faster than reading, over every version. */
  fastExcluded: number;
};

const VersionParam = z.string().regex(/^[0-9a-f]{64}$/).nullable().catch(null);

/** The `version` query parameter (a content hash); anything else means the default version. */
export function readVersionParam(url: URL): string | null {
  return VersionParam.parse(url.searchParams.get("version"));
}

/** A trainee's overall mastery: the mean of their current mastery in the skills assessed so far. */
function overallMastery(bySkill: Record<(typeof SKILLS)[number], number | null>): number | null {
  return mean(SKILLS.map((skill) => bySkill[skill]).filter((value): value is number => value !== null));
}

/**
 * Item analysis of one scenario version from the finished attempts in `logs` (loadScenarioLogs):
 * attempts flagged for replies faster than reading are left out, since their answers say nothing
 * about the replies. Choice ids can mean different replies in different versions, so one version
 * at a time.
 */
export async function buildItemAnalysis(scenarioId: string, scope: Scope, logs: readonly RatedLog[], requested: string | null): Promise<ItemAnalysisView> {
  const finished = logs.filter((log) => log.status === "completed");
  const [stored, library] = await Promise.all([scenarioVersionsOf(scenarioId), getLibrary()]);
  const currentHash = library.scenarios.find((entry) => entry.scenario.id === scenarioId)?.hash ?? null;
  const versions: ItemVersion[] = stored
    .map((version) => {
      const on = finished.filter((log) => log.scenarioHash === version.hash);
      const fastExcluded = on.filter((log) => log.fast.flagged).length;
      return { hash: version.hash, createdAt: version.createdAt, current: version.hash === currentHash, attempts: on.length - fastExcluded, fastExcluded };
    })
    .filter((version) => version.attempts + version.fastExcluded > 0);
  const selected = versions.find((version) => version.hash === requested) ?? versions.find((version) => version.attempts > 0) ?? null;
  const fastExcluded = versions.reduce((sum, version) => sum + version.fastExcluded, 0);
  if (!selected) return { scenarioId, versions, selected: null, rows: [], minAnswers: MIN_ANSWERS_FOR_FLAGS, fastExcluded };

  const counted = finished.filter((log) => log.scenarioHash === selected.hash && !log.fast.flagged);
  const scenario = counted[0]?.scenario;
  const masteries = await masteryOf(counted.map((log) => log.userId), scope);
  const mastery = new Map<number, number>();
  for (const [userId, bySkill] of masteries) {
    const overall = overallMastery(bySkill);
    if (overall !== null) mastery.set(userId, overall);
  }
  const stepOrder = new Map(scenario?.steps.map((step, index) => [step.id, index]) ?? []);
  const rows = [...collectAnswers(counted.map((log) => ({ attemptId: log.attemptId, userId: log.userId, turns: log.rated }))).values()]
    .map(({ decision, answers }): ItemRow => {
      const order = decision.choices.map((choice) => choice.id);
      const { counts, popularWrong, ...stats } = analyseItem(answers, order, mastery);
      const replies = decision.choices.map((choice, index) => ({
        id: choice.id,
        text: choice.text.text,
        best: decision.ratings.get(choice.id) === "best",
        count: counts[index]!.count,
      }));
      const wrong = popularWrong ? replies.find((reply) => reply.id === popularWrong.choiceId)! : null;
      return {
        key: decision.key,
        stepId: decision.stepId,
        customer: scenario?.steps.find((step) => step.id === decision.stepId)?.customer.map((piece) => piece.text) ?? [],
        replies,
        stats: { ...stats, popularWrong: wrong && popularWrong ? { ...wrong, share: popularWrong.count / stats.answers } : null },
      };
    })
    .sort((a, b) => (stepOrder.get(a.stepId) ?? 0) - (stepOrder.get(b.stepId) ?? 0) || b.stats.answers - a.stats.answers);
  return { scenarioId, versions, selected, rows, minAnswers: MIN_ANSWERS_FOR_FLAGS, fastExcluded };
}
