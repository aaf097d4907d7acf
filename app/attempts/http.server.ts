import { json } from "@remix-run/node";
import * as z from "zod";
import { AttemptError } from "./errors";
import { loadOwnAttempt, type OwnAttempt } from "./load.server";

/**
 * Turns an AttemptError into an answer: a missing (or someone else's) attempt is a 404 page;
 * the other refusals come back to the form as a message with their 4xx status.
 */
export function attemptErrorResponse(error: unknown) {
  if (!(error instanceof AttemptError)) throw error;
  if (error.status === 404 || !error.refusal) throw new Response(error.message, { status: error.status });
  return json({ refusal: error.refusal, reason: error.reason }, { status: error.status });
}

/** For loaders: the trainee's own attempt, or a 404 page. */
export async function ownAttemptOr404(userId: number, attemptId: number, options: { preview?: boolean } = {}): Promise<OwnAttempt> {
  try {
    return await loadOwnAttempt(userId, attemptId, options);
  } catch (error) {
    if (error instanceof AttemptError) throw new Response(error.message, { status: 404 });
    throw error;
  }
}

const ChoiceForm = z.object({
  turn: z.coerce.number().int().positive(),
  choiceId: z.string().min(1).max(200),
});

/** The posted reply (choice id and the turn it answers), or null when the form is malformed. */
export function readChoiceForm(form: FormData): z.infer<typeof ChoiceForm> | null {
  const parsed = ChoiceForm.safeParse(Object.fromEntries(form));
  return parsed.success ? parsed.data : null;
}
