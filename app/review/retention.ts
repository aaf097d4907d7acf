/**
 * The retention figure (issue 12): how often a trainee finds the best reply when a missed decision
 * comes back for review. It is the only place review results count; scenario scores, mastery and
 * XP never see them, so a review can neither raise nor lower a conversation's score.
 */
import type { Rating as ReplyRating } from "~/engine/scoring";
import { addDays, GameInputError, utcDay } from "~/game/time";

/** A month of reviews: enough to move with practice, short enough to show the present. */
export const RETENTION_WINDOW_DAYS = 30;

/**
 * Below five reviews a single answer moves the share by more than 20 points, which reads as a
 * verdict it is not; the page shows how many reviews there are instead.
 */
export const MIN_REVIEWS = 5;

/** One answered review, from the review log (never a turn of a conversation). */
export type ReviewResult = { reviewedAt: string; rating: ReplyRating };

export type Retention = {
  /**
   * Reviews answered with the best reply, as a whole percentage of the reviews in the window; null
   * with fewer than `MIN_REVIEWS`. Fair counts as not retained: the card asks for the best reply.
   */
  percent: number | null;
  /** The counts the figure rests on (kept when `percent` is null, and summable over a team). */
  best: number;
  reviews: number;
  /** The window's first and last UTC day, both included. */
  from: string;
  to: string;
};

/**
 * Retention over the `windowDays` UTC days ending with today. Whole days, like the rest of the game
 * layer, so the figure does not change with the hour it is looked at; later reviews are ignored.
 */
export function retention(results: readonly ReviewResult[], now: string, windowDays = RETENTION_WINDOW_DAYS): Retention {
  if (!Number.isInteger(windowDays) || windowDays < 1) throw new GameInputError(`retention window ${windowDays} is not a whole number of days from 1`);
  const to = utcDay(now, "now");
  const from = addDays(to, 1 - windowDays);
  let best = 0;
  let reviews = 0;
  results.forEach((result, i) => {
    const day = utcDay(result.reviewedAt, `review ${i + 1}: reviewedAt`);
    if (day < from || day > to) return;
    reviews++;
    if (result.rating === "best") best++;
  });
  return { percent: reviews < MIN_REVIEWS ? null : Math.round((100 * best) / reviews), best, reviews, from, to };
}
