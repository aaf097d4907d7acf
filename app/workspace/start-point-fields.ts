/**
 * The start-anywhere form's field names, limits and error keys, without zod: the fields component
 * needs these in the browser, and importing them from the schema module would ship zod (39 KiB gz)
 * to a page that may never validate in the browser.
 */
import type { StartPoint } from "~/engine/start-at";
import { MAX_ENTRIES, MOOD_MAX, MOOD_MIN } from "~/engine/types";
import type { workspacePreview } from "~/locales/en/workspace-preview";

export type StartPointErrorKey = `workspacePreview.start.errors.${keyof (typeof workspacePreview)["start"]["errors"]}`;

/** The translation key of one of the schema's messages. */
export const startPointErrorKey = (name: keyof (typeof workspacePreview)["start"]["errors"]): StartPointErrorKey => `workspacePreview.start.errors.${name}`;

/** Errors per field name: the schema's translation keys, or words the engine wrote. */
export type StartPointFormErrors = Record<string, string[]>;

/** The values the schema's messages quote. */
export const START_POINT_LIMITS = { moodMin: MOOD_MIN, moodMax: MOOD_MAX, visitsMax: MAX_ENTRIES } as const;

export const visitsField = (stepId: string) => `visits.${stepId}`;

/** Whether an error is one of the schema's keys (translate it) rather than words the engine wrote (show them). */
export function isStartPointErrorKey(error: string): error is StartPointErrorKey {
  return error.startsWith("workspacePreview.start.errors.");
}

/**
 * What the fields show, as text: a start point's values, or what was posted, kept as typed when it did not parse, so a
 * refused form comes back with every choice the trainer made and only the wrong field to fix.
 */
export type StartPointTyped = { stepId: string; mood: string; flags: string[]; visits: Record<string, string> };

export function typedFromPoint(point: StartPoint): StartPointTyped {
  return {
    stepId: point.stepId,
    mood: String(point.mood),
    flags: [...point.flags],
    visits: Object.fromEntries(Object.entries(point.visits).map(([step, count]) => [step, String(count)])),
  };
}
