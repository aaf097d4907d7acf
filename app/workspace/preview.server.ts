import { randomInt } from "node:crypto";
import { buildDebriefView } from "~/attempts/debrief-view.server";
import { ownAttemptOr404 } from "~/attempts/http.server";
import { buildPlayView } from "~/attempts/play-view.server";
import { ORDER_SEED_LIMIT } from "~/attempts/reply-order";
import { trainingTiming } from "~/attempts/timing-settings.server";
import { pinVersion } from "~/attempts/version.server";
import {
  defaultStartPoint,
  inspectAttempt,
  startPointOptions,
  startSnapshot,
  startSnapshotAt,
  StartPointError,
  type AttemptSnapshot,
  type StartPoint,
  type StartPointOptions,
} from "~/engine";
import { createScenarioCache } from "~/library/cache.server";
import { workspacePath } from "~/library/catalog.server";
import { compileCached } from "~/library/library.server";
import { insertAttempt } from "~/models/attempt.server";
import { checkWorkspaceSource } from "./check.server";
import { requireWorkspaceScenario } from "./edit.server";
import { draftTitle } from "./source";
import { WorkspaceError } from "./errors";
import { parseStartPointForm, startPointErrors, typedStartPoint, type StartPointFormErrors, type StartPointTyped } from "./start-point-form";

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

export type PreviewStartView = { id: string; title: string; errors: number; options: StartPointOptions | null; start: StartPoint | null };

/** The preview's first page: whether the draft can be played, and what the start-anywhere form offers. */
export async function previewStartView(scenarioId: string): Promise<PreviewStartView> {
  const record = await requireWorkspaceScenario(scenarioId);
  const check = await checkWorkspaceSource(scenarioId, record.draft.source);
  const errors = check.problems.filter((problem) => problem.severity === "error").length;
  const scenario = check.scenario;
  return {
    id: scenarioId,
    title: scenario?.title ?? draftTitle(record.draft.source, scenarioId),
    errors,
    options: scenario ? startPointOptions(scenario) : null,
    start: scenario ? defaultStartPoint(scenario) : null,
  };
}

/**
 * Starts a preview from the posted form: from the beginning, or (intent "anywhere") at the step,
 * mood, flags and visits it names. A start point with problems comes back with them by field.
 */
export async function startPreviewFromForm(
  scenarioId: string,
  actor: number,
  form: FormData,
): Promise<{ attemptId: number } | { errors: StartPointFormErrors; posted: StartPointTyped }> {
  if (form.get("intent") !== "anywhere") return { attemptId: await startPreview(scenarioId, actor) };
  const parsed = parseStartPointForm(form);
  if (!parsed.ok) return { errors: parsed.errors, posted: typedStartPoint(form) };
  const point = parsed.point;
  try {
    return { attemptId: await startPreview(scenarioId, actor, (version) => startSnapshotAt(version.machine, version.scenario, point)) };
  } catch (error) {
    if (error instanceof StartPointError) return { errors: startPointErrors(error.problems), posted: typedStartPoint(form) };
    throw error;
  }
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
  // The inspector reads the same context the engine plays from: mood, flags, visits and points so far.
  return view ? ({ view, inspector: inspectAttempt(own.version.scenario, own.snapshot.context) } as const) : ({ redirect: `${base}/${attemptId}/debrief` } as const);
}

export async function previewDebriefView(actor: number, scenarioId: string, attemptId: number) {
  return buildDebriefView(await ownPreview(actor, scenarioId, attemptId));
}
