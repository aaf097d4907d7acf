import type { TFunction } from "i18next";
import type { WriteTx } from "#db/connection.server";
import { i18next } from "~/i18n/i18next.server";
import { fallbackLanguage } from "~/i18n/config";
import { findBestAttemptsSince, findLinksGradedBy, listPathwayScenarioIds, type GradedLink } from "~/models/lti-grade.server";
import { insertDeliveries, type NewDelivery } from "~/models/outbox.server";
import { agsScore, type AgsScore } from "./score";
import { AGS_SCOPES } from "./service-token.server";

/**
 * Grade passback, queued: a completed attempt puts one score per graded resource link in the outbox, in the attempt's
 * own transaction, so a platform that is down loses no grade. Scores of one person on one link go out in order.
 */

export const LTI_SCORE_KIND = "lti-score";

export type ScoreDelivery = { platformId: number; lineItemUrl: string; score: AgsScore };

// Platforms get the comment in the fallback language: it is read by course staff of any language setting.
let english: Promise<TFunction> | null = null;
const englishT = (): Promise<TFunction> => (english ??= i18next.getFixedT(fallbackLanguage));

async function scoreFor(tx: WriteTx, userId: number, link: GradedLink, at: Date) {
  const scenarioIds = link.scenarioId !== null ? [link.scenarioId] : await listPathwayScenarioIds(tx, link.pathwayId!);
  const best = new Map((await findBestAttemptsSince(tx, userId, scenarioIds, link.since)).map((attempt) => [attempt.scenarioId, attempt]));
  const parts = scenarioIds.map((id) => best.get(id) ?? null);
  return agsScore({ subject: link.subject, parts, pathway: link.scenarioId === null, at }, await englishT());
}

/** Called inside the transaction that completes an attempt of `scenarioId` (not for previews). */
export async function queueGradesAfterCompletion(tx: WriteTx, { userId, scenarioId, at }: { userId: number; scenarioId: string; at: Date }): Promise<void> {
  const links = (await findLinksGradedBy(tx, userId, scenarioId)).filter((link) => link.scopes.includes(AGS_SCOPES.score));
  if (links.length === 0) return;
  const t = await englishT();
  const deliveries: NewDelivery[] = [];
  for (const link of links) {
    const score = await scoreFor(tx, userId, link, at);
    if (!score) continue;
    const payload: ScoreDelivery = { platformId: link.platformId, lineItemUrl: link.lineItemUrl, score };
    deliveries.push({
      kind: LTI_SCORE_KIND,
      destination: `lti-platform:${link.platformId}`,
      orderingKey: `lti-score:${link.linkId}:${userId}`,
      payload,
      summary: t("lti.grade.summary", { score: score.scoreGiven, person: link.personName, title: link.title ?? link.scenarioId ?? "", platform: link.platformName }),
    });
  }
  await insertDeliveries(tx, deliveries, at);
}
