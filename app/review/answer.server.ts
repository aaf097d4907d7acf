/**
 * Answering a review: the chosen reply is rated among the card's replies (as the conversation rated
 * them), the answer is logged, and the card moves by FSRS (`applyReview`). Scenario scores, mastery
 * and XP never read the review log's answers; only the retention figure does.
 */
import * as z from "zod";
import { getDb } from "#db/db.server";
import { decisionOf } from "~/analytics/decisions";
import { loadVersion } from "~/attempts/version.server";
import { GameInputError } from "~/game/time";
import { insertDeliveries } from "~/models/outbox.server";
import { appendReviewLog, findReviewCard, listCardLog, upsertReviewCards } from "~/models/review-card.server";
import { reviewDelivery, stepFacts, xapiScopeFor } from "~/xapi/record.server";
import { applyReview } from "./cards";
import { isDue } from "./schedule";

const AnswerForm = z.object({
  version: z.string().min(1).max(200),
  step: z.string().min(1).max(200),
  reps: z.coerce.number().int().min(0),
  choiceId: z.string().min(1).max(200),
});
export type ReviewAnswerForm = z.infer<typeof AnswerForm>;

/** The posted answer; `missing-choice` when no reply was chosen, `invalid` when the form is not ours. */
export function readAnswerForm(form: FormData): ReviewAnswerForm | "missing-choice" | "invalid" {
  const fields = Object.fromEntries(form);
  const parsed = AnswerForm.safeParse(fields);
  if (parsed.success) return parsed.data;
  return AnswerForm.omit({ choiceId: true }).safeParse(fields).success ? "missing-choice" : "invalid";
}

export type AnswerOutcome =
  /** answered: logged now; already: this very answer was logged by an earlier post of the same page. */
  | { kind: "answered" | "already"; answerId: number }
  | { kind: "not-found" }
  | { kind: "not-offered" }
  | { kind: "not-due"; dueAt: string }
  /** The card moved since the page was shown (another tab, or a conversation missed it again). */
  | { kind: "changed" };

/**
 * Records the answer to a due card, once. The page posts the card's review count (`reps`) it was
 * shown with; a post for a state the card has left is never applied again, so a double submit or
 * an old tab cannot log twice. Check and write are one transaction on the single writer, with the "answered"
 * statement queued in it when an LRS is switched on.
 */
export async function answerReview(userId: number, form: ReviewAnswerForm, now: Date = new Date()): Promise<AnswerOutcome> {
  const version = await loadVersion(form.version);
  if (!version) return { kind: "not-found" };
  const [db, xapi] = await Promise.all([getDb(), xapiScopeFor(userId)]);
  const at = now.toISOString();
  return db.write(async (tx): Promise<AnswerOutcome> => {
    const card = await findReviewCard(userId, form.version, form.step, tx);
    if (!card) return { kind: "not-found" };
    if (!card.visibleChoiceIds.includes(form.choiceId)) return { kind: "not-offered" };
    if (card.schedule.reps !== form.reps || !isDue(card.schedule, at)) {
      const last = (await listCardLog(userId, form.version, form.step, tx)).at(-1);
      const repeated = last?.source === "review" && last.chosenId === form.choiceId && card.schedule.reps === form.reps + 1;
      if (repeated) return { kind: "already", answerId: last.id };
      if (!isDue(card.schedule, at)) return { kind: "not-due", dueAt: card.schedule.due };
      return { kind: "changed" };
    }
    const rating = decisionOf(version.scenario, card.stepId, card.visibleChoiceIds).ratings.get(form.choiceId) ?? null;
    // Cards are made only where the replies differ, so every reply of one is rated.
    if (rating === null) throw new Error(`review card ${card.stepId} of ${card.scenarioHash.slice(0, 12)} rates nothing`);
    let moved;
    try {
      moved = applyReview(card, rating, at);
    } catch (error) {
      // The card's last review is later than now: a clock went back. Nothing is written.
      if (error instanceof GameInputError) return { kind: "changed" };
      throw error;
    }
    await upsertReviewCards(tx, [moved.card]);
    const [answerId] = await appendReviewLog(tx, [
      { userId, scenarioHash: card.scenarioHash, stepId: card.stepId, source: "review", attemptId: null, chosenId: form.choiceId, rating, reviewedAt: at },
    ]);
    if (xapi) {
      const step = stepFacts(version.scenario, card.stepId, card.visibleChoiceIds);
      const reply = step.replies.find((offered) => offered.id === form.choiceId)!;
      await insertDeliveries(tx, [reviewDelivery(xapi, userId, version, { answerId: answerId!, step, reply, rating, answeredAt: at })], now);
    }
    return { kind: "answered", answerId: answerId! };
  });
}
