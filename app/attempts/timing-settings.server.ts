import * as z from "zod";
import { TIMINGS, type Timing } from "~/domain/timing";
import { updateAttemptTiming } from "~/models/attempt.server";
import { findTimingPreference, saveTimingPreference } from "~/models/preference.server";
import { AttemptError } from "./errors";
import { loadOwnAttempt } from "./load.server";

/** The time limit new attempts of this trainee run under: their choice, else the customer's patience as written. */
export async function trainingTiming(userId: number): Promise<Timing> {
  return (await findTimingPreference(userId)) ?? "normal";
}

export function saveTrainingTiming(userId: number, timing: Timing): Promise<void> {
  return saveTimingPreference(userId, timing);
}

/**
 * Changes the time limit of an attempt in progress, from now on: the reply to the step on screen
 * is judged under the new limit, and each turn records the limit it was judged under. It also
 * becomes the trainee's default, since someone who needs more time now will next time too.
 */
export async function changeAttemptTiming(userId: number, attemptId: number, timing: Timing): Promise<void> {
  const { attempt } = await loadOwnAttempt(userId, attemptId);
  if (attempt.status !== "in-progress" || !(await updateAttemptTiming(attemptId, timing))) {
    throw new AttemptError(409, "finished", { key: "finished" });
  }
  await saveTimingPreference(userId, timing);
}

const TimingForm = z.object({ timing: z.enum(TIMINGS) });

/** The posted time limit, or null when the form is malformed. */
export function readTimingForm(form: FormData): Timing | null {
  const parsed = TimingForm.safeParse({ timing: form.get("timing") });
  return parsed.success ? parsed.data.timing : null;
}
