import * as z from "zod";
import type { WriteTx } from "#db/connection.server";
import { SKILLS, type Skill } from "~/domain/vocabulary";

/**
 * What grade passback reads, inside the transaction that completes an attempt (migration 0011): the resource links a
 * person launched through that grade a scenario, and their best attempts since they first launched through each.
 */

const GradedLinkRow = z.object({
  link_id: z.number().int(),
  platform_id: z.number().int(),
  platform_name: z.string(),
  line_item_url: z.string(),
  ags_scopes: z.string(),
  title: z.string().nullable(),
  scenario_id: z.string().nullable(),
  pathway_id: z.number().int().nullable(),
  subject: z.string(),
  first_launch_at: z.string(),
  display_name: z.string(),
});
export type GradedLink = {
  linkId: number;
  platformId: number;
  platformName: string;
  lineItemUrl: string;
  scopes: string[];
  title: string | null;
  scenarioId: string | null;
  pathwayId: number | null;
  subject: string;
  since: string;
  personName: string;
};

/**
 * The links with a line item that `scenarioId` counts for: links to it, and links to a pathway that holds it. Only a
 * trainee's practice is graded, as only theirs counts anywhere: a content developer trying a link sends nothing.
 */
export async function findLinksGradedBy(tx: WriteTx, userId: number, scenarioId: string): Promise<GradedLink[]> {
  const rows = await tx.all(
    GradedLinkRow,
    `SELECT l.id AS link_id, l.platform_id, p.name AS platform_name, l.line_item_url, l.ags_scopes, l.title, l.scenario_id, l.pathway_id,
            ll.subject, ll.first_launch_at, u.display_name
       FROM lti_link_learners ll
       JOIN users u ON u.id = ll.user_id AND u.role = 'trainee'
       JOIN lti_resource_links l ON l.id = ll.link_id
       JOIN lti_platforms p ON p.id = l.platform_id
      WHERE ll.user_id = ? AND l.line_item_url IS NOT NULL
        AND (l.scenario_id = ? OR (l.scenario_id IS NULL AND l.pathway_id IN (SELECT pathway_id FROM pathway_scenarios WHERE scenario_id = ?)))
      ORDER BY l.id`,
    [userId, scenarioId, scenarioId],
  );
  return rows.map((row) => ({
    linkId: row.link_id,
    platformId: row.platform_id,
    platformName: row.platform_name,
    lineItemUrl: row.line_item_url,
    scopes: row.ags_scopes.split(" ").filter(Boolean),
    title: row.title,
    scenarioId: row.scenario_id,
    pathwayId: row.pathway_id,
    subject: row.subject,
    since: row.first_launch_at,
    personName: row.display_name,
  }));
}

const PathwayStepRow = z.object({ scenario_id: z.string() });
export async function listPathwayScenarioIds(tx: WriteTx, pathwayId: number): Promise<string[]> {
  const rows = await tx.all(PathwayStepRow, "SELECT scenario_id FROM pathway_scenarios WHERE pathway_id = ? ORDER BY position", [pathwayId]);
  return rows.map((row) => row.scenario_id);
}

const BestRow = z.object({
  scenario_id: z.string(),
  attempt_id: z.number().int(),
  overall: z.number().int(),
  listening: z.number().int().nullable(),
  empathy: z.number().int().nullable(),
  calm: z.number().int().nullable(),
  persuasion: z.number().int().nullable(),
  expectations: z.number().int().nullable(),
});
export type BestAttempt = { scenarioId: string; attemptId: number; overall: number; scores: Record<Skill, number | null> };

/** Each scenario's best scored attempt (the earliest of equals) that ended at or after `since`, previews left out. */
export async function findBestAttemptsSince(tx: WriteTx, userId: number, scenarioIds: readonly string[], since: string): Promise<BestAttempt[]> {
  if (scenarioIds.length === 0) return [];
  const rows = await tx.all(
    BestRow,
    `SELECT scenario_id, id AS attempt_id, overall, ${SKILLS.join(", ")} FROM (
       SELECT a.*, ROW_NUMBER() OVER (PARTITION BY a.scenario_id ORDER BY a.overall DESC, a.ended_at, a.id) AS n
         FROM attempts a
        WHERE a.user_id = ? AND a.status = 'completed' AND a.preview = 0 AND a.overall IS NOT NULL AND a.ended_at >= ?
          AND a.scenario_id IN (${scenarioIds.map(() => "?").join(", ")}))
      WHERE n = 1`,
    [userId, since, ...scenarioIds],
  );
  return rows.map((row) => ({
    scenarioId: row.scenario_id,
    attemptId: row.attempt_id,
    overall: row.overall,
    scores: { listening: row.listening, empathy: row.empathy, calm: row.calm, persuasion: row.persuasion, expectations: row.expectations },
  }));
}
