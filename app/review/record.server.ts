/**
 * Storing review cards: after each finished conversation (incrementally), and from the whole
 * history (a rebuild). Both end in the same rows; record.server.test.ts holds them to that.
 *
 * The log keeps each conversation's misses as 'conversation' entries (the first miss that made a
 * card too, not only later ones): a rebuild reads the attempts themselves, so those entries are
 * never its input, but they make recording idempotent (an attempt with entries is done) and name
 * the conversation that first missed a card, whose replies and order the review page starts from.
 */
import { getDb } from "#db/db.server";
import { GameInputError } from "~/game/time";
import {
  appendReviewLog,
  attemptIsLogged,
  listReviewLog,
  listTraineeCards,
  replaceConversationLog,
  replaceTraineeCards,
  reviewLogStamp,
  upsertReviewCards,
} from "~/models/review-card.server";
import { cardUpdatesForAttempt, rebuildCards } from "./cards";
import { missesOf, readFinishedAttempt, readFinishedAttempts } from "./history.server";

/**
 * Makes or updates the review cards of a conversation that has just ended, and logs its misses.
 * A second call for the same attempt changes nothing; abandoned and unfinished attempts make
 * nothing. Should an attempt arrive after a later review of one of its cards (the review cannot be
 * undone), the trainee's cards are rebuilt from the history instead, which places it in time order.
 */
export async function recordReviewCards(attemptId: number): Promise<void> {
  const attempt = await readFinishedAttempt(attemptId);
  if (!attempt) return;
  const misses = missesOf(attempt);
  if (misses.length === 0) return;
  const db = await getDb();
  // The cards are read inside the write, so a review answered meanwhile is not overwritten.
  const outcome = await db.write(async (tx) => {
    if (await attemptIsLogged(tx, attemptId)) return "done" as const;
    let updates;
    try {
      updates = cardUpdatesForAttempt(attempt, await listTraineeCards(attempt.traineeId, tx));
    } catch (error) {
      if (error instanceof GameInputError) return "out-of-order" as const;
      throw error;
    }
    await upsertReviewCards(
      tx,
      updates.map((update) => update.card),
    );
    await appendReviewLog(tx, misses);
    return "done" as const;
  });
  if (outcome === "out-of-order") await rebuildReviewCards(attempt.traineeId);
}

const REBUILD_TRIES = 3;

/**
 * A trainee's cards from their completed attempts and answered reviews alone (the log's 'review'
 * entries), with the 'conversation' entries rewritten to match. Gives the cards the incremental
 * path gives; it also brings in conversations that ended before cards were recorded.
 */
export async function rebuildReviewCards(userId: number): Promise<{ cards: number }> {
  const db = await getDb();
  for (let attempt = 1; ; attempt++) {
    const stamp = await reviewLogStamp(userId);
    const [attempts, reviews] = await Promise.all([readFinishedAttempts(userId), listReviewLog(userId, { source: "review" })]);
    const cards = rebuildCards(
      attempts,
      reviews.map((review) => ({ ...review, traineeId: review.userId })),
    );
    const written = await db.write(async (tx) => {
      // A review or a conversation recorded while the history was read: read it again.
      if ((await reviewLogStamp(userId, tx)) !== stamp) return false;
      await replaceTraineeCards(tx, userId, cards);
      await replaceConversationLog(tx, userId, attempts.flatMap(missesOf));
      return true;
    });
    if (written) return { cards: cards.length };
    if (attempt >= REBUILD_TRIES) throw new Error(`the review log of trainee ${userId} kept changing during a rebuild; try again`);
  }
}
