import { addDays, utcDay } from "~/game/time";
import { dueCardCount, listReviewLog } from "~/models/review-card.server";
import { retention, RETENTION_WINDOW_DAYS, type Retention } from "./retention";
import { dueCutoff } from "./schedule";

export type ReviewSummary = {
  /** Cards due today (UTC): "3 decisions to review". */
  due: number;
  /** The earliest due time of all the trainee's cards (in the past when some are due); null without cards. */
  nextDueAt: string | null;
  /** From answered reviews only; conversations never count here. */
  retention: Retention;
};

/** Cards due today (UTC), for the home page: one query, without the retention figure. */
export async function reviewsDue(userId: number, now: Date): Promise<number> {
  return (await dueCardCount(userId, dueCutoff(now.toISOString()))).due;
}

/** What My progress says about a trainee's reviews. */
export async function reviewSummary(userId: number, now: Date): Promise<ReviewSummary> {
  const at = now.toISOString();
  const since = `${addDays(utcDay(at), 1 - RETENTION_WINDOW_DAYS)}T00:00:00.000Z`;
  const [{ due, earliest }, reviews] = await Promise.all([dueCardCount(userId, dueCutoff(at)), listReviewLog(userId, { source: "review", since })]);
  return { due, nextDueAt: earliest, retention: retention(reviews, at) };
}
