/**
 * The start-anywhere form's posted fields, parsed into a StartPoint. Browser-safe (the engine's
 * constants only, no server modules), so conform can validate with the same schema as people type.
 *
 * Field names (StartAnywhereFields renders them):
 * - `stepId`: the step to start at.
 * - `mood`: the customer's mood, a whole number.
 * - `flags`: one checkbox per flag, value the flag; repeated, absent when none is ticked.
 * - `visits.<step id>`: earlier visits to that step, a whole number; empty counts as 0.
 *
 * This schema checks the form only: that the values are there and are whole numbers in range.
 * Whether they fit the scenario (a real step, a flag it uses, no dead end) is the engine's
 * checkStartPoint; startPointErrors puts its problems under the same field names.
 */
import "~/utils/zod-csp";
import * as z from "zod";
import type { StartPoint, StartPointProblem } from "~/engine/start-at";
import { MAX_ENTRIES, MOOD_MAX, MOOD_MIN } from "~/engine/types";
import { startPointErrorKey as message, visitsField, type StartPointErrorKey, type StartPointFormErrors, type StartPointTyped } from "./start-point-fields";

export { isStartPointErrorKey, START_POINT_LIMITS, visitsField } from "./start-point-fields";
export type { StartPointErrorKey, StartPointFormErrors, StartPointTyped } from "./start-point-fields";

const WHOLE = /^[-−]?\d{1,6}$/;

/** A whole number typed into a field; `blank` stands in for an empty or missing one. */
const wholeNumber = (error: StartPointErrorKey, min: number, max: number, blank?: number) =>
  z.preprocess(
    (value) => (blank !== undefined && (value === undefined || (typeof value === "string" && value.trim() === "")) ? String(blank) : value),
    z
      .string({ error })
      .trim()
      .regex(WHOLE, error)
      .transform((text) => Number(text.replace("−", "-")))
      .pipe(z.number().min(min, error).max(max, error)),
  );

export const StartPointForm = z.object({
  stepId: z.string({ error: message("stepRequired") }).trim().min(1, message("stepRequired")),
  mood: wholeNumber(message("moodWhole"), MOOD_MIN, MOOD_MAX),
  flags: z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.string({ error: message("flagInvalid") }).trim().min(1, message("flagInvalid")))),
  visits: z.preprocess((value) => value ?? {}, z.record(z.string(), wholeNumber(message("visitsWhole"), 0, MAX_ENTRIES, 0))),
});

export type StartPointFormResult = { ok: true; point: StartPoint } | { ok: false; errors: StartPointFormErrors };

/** The posted fields as the schema reads them: repeated `flags`, and the `visits.` fields as one record. */
function fieldsOf(form: FormData | URLSearchParams): Record<string, unknown> {
  const visits: Record<string, FormDataEntryValue> = {};
  for (const [name, value] of form.entries()) if (name.startsWith("visits.")) visits[name.slice("visits.".length)] = value;
  return { stepId: form.get("stepId") ?? undefined, mood: form.get("mood") ?? undefined, flags: form.getAll("flags"), visits };
}

/** The posted fields as typed, whatever they hold, to show again beside their errors. */
export function typedStartPoint(form: FormData | URLSearchParams): StartPointTyped {
  const text = (value: FormDataEntryValue | null | undefined) => (typeof value === "string" ? value : "");
  const { stepId, mood, flags, visits } = fieldsOf(form) as { stepId?: FormDataEntryValue; mood?: FormDataEntryValue; flags: FormDataEntryValue[]; visits: Record<string, FormDataEntryValue> };
  return {
    stepId: text(stepId),
    mood: text(mood),
    flags: flags.map(text).filter(Boolean),
    visits: Object.fromEntries(Object.entries(visits).map(([step, value]) => [step, text(value)])),
  };
}

/** Parse a posted start-anywhere form; errors are keyed by field name. */
export function parseStartPointForm(form: FormData | URLSearchParams): StartPointFormResult {
  const parsed = StartPointForm.safeParse(fieldsOf(form));
  if (parsed.success) return { ok: true, point: parsed.data };
  const errors: StartPointFormErrors = {};
  for (const issue of parsed.error.issues) {
    const [field, step] = issue.path.map(String);
    const name = field === "visits" && step !== undefined ? visitsField(step) : field === "flags" ? "flags" : (field ?? "");
    (errors[name] ??= []).push(issue.message);
  }
  return { ok: false, errors };
}

/** The engine's problems with a start point (already in words), under the form's field names. */
export function startPointErrors(problems: readonly StartPointProblem[]): StartPointFormErrors {
  const errors: StartPointFormErrors = {};
  for (const problem of problems) {
    const name = problem.field === "visits" && problem.step !== undefined ? visitsField(problem.step) : problem.field;
    (errors[name] ??= []).push(problem.message);
  }
  return errors;
}
