import { SKILLS, type AttemptResult } from "~/engine";
import type { AttemptEnd } from "~/models/attempt.server";

/** What is stored about a finished attempt, from the engine's result. */
export function attemptEndOf(result: AttemptResult, facts: AttemptEnd["facts"]): AttemptEnd {
  return {
    endingId: result.ending,
    outcome: result.outcome,
    csat: result.csat,
    resolved: result.resolved,
    mood: result.mood,
    scores: Object.fromEntries(SKILLS.map((skill) => [skill, result.skills[skill]?.score ?? null])) as AttemptEnd["scores"],
    overall: result.overall,
    facts,
  };
}
