import { advanceAttempt, canChoose, currentStep, endingReached, scoreAttempt, visibleChoices } from "~/engine";
import { afterConversation } from "~/game/conversation-end.server";
import { findAttemptTurn, listAttemptTurns, recordTurn, TurnConflictError } from "~/models/attempt.server";
import { queueGradesAfterCompletion } from "~/lti/grades.server";
import { insertDeliveries } from "~/models/outbox.server";
import { replyDeliveries, xapiScopeFor } from "~/xapi/record.server";
import { attemptEndOf } from "./attempt-end";
import { conversationFacts } from "./conversation-facts";
import { AttemptError } from "./errors";
import { loadOwnAttempt } from "./load.server";
import { isLate, patienceUnder, replyDeadline } from "./timing";

export type ChooseInput = { userId: number; attemptId: number; turn: number; choiceId: string; now?: Date; preview?: boolean };
export type ChooseOutcome = { status: "recorded" | "duplicate"; completed: boolean };

/**
 * Plays one choice: restores the machine from the stored snapshot, applies the choice with
 * lateness decided by the server's clock within the attempt's time limit, and stores the turn and the new snapshot together.
 * The same (attempt, turn, choice) sent twice is recorded once.
 */
export async function chooseReply({ userId, attemptId, turn, choiceId, now = new Date(), preview = false }: ChooseInput): Promise<ChooseOutcome> {
  const { attempt, version, snapshot } = await loadOwnAttempt(userId, attemptId, { preview });

  const duplicate = async (): Promise<ChooseOutcome | null> => {
    const earlier = await findAttemptTurn(attemptId, turn);
    return earlier?.choiceId === choiceId ? { status: "duplicate", completed: attempt.status === "completed" } : null;
  };

  if (turn <= attempt.turns) {
    const repeated = await duplicate();
    if (repeated) return repeated;
    throw new AttemptError(409, "stale-turn", { key: "answered", values: { turn } });
  }
  if (attempt.status !== "in-progress") throw new AttemptError(409, "finished", { key: "finished" });
  if (turn !== attempt.turns + 1) {
    throw new AttemptError(409, "stale-turn", { key: "outOfDate", values: { current: attempt.turns + 1, turn } });
  }

  const { scenario, machine } = version;
  const step = currentStep(scenario, snapshot.context);
  if (!step || !canChoose(scenario, snapshot.context, choiceId)) {
    throw new AttemptError(422, "not-visible", { key: "notVisible" });
  }

  // Judged within the trainee's chosen limit: none is never late, extended allows twice the patience.
  const late = isLate(replyDeadline(attempt.stepShownAt, patienceUnder(attempt.timing, step.patience)), now);
  const next = advanceAttempt(machine, scenario, snapshot, { choiceId, late });
  const ending = endingReached(scenario, next.context);
  const responseMs = Math.max(0, now.getTime() - new Date(attempt.stepShownAt).getTime());
  let end = null;
  if (ending) {
    const times = new Map((await listAttemptTurns(attemptId)).map((earlier) => [earlier.turn, earlier.responseMs]));
    times.set(turn, responseMs);
    end = attemptEndOf(scoreAttempt(scenario, next.context), conversationFacts(scenario, next.context, times));
  }

  // A preview is a trainer's draft: it reaches no LRS.
  const xapi = attempt.preview ? null : await xapiScopeFor(userId);
  const offered = visibleChoices(scenario, snapshot.context).map((visible) => visible.id);
  const reply = { turn, stepId: step.id, choiceId, offered, late, mood: next.context.mood, chosenAt: now.toISOString() };
  const deliveries = xapi ? replyDeliveries(xapi, version, attempt, reply, end) : [];

  try {
    await recordTurn(
      {
        attemptId,
        snapshot: JSON.stringify(next),
        end,
        turn: {
          turn,
          stepId: step.id,
          choiceId,
          late,
          responseMs,
          chosenAt: now.toISOString(),
          timing: attempt.timing,
        },
      },
      // The statements and grades go with the turn: all are stored, or none.
      async (tx) => {
        if (deliveries.length > 0) await insertDeliveries(tx, deliveries, now);
        // The score counts this completion, so it is read in the transaction that records it.
        if (end && !attempt.preview) await queueGradesAfterCompletion(tx, { userId, scenarioId: attempt.scenarioId, at: now });
      },
    );
  } catch (error) {
    // Another request recorded this turn first: a double click lands here.
    if (error instanceof TurnConflictError) {
      const repeated = await duplicate();
      if (repeated) return repeated;
      throw new AttemptError(409, "stale-turn", { key: "answered", values: { turn } });
    }
    throw error;
  }
  // A preview feeds nothing: no XP, review cards or certificate, whoever plays it.
  if (end && !attempt.preview) await afterConversation(userId, attemptId, now);
  return { status: "recorded", completed: end !== null };
}
