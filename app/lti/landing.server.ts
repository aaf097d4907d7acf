import { hasCurrentAssignment, insertAssignment, lastCompletionsOfTrainee } from "~/models/assignment.server";
import { findPathway } from "~/models/pathway.server";
import { findUserById } from "~/models/user.server";

/** Where a launch through a resource link takes someone who plays: the scenario it opens, or their next step of a pathway. */

export type LinkTarget = { scenarioId: string | null; pathwayId: number | null };

export async function landingFor(userId: number, target: LinkTarget): Promise<string> {
  if (target.scenarioId) return `/train/scenarios/${target.scenarioId}`;
  const pathway = target.pathwayId === null ? undefined : await findPathway(target.pathwayId);
  if (!pathway || pathway.scenarioIds.length === 0) return "/train";
  const user = await findUserById(userId);
  if (user?.role === "trainee") {
    // The pathway shows on their training page with its progress, as if their manager had assigned it.
    const item = { kind: "pathway", pathwayId: pathway.id } as const;
    const me = { kind: "trainee", userId } as const;
    if (!(await hasCurrentAssignment(item, me))) await insertAssignment(item, me, null, null);
  }
  const done = new Set((await lastCompletionsOfTrainee(userId, pathway.scenarioIds)).map((row) => row.scenario_id));
  const next = pathway.scenarioIds.find((id) => !done.has(id));
  return next ? `/train/scenarios/${next}` : "/train";
}
