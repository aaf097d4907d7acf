import { randomInt } from "node:crypto";
import { buildDebriefView } from "~/attempts/debrief-view.server";
import { ownAttemptOr404 } from "~/attempts/http.server";
import { buildPlayView } from "~/attempts/play-view.server";
import { ORDER_SEED_LIMIT } from "~/attempts/reply-order";
import { trainingTiming } from "~/attempts/timing-settings.server";
import { pinVersion } from "~/attempts/version.server";
import { startSnapshot, type AttemptSnapshot } from "~/engine";
import { createScenarioCache } from "~/library/cache.server";
import { workspacePath } from "~/library/catalog.server";
import { compileCached } from "~/library/library.server";
import { insertAttempt } from "~/models/attempt.server";
import { checkWorkspaceSource } from "./check.server";
import { requireWorkspaceScenario } from "./edit.server";
import { WorkspaceError } from "./errors";

/** The draft as a version an attempt can be pinned to (stored by content hash like any version). */
async function draftVersion(scenarioId: string) {
  const record = await requireWorkspaceScenario(scenarioId);
  const check = await checkWorkspaceSource(scenarioId, record.draft.source);
  const errors = check.problems.filter((problem) => problem.severity === "error").length;
  if (errors > 0) throw new WorkspaceError(422, `The draft has ${errors === 1 ? "an error" : `${errors} errors`}: fix ${errors === 1 ? "it" : "them"} in the editor, then preview.`);
  const path = workspacePath(scenarioId);
  const compiled = await compileCached(record.draft.source, path, createScenarioCache());
  if ("problems" in compiled) throw new WorkspaceError(422, `The draft cannot be previewed: ${compiled.problems[0]?.message ?? "it does not compile"}.`);
  return pinVersion({ path, hash: compiled.hash, scenario: { ...compiled.entry.scenario, path }, html: compiled.entry.html, warnings: [] });
}

/**
 * Starts a preview of the draft as it was last saved: an attempt of the trainer's own, marked as a
 * preview, with a fresh order of replies like any attempt. `start` builds the first snapshot when
 * the trainer starts somewhere other than the beginning.
 */
export async function startPreview(
  scenarioId: string,
  actor: number,
  start: ((version: Awaited<ReturnType<typeof draftVersion>>) => AttemptSnapshot) | null = null,
  now: Date = new Date(),
): Promise<number> {
  const version = await draftVersion(scenarioId);
  const snapshot = start ? start(version) : startSnapshot(version.machine);
  return insertAttempt({
    userId: actor,
    scenarioId,
    scenarioHash: version.hash,
    snapshot: JSON.stringify(snapshot),
    orderSeed: randomInt(0, ORDER_SEED_LIMIT),
    timing: await trainingTiming(actor),
    now,
    preview: true,
  });
}

/** The trainer's own preview attempt of this scenario, or a 404 page. */
export async function ownPreview(actor: number, scenarioId: string, attemptId: number) {
  const own = await ownAttemptOr404(actor, attemptId, { preview: true });
  if (own.attempt.scenarioId !== scenarioId) throw new Response("No such preview.", { status: 404 });
  return own;
}

/** The play page of a preview, or where to go instead: its debrief when finished, a new start when set aside. */
export async function previewPlayView(actor: number, scenarioId: string, attemptId: number) {
  const own = await ownPreview(actor, scenarioId, attemptId);
  const base = `/workspace/${scenarioId}/preview`;
  if (own.attempt.status === "abandoned") return { redirect: base } as const;
  const view = own.attempt.status === "in-progress" ? buildPlayView(own) : null;
  return view ? ({ view } as const) : ({ redirect: `${base}/${attemptId}/debrief` } as const);
}

export async function previewDebriefView(actor: number, scenarioId: string, attemptId: number) {
  return buildDebriefView(await ownPreview(actor, scenarioId, attemptId));
}
