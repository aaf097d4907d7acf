import { describe, expect, it } from "vitest";
import type { Rating } from "~/engine/scoring";
import { GameInputError } from "~/game/time";
import type { CardSchedule } from "./schedule";
import { dueCutoff, isDue, MAXIMUM_INTERVAL_DAYS, newCard, parseSchedule, reviewCard } from "./schedule";

const DAY = 86_400_000;
const START = "2026-03-02T09:00:00.000Z";

/** Days from the card's last review to its due date. */
const interval = (card: CardSchedule) => (Date.parse(card.due) - Date.parse(card.lastReview!)) / DAY;

/** Reviews a new card with each rating in turn, each on the day it falls due. */
function onTime(ratings: Rating[], from = START): CardSchedule[] {
  const cards: CardSchedule[] = [];
  let card = newCard(from);
  for (const rating of ratings) {
    card = reviewCard(card, rating, card.due).card;
    cards.push(card);
  }
  return cards;
}

describe("newCard", () => {
  it("is new and due at once", () => {
    expect(newCard(START)).toMatchObject({ due: START, state: "new", reps: 0, lapses: 0, lastReview: null });
    expect(isDue(newCard(START), START)).toBe(true);
  });
});

describe("reviewCard", () => {
  it("sends a first best reply at least a day out", () => {
    const [card] = onTime(["best"]);
    expect(interval(card!)).toBeGreaterThanOrEqual(1);
    expect(card).toMatchObject({ state: "review", reps: 1, lastReview: START });
  });

  it("brings a first miss back on a later day, never in the same sitting", () => {
    const [card] = onTime(["poor"]);
    expect(interval(card!)).toBeGreaterThanOrEqual(1);
    expect(isDue(card!, START)).toBe(false);
  });

  it("moves the due date further out with each best reply", () => {
    const intervals = onTime(["poor", "best", "best", "best", "best", "best"]).map(interval);
    for (let i = 1; i < intervals.length; i++) expect(intervals[i], `review ${i + 1} of ${intervals.join(", ")}`).toBeGreaterThan(intervals[i - 1]!);
  });

  it("brings a card back sooner after a poor reply, and counts the lapse", () => {
    const before = onTime(["best", "best", "best"]);
    const last = before.at(-1)!;
    const poor = reviewCard(last, "poor", last.due).card;
    const best = reviewCard(last, "best", last.due).card;
    expect(interval(poor)).toBeLessThan(interval(last));
    expect(interval(poor)).toBeLessThan(interval(best));
    expect(interval(poor)).toBeGreaterThanOrEqual(1);
    expect(poor.lapses).toBe(last.lapses + 1);
    expect(best.lapses).toBe(last.lapses);
    // Recovering after the lapse starts from a shorter interval than the uninterrupted run.
    expect(interval(reviewCard(poor, "best", poor.due).card)).toBeLessThan(interval(best));
  });

  it("orders the three ratings: poor sooner than fair, fair sooner than best", () => {
    for (const history of [[], ["best"], ["best", "best"], ["poor", "fair"]] as Rating[][]) {
      const card = onTime(history).at(-1) ?? newCard(START);
      const [poor, fair, best] = (["poor", "fair", "best"] as const).map((r) => interval(reviewCard(card, r, card.due).card));
      expect(poor, `after ${history.join(", ") || "nothing"}`).toBeLessThan(fair!);
      expect(fair, `after ${history.join(", ") || "nothing"}`).toBeLessThan(best!);
    }
  });

  it("grades a reply as FSRS Good, Hard or Again and logs it", () => {
    const card = onTime(["best"])[0]!;
    const { card: next, log } = reviewCard(card, "fair", card.due);
    expect(log).toEqual({ grade: "hard", reviewedAt: card.due, stateBefore: "review", dueBefore: card.due, intervalDays: interval(next) });
    expect(reviewCard(card, "best", card.due).log.grade).toBe("good");
    expect(reviewCard(card, "poor", card.due).log.grade).toBe("again");
  });

  it("never schedules beyond the maximum interval, in whole days from the review", () => {
    const cards = onTime(Array<Rating>(15).fill("best"));
    expect(Math.max(...cards.map(interval))).toBe(MAXIMUM_INTERVAL_DAYS);
    for (const card of cards) expect(Number.isInteger(interval(card))).toBe(true);
  });

  it("counts a late review from when it happened", () => {
    const card = onTime(["best", "best"])[1]!;
    const late = new Date(Date.parse(card.due) + 10 * DAY).toISOString();
    const { card: next, log } = reviewCard(card, "best", late);
    expect(next.lastReview).toBe(late);
    expect(Date.parse(next.due) - Date.parse(late)).toBe(log.intervalDays * DAY);
  });

  it("is deterministic and leaves the card it was given alone", () => {
    const ratings: Rating[] = ["poor", "best", "fair", "best", "poor", "best", "best"];
    expect(onTime(ratings)).toEqual(onTime(ratings));
    const card = onTime(["best"])[0]!;
    const copy = structuredClone(card);
    reviewCard(card, "poor", card.due);
    expect(card).toEqual(copy);
    // Same history an hour later: the same intervals (no fuzz, no hidden clock).
    expect(onTime(ratings, "2026-03-02T10:00:00.000Z").map(interval)).toEqual(onTime(ratings).map(interval));
  });

  it("refuses a review before the card's last one, and a time without a zone", () => {
    const card = onTime(["best"])[0]!;
    expect(() => reviewCard(card, "best", "2026-03-01T09:00:00.000Z")).toThrow(GameInputError);
    expect(() => reviewCard(card, "best", "2026-03-05T09:00:00")).toThrow(/not an ISO 8601 time with a zone/);
  });
});

describe("cards as JSON", () => {
  it("round-trip through JSON text and schedule the same afterwards", () => {
    for (const card of [newCard(START), ...onTime(["poor", "best", "fair"])]) {
      const back = parseSchedule(JSON.parse(JSON.stringify(card)));
      expect(back).toEqual(card);
      expect(reviewCard(back, "best", card.due)).toEqual(reviewCard(card, "best", card.due));
    }
  });

  it("hold only strings, numbers and null", () => {
    const card = onTime(["best"])[0]!;
    for (const value of Object.values(card)) expect(["string", "number"]).toContain(typeof value);
    expect(newCard(START).lastReview).toBeNull();
  });

  it("are refused with the field named when a stored value is wrong", () => {
    const card = onTime(["best"])[0]!;
    expect(() => parseSchedule({ ...card, state: "forgotten" })).toThrow(/state "forgotten"/);
    expect(() => parseSchedule({ ...card, due: "soon" })).toThrow(/due "soon"/);
    expect(() => parseSchedule({ ...card, reps: 1.5 })).toThrow(/reps 1.5/);
    expect(() => parseSchedule({ ...card, stability: -1 })).toThrow(/stability -1/);
    expect(() => parseSchedule(null)).toThrow(GameInputError);
  });
});

describe("due", () => {
  it("lasts the whole of the due UTC day", () => {
    const card = { ...newCard(START), due: "2026-03-03T17:00:00.000Z" };
    expect(dueCutoff("2026-03-03T08:00:00.000Z")).toBe("2026-03-04T00:00:00.000Z");
    expect(isDue(card, "2026-03-02T23:59:59.000Z")).toBe(false);
    expect(isDue(card, "2026-03-03T00:00:00.000Z")).toBe(true);
    expect(isDue(card, "2026-03-09T12:00:00.000Z")).toBe(true);
  });
});
