/**
 * Review cards of missed decisions (issue 12). Every step where a trainee did not choose the best
 * reply becomes a card: one per trainee × scenario version × step, holding the replies that version
 * offered at the time, so a review replays exactly the decision that was missed even after the
 * scenario is edited (an edit is a new version, and its misses make new cards).
 *
 * Scenario play and reviews stay apart:
 * - a miss in a later conversation counts against the card, as a poor reply (FSRS Again): the
 *   decision went wrong again where it matters;
 * - a best reply in a later conversation leaves the card alone. Replaying a scenario straight after
 *   its debrief is recall from minutes ago, not retention, and letting it clear cards would let a
 *   trainee empty their reviews by replaying. Only a review, with the replies in a fresh order and
 *   on a later day, moves a card further out.
 * - review results never touch scenario scores; they feed `retention.ts` instead.
 */
import type { Rating as ReplyRating } from "~/engine/scoring";
import { GameInputError, utcDay } from "~/game/time";
import type { CardSchedule, ScheduleLogEntry } from "./schedule";
import { isDue, newCard, reviewCard } from "./schedule";

/** One decision of a finished conversation, as the app reads it from the attempt and its version. */
export type AttemptTurn = {
  stepId: string;
  scenarioId: string;
  /** The pinned scenario version. */
  scenarioHash: string;
  /** The replies on offer, in the order shown. */
  visibleChoiceIds: readonly string[];
  chosenId: string;
  /** The engine's `rateChoice` among the visible replies; null when the step assessed nothing. */
  rating: ReplyRating | null;
};

/** A completed conversation; abandoned and unfinished attempts make no cards. */
export type FinishedAttempt = {
  traineeId: number;
  attemptId: number;
  /** ISO 8601; the time every miss of the attempt is dated (turns carry no time of their own). */
  endedAt: string;
  turns: readonly AttemptTurn[];
};

export type ReviewCard = {
  traineeId: number;
  scenarioId: string;
  scenarioHash: string;
  stepId: string;
  /**
   * The replies on offer at the first miss. Later misses keep them: the card is one decision, and
   * a review that changed its replies under the trainee would no longer test the same thing.
   */
  visibleChoiceIds: string[];
  /** When the conversation with the first miss ended. */
  createdAt: string;
  schedule: CardSchedule;
};

export type CardUpdate = {
  /** created: first miss of this step in this version; missed-again: a later conversation missed it too. */
  change: "created" | "missed-again";
  card: ReviewCard;
  /** For the review log: a miss in a conversation is logged as an Again review. */
  log: ScheduleLogEntry;
};

/** One answered review, as the review log keeps it. */
export type ReviewAnswer = {
  traineeId: number;
  scenarioHash: string;
  stepId: string;
  /** ISO 8601. */
  reviewedAt: string;
  rating: ReplyRating;
};

type CardId = { traineeId: number; scenarioHash: string; stepId: string };

/** The identity of a card: the unique key its table will have. Hashes and step ids hold no spaces. */
export const cardKey = ({ traineeId, scenarioHash, stepId }: CardId): string => `${traineeId} ${scenarioHash} ${stepId}`;

function checkTurn(attempt: FinishedAttempt, turn: AttemptTurn, index: number): void {
  const problem = (what: string) => new GameInputError(`attempt ${attempt.attemptId}, turn ${index + 1} (step ${turn.stepId}): ${what}`);
  if (turn.visibleChoiceIds.length === 0) throw problem("no replies were on offer");
  if (!turn.visibleChoiceIds.includes(turn.chosenId)) throw problem(`the chosen reply ${turn.chosenId} was not on offer`);
}

/**
 * The cards a finished conversation creates or updates, given the trainee's existing cards (cards
 * of other trainees are ignored). A step missed twice in one conversation, as a loop can do, counts
 * once. Apply attempts in the order they ended: the result is what to store.
 */
export function cardUpdatesForAttempt(attempt: FinishedAttempt, existing: readonly ReviewCard[]): CardUpdate[] {
  utcDay(attempt.endedAt, `attempt ${attempt.attemptId}: endedAt`);
  const cards = new Map(existing.filter((card) => card.traineeId === attempt.traineeId).map((card) => [cardKey(card), card]));
  const updates = new Map<string, CardUpdate>();
  attempt.turns.forEach((turn, index) => {
    checkTurn(attempt, turn, index);
    if (turn.rating === null || turn.rating === "best") return;
    const id = { traineeId: attempt.traineeId, scenarioHash: turn.scenarioHash, stepId: turn.stepId };
    const key = cardKey(id);
    if (updates.has(key)) return;
    const card = cards.get(key);
    if (card) {
      const { card: schedule, log } = missed(card.schedule, attempt);
      updates.set(key, { change: "missed-again", card: { ...card, schedule }, log });
    } else {
      const { card: schedule, log } = missed(newCard(attempt.endedAt), attempt);
      const created = { ...id, scenarioId: turn.scenarioId, visibleChoiceIds: [...turn.visibleChoiceIds], createdAt: schedule.lastReview!, schedule };
      updates.set(key, { change: "created", card: created, log });
    }
  });
  return [...updates.values()];
}

function missed(schedule: CardSchedule, attempt: FinishedAttempt) {
  try {
    return reviewCard(schedule, "poor", attempt.endedAt);
  } catch (error) {
    if (error instanceof GameInputError) throw new GameInputError(`attempt ${attempt.attemptId}: ${error.message}`);
    throw error;
  }
}

/** The card after the trainee answered a review of it with a reply of `rating`. */
export function applyReview(card: ReviewCard, rating: ReplyRating, now: string): { card: ReviewCard; log: ScheduleLogEntry } {
  const { card: schedule, log } = reviewCard(card.schedule, rating, now);
  return { card: { ...card, schedule }, log };
}

/**
 * Every card from the history alone: finished conversations and the review log, in time order (a
 * conversation first when a review has the same time, since a review needs its card). Applying
 * attempts and reviews one by one as they happen gives the same cards; the tests hold it to that.
 */
export function rebuildCards(attempts: readonly FinishedAttempt[], reviews: readonly ReviewAnswer[]): ReviewCard[] {
  const time = (iso: string, what: string) => {
    utcDay(iso, what); // refuses, naming it, anything but an ISO time with a zone
    return Date.parse(iso);
  };
  type Event = { at: number; kind: 0 | 1; order: number } & ({ attempt: FinishedAttempt } | { review: ReviewAnswer });
  const events: Event[] = [
    ...attempts.map((attempt) => ({ at: time(attempt.endedAt, `attempt ${attempt.attemptId}: endedAt`), kind: 0 as const, order: attempt.attemptId, attempt })),
    ...reviews.map((review, i) => ({ at: time(review.reviewedAt, `review ${i + 1}: reviewedAt`), kind: 1 as const, order: i, review })),
  ];
  events.sort((a, b) => a.at - b.at || a.kind - b.kind || a.order - b.order);
  const cards = new Map<string, ReviewCard>();
  for (const event of events) {
    if ("attempt" in event) {
      for (const { card } of cardUpdatesForAttempt(event.attempt, [...cards.values()])) cards.set(cardKey(card), card);
    } else {
      const { review } = event;
      const card = cards.get(cardKey(review));
      if (!card) throw new GameInputError(`review at ${review.reviewedAt} of step ${review.stepId} (version ${review.scenarioHash}) has no card before it`);
      cards.set(cardKey(review), applyReview(card, review.rating, review.reviewedAt).card);
    }
  }
  return [...cards.values()];
}

/** Cards due by the end of today (UTC), the most overdue first; ties go to the older card. */
export function dueCards(cards: readonly ReviewCard[], now: string): ReviewCard[] {
  return cards
    .filter((card) => isDue(card.schedule, now))
    .sort(
      (a, b) =>
        Date.parse(a.schedule.due) - Date.parse(b.schedule.due) ||
        Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
        (cardKey(a) < cardKey(b) ? -1 : cardKey(a) > cardKey(b) ? 1 : 0),
    );
}

/** How many decisions there are to review now: "3 decisions to review" on the home page. */
export function dueCount(cards: readonly ReviewCard[], now: string): number {
  return cards.filter((card) => isDue(card.schedule, now)).length;
}
