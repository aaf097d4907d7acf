/**
 * When a review card is due again: a thin wrapper around ts-fsrs (FSRS-6), and the only module that
 * imports it, so the rest of the app sees plain JSON cards and our three reply ratings.
 *
 * Pure: the clock is always passed in, and the same card, rating and time give the same result.
 * Keep it on the server: ts-fsrs adds deprecated helpers to Date.prototype when it loads.
 */
import type { Card, Grade } from "ts-fsrs";
import { createEmptyCard, fsrs, generatorParameters, Rating, State } from "ts-fsrs";
import type { Rating as ReplyRating } from "~/engine/scoring";
import { GameInputError, utcDay } from "~/game/time";

/**
 * FSRS-6's default weights as shipped by ts-fsrs 5.4.2, written out so that a package upgrade that
 * retunes its defaults cannot move the due dates a rebuild from the review log computes.
 * Change them only together with a rebuild of every card.
 */
const WEIGHTS = [
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014,
  1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
] as const;

/**
 * 0.9, FSRS's default and its authors' recommended balance: nine in ten due decisions still
 * answered well. Above it the number of reviews climbs steeply for little more retention; below it
 * trainees would mostly meet cards they have already lost, which feels like failing, not practice.
 */
export const REQUEST_RETENTION = 0.9;

/**
 * Half a year, not FSRS's 100 years. Scenario versions are replaced and trainees change jobs well
 * within a few years, so a card sent further out is as good as deleted, and a customer-service
 * decision is worth checking at least twice a year. A review costs the trainee under a minute.
 */
export const MAXIMUM_INTERVAL_DAYS = 180;

const scheduler = fsrs(
  generatorParameters({
    request_retention: REQUEST_RETENTION,
    maximum_interval: MAXIMUM_INTERVAL_DAYS,
    w: WEIGHTS,
    // Fuzz spreads due dates at random; with few cards per trainee it buys nothing, and a rebuild
    // from the review log must give exactly the stored dates.
    enable_fuzz: false,
    // No same-session steps (ts-fsrs defaults to 1 and 10 minutes): a missed decision comes back on
    // a later day, never in the same sitting right after the debrief showed the best reply. FSRS's
    // long-term scheduler then gives whole days from the first review on, at least one, and keeps
    // poor < fair < best at least a day apart.
    enable_short_term: false,
    learning_steps: [],
    relearning_steps: [],
  }),
);

export type ScheduleState = "new" | "learning" | "review" | "relearning";

/**
 * An FSRS card as plain JSON: times are ISO 8601 UTC strings, the state a word, so it can be stored
 * in SQLite (as columns or one JSON text) and read back with `parseSchedule`. ts-fsrs's deprecated
 * `elapsed_days` is left out: it only feeds the library's own log, and 6.0 removes it.
 */
export type CardSchedule = {
  /** When the card is next due (the card counts as due from the start of that UTC day). */
  due: string;
  /** FSRS memory stability: days until recall falls to 90 %. */
  stability: number;
  /** FSRS difficulty, 1..10 (0 before the first review). */
  difficulty: number;
  /** Days from the last review to `due`. */
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: ScheduleState;
  lastReview: string | null;
};

/** The FSRS grade a reply maps to; Easy is never used (see `GRADE_OF`). */
export type ReviewGrade = "again" | "hard" | "good";

/** What one review did to a card, for the review log. */
export type ScheduleLogEntry = {
  grade: ReviewGrade;
  reviewedAt: string;
  stateBefore: ScheduleState;
  dueBefore: string;
  /** Whole days from this review to the next due date. */
  intervalDays: number;
};

/**
 * The trainee's reply in a review, graded for FSRS:
 * - best → Good: they found the best reply again; that is what the card asks.
 * - fair → Hard: an acceptable reply (quality at least one half) but not the best, so a pass with a
 *   shorter interval and a harder card.
 * - poor → Again: a lapse; the card comes back the next day.
 * Never Easy: choosing among a few replies says nothing about how easy it was, and rewarding speed
 * would reward rushing, which the game rules refuse elsewhere.
 */
export const GRADE_OF: Readonly<Record<ReplyRating, ReviewGrade>> = { best: "good", fair: "hard", poor: "again" };

const FSRS_GRADE: Record<ReviewGrade, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good };
const STATE_NAMES: Record<State, ScheduleState> = {
  [State.New]: "new",
  [State.Learning]: "learning",
  [State.Review]: "review",
  [State.Relearning]: "relearning",
};
const STATE_OF: Record<ScheduleState, State> = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning };

const DAY_MS = 86_400_000;

function timeOf(iso: string, what: string): Date {
  utcDay(iso, what); // throws, naming `what`, unless an ISO time with a zone
  return new Date(iso);
}

/** A card that has never been reviewed, due at once. */
export function newCard(now: string): CardSchedule {
  return fromFsrs(createEmptyCard(timeOf(now, "now")));
}

/**
 * Applies one rated reply at `now`, graded by `GRADE_OF`. Reviews must come in time order: a review
 * before the card's last one would count negative days and is refused.
 */
export function reviewCard(card: CardSchedule, rating: ReplyRating, now: string): { card: CardSchedule; log: ScheduleLogEntry } {
  const at = timeOf(now, "now");
  if (card.lastReview !== null && at.getTime() < Date.parse(card.lastReview)) {
    throw new GameInputError(`a review at ${now} comes before the card's last review at ${card.lastReview}`);
  }
  const grade = GRADE_OF[rating];
  const next = fromFsrs(scheduler.next(toFsrs(card), at, FSRS_GRADE[grade]).card);
  // ts-fsrs keeps Hard < Good < Easy at least a day apart after capping, which can push Good one or
  // two days past the maximum; the cap is a promise to trainees, so it is applied last.
  if (next.scheduledDays > MAXIMUM_INTERVAL_DAYS) {
    next.scheduledDays = MAXIMUM_INTERVAL_DAYS;
    next.due = new Date(at.getTime() + MAXIMUM_INTERVAL_DAYS * DAY_MS).toISOString();
  }
  const intervalDays = Math.round((Date.parse(next.due) - at.getTime()) / DAY_MS);
  return { card: next, log: { grade, reviewedAt: at.toISOString(), stateBefore: card.state, dueBefore: card.due, intervalDays } };
}

/**
 * Reads a stored card (parsed JSON or a row mapped to these names), refusing anything that is not
 * one, with the field named.
 */
export function parseSchedule(value: unknown): CardSchedule {
  if (typeof value !== "object" || value === null) throw new GameInputError("a card schedule must be an object");
  const v = value as Record<string, unknown>;
  const problem = (field: string) => new GameInputError(`card schedule: ${field} ${JSON.stringify(v[field])} is not valid`);
  const number = (field: string, min: number) => {
    const n = v[field];
    if (typeof n !== "number" || !Number.isFinite(n) || n < min) throw problem(field);
    return n;
  };
  const count = (field: string) => {
    const n = number(field, 0);
    if (!Number.isInteger(n)) throw problem(field);
    return n;
  };
  const time = (field: string) => {
    if (typeof v[field] !== "string") throw problem(field);
    return timeOf(v[field] as string, `card schedule: ${field}`).toISOString();
  };
  if (typeof v.state !== "string" || !(v.state in STATE_OF)) throw problem("state");
  return {
    due: time("due"),
    stability: number("stability", 0),
    difficulty: number("difficulty", 0),
    scheduledDays: count("scheduledDays"),
    learningSteps: count("learningSteps"),
    reps: count("reps"),
    lapses: count("lapses"),
    state: v.state as ScheduleState,
    lastReview: v.lastReview === null || v.lastReview === undefined ? null : time("lastReview"),
  };
}

/**
 * The first instant at which a card no longer counts as due today: the start of the next UTC day.
 * A card is due for the whole of its due day, so a trainee told "tomorrow" finds it at any hour
 * tomorrow (FSRS counts elapsed time in UTC days too). SQL can count due cards with `due < ?`.
 */
export function dueCutoff(now: string): string {
  return new Date(Date.parse(`${utcDay(now, "now")}T00:00:00Z`) + DAY_MS).toISOString();
}

export function isDue(card: CardSchedule, now: string): boolean {
  return Date.parse(card.due) < Date.parse(dueCutoff(now));
}

function toFsrs(card: CardSchedule): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_OF[card.state],
    ...(card.lastReview === null ? {} : { last_review: new Date(card.lastReview) }),
  };
}

function fromFsrs(card: Card): CardSchedule {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_NAMES[card.state],
    lastReview: card.last_review ? card.last_review.toISOString() : null,
  };
}
