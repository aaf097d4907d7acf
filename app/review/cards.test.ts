import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Rating } from "~/engine/scoring";
import { GameInputError } from "~/game/time";
import type { AttemptTurn, FinishedAttempt, ReviewAnswer, ReviewCard } from "./cards";
import { applyReview, cardKey, cardUpdatesForAttempt, dueCards, dueCount, rebuildCards } from "./cards";
import { reviewCard } from "./schedule";

const DAY = 86_400_000;
const day = (n: number, hour = 9) => new Date(Date.parse("2026-03-02T00:00:00Z") + n * DAY + hour * 3_600_000).toISOString();
const interval = (card: ReviewCard) => (Date.parse(card.schedule.due) - Date.parse(card.schedule.lastReview!)) / DAY;

function turn(stepId: string, rating: Rating | null, more: Partial<AttemptTurn> = {}): AttemptTurn {
  return { stepId, scenarioId: "refund-delay", scenarioHash: "v1", visibleChoiceIds: ["a", "b", "c"], chosenId: "b", rating, ...more };
}

function attempt(attemptId: number, endedAt: string, turns: AttemptTurn[], traineeId = 1): FinishedAttempt {
  return { traineeId, attemptId, endedAt, turns };
}

/** Applies attempts in order, as the app will after each conversation. */
function play(attempts: FinishedAttempt[], cards: ReviewCard[] = []): ReviewCard[] {
  const byKey = new Map(cards.map((card) => [cardKey(card), card]));
  for (const a of attempts) for (const { card } of cardUpdatesForAttempt(a, [...byKey.values()])) byKey.set(cardKey(card), card);
  return [...byKey.values()];
}

describe("cardUpdatesForAttempt", () => {
  it("makes a card for each step whose reply was not the best, and none for best or unassessed steps", () => {
    const updates = cardUpdatesForAttempt(attempt(1, day(0), [turn("greet", "best"), turn("apology", "fair"), turn("small-talk", null), turn("offer", "poor")]), []);
    expect(updates.map((u) => [u.change, u.card.stepId])).toEqual([
      ["created", "apology"],
      ["created", "offer"],
    ]);
    const card = updates[0]!.card;
    expect(card).toMatchObject({ traineeId: 1, scenarioId: "refund-delay", scenarioHash: "v1", visibleChoiceIds: ["a", "b", "c"], createdAt: day(0) });
    expect(updates[0]!.log).toMatchObject({ grade: "again", reviewedAt: day(0), stateBefore: "new" });
  });

  it("makes a new card due on a later day, not straight after the debrief", () => {
    const { card } = cardUpdatesForAttempt(attempt(1, day(0), [turn("offer", "poor")]), [])[0]!;
    expect(dueCount([card], day(0, 23))).toBe(0);
    expect(dueCount([card], day(1, 0))).toBe(1);
  });

  it("keeps one card per version and step: a loop back to a missed step counts once", () => {
    const updates = cardUpdatesForAttempt(attempt(1, day(0), [turn("offer", "poor"), turn("offer", "fair"), turn("offer", "best")]), []);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.card.schedule.reps).toBe(1);
  });

  it("updates the same card when a later conversation in the same version misses the step again, as an Again review", () => {
    const [first] = play([attempt(1, day(0), [turn("offer", "fair")])]) as [ReviewCard];
    const updates = cardUpdatesForAttempt(attempt(2, day(3), [turn("offer", "poor", { visibleChoiceIds: ["b", "d"] })]), [first]);
    expect(updates.map((u) => u.change)).toEqual(["missed-again"]);
    const again = updates[0]!.card;
    expect(cardKey(again)).toBe(cardKey(first));
    expect(again.schedule).toEqual(reviewCard(first.schedule, "poor", day(3)).card);
    expect(again.schedule.reps).toBe(2);
    // The card keeps the replies of its first miss and its creation time.
    expect(again.visibleChoiceIds).toEqual(["a", "b", "c"]);
    expect(again.createdAt).toBe(first.createdAt);
  });

  it("brings a well-reviewed card back sooner when a conversation misses it again", () => {
    let [card] = play([attempt(1, day(0), [turn("offer", "poor")])]) as [ReviewCard];
    for (let i = 0; i < 3; i++) card = applyReview(card, "best", card.schedule.due).card;
    const at = card.schedule.due;
    const [missed] = cardUpdatesForAttempt(attempt(2, at, [turn("offer", "poor")]), [card]);
    expect(interval(missed!.card)).toBeLessThan(interval(card));
    expect(missed!.card.schedule.lapses).toBe(card.schedule.lapses + 1);
  });

  it("leaves a card alone when a later conversation chooses the best reply: only reviews move cards out", () => {
    const cards = play([attempt(1, day(0), [turn("offer", "poor")])]);
    expect(cardUpdatesForAttempt(attempt(2, day(2), [turn("offer", "best")]), cards)).toEqual([]);
  });

  it("makes a separate card for the same step in a new version, and for another trainee", () => {
    const cards = play([
      attempt(1, day(0), [turn("offer", "poor")]),
      attempt(2, day(1), [turn("offer", "poor", { scenarioHash: "v2" })]),
      attempt(3, day(1), [turn("offer", "poor")], 2),
    ]);
    expect(cards.map(cardKey).sort()).toEqual(["1 v1 offer", "1 v2 offer", "2 v1 offer"]);
    expect(cards.every((card) => card.schedule.reps === 1)).toBe(true);
  });

  it("refuses impossible input, naming the attempt and turn", () => {
    expect(() => cardUpdatesForAttempt(attempt(7, day(0), [turn("offer", "poor", { chosenId: "z" })]), [])).toThrow(
      "attempt 7, turn 1 (step offer): the chosen reply z was not on offer",
    );
    expect(() => cardUpdatesForAttempt(attempt(7, day(0), [turn("offer", "poor", { visibleChoiceIds: [] })]), [])).toThrow(/no replies/);
    expect(() => cardUpdatesForAttempt(attempt(7, "2026-03-02 09:00", [turn("offer", "poor")]), [])).toThrow(/attempt 7: endedAt/);
    const cards = play([attempt(1, day(5), [turn("offer", "poor")])]);
    expect(() => cardUpdatesForAttempt(attempt(8, day(4), [turn("offer", "poor")]), cards)).toThrow(GameInputError);
  });
});

describe("applyReview", () => {
  it("moves a card later after a best reply and sooner after a poor one", () => {
    const [card] = play([attempt(1, day(0), [turn("offer", "poor")])]) as [ReviewCard];
    const best = applyReview(card, "best", card.schedule.due).card;
    const poor = applyReview(card, "poor", card.schedule.due).card;
    expect(Date.parse(best.schedule.due)).toBeGreaterThan(Date.parse(card.schedule.due));
    expect(Date.parse(poor.schedule.due)).toBeLessThan(Date.parse(best.schedule.due));
    expect({ ...best, schedule: null }).toEqual({ ...card, schedule: null });
  });
});

describe("due cards", () => {
  it("lists the cards due today, most overdue first, and counts them", () => {
    const cards = play([
      attempt(1, day(0), [turn("greet", "poor")]),
      attempt(2, day(4), [turn("close", "fair")]),
      attempt(3, day(2), [turn("offer", "poor")]),
      attempt(4, day(9), [turn("apology", "poor")]),
    ]);
    const now = day(9, 12);
    expect(dueCards(cards, now).map((card) => card.stepId)).toEqual(["greet", "offer", "close"]);
    expect(dueCount(cards, now)).toBe(3);
    expect(dueCount(cards, day(10))).toBe(4);
    expect(dueCount([], now)).toBe(0);
    // Cards from one conversation fall due together; their order stays the same whatever the input order.
    const twins = play([attempt(5, day(0), [turn("offer", "poor"), turn("close", "fair")])]);
    expect(dueCards([...twins].reverse(), now)).toEqual(dueCards(twins, now));
  });
});

describe("rebuildCards", () => {
  const action = fc.oneof(
    fc.record({
      kind: fc.constant("attempt" as const),
      traineeId: fc.constantFrom(1, 2),
      version: fc.constantFrom("v1", "v2"),
      ratings: fc.array(fc.constantFrom<Rating | null>("best", "fair", "poor", null), { minLength: 1, maxLength: 4 }),
      hours: fc.integer({ min: 1, max: 24 * 20 }),
    }),
    fc.record({ kind: fc.constant("review" as const), pick: fc.nat(), rating: fc.constantFrom<Rating>("best", "fair", "poor"), hours: fc.integer({ min: 1, max: 24 * 20 }) }),
  );

  it("gives the same cards from the history as applying conversations and reviews one by one", () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), (actions) => {
        const cards = new Map<string, ReviewCard>();
        const attempts: FinishedAttempt[] = [];
        const reviews: ReviewAnswer[] = [];
        let at = Date.parse("2026-03-02T09:00:00Z");
        for (const [i, a] of actions.entries()) {
          at += a.hours * 3_600_000;
          const now = new Date(at).toISOString();
          if (a.kind === "attempt") {
            const steps = a.ratings.map((rating, s) => turn(`step-${s}`, rating, { scenarioHash: a.version }));
            const played = attempt(i + 1, now, steps, a.traineeId);
            attempts.push(played);
            for (const { card } of cardUpdatesForAttempt(played, [...cards.values()])) cards.set(cardKey(card), card);
          } else if (cards.size > 0) {
            const card = [...cards.values()].sort((x, y) => cardKey(x).localeCompare(cardKey(y)))[a.pick % cards.size]!;
            cards.set(cardKey(card), applyReview(card, a.rating, now).card);
            reviews.push({ traineeId: card.traineeId, scenarioHash: card.scenarioHash, stepId: card.stepId, reviewedAt: now, rating: a.rating });
          }
        }
        const sorted = (list: ReviewCard[]) => [...list].sort((x, y) => cardKey(x).localeCompare(cardKey(y)));
        expect(sorted(rebuildCards([...attempts].reverse(), reviews))).toEqual(sorted([...cards.values()]));
      }),
    );
  });

  it("refuses a review whose card does not exist yet", () => {
    const review: ReviewAnswer = { traineeId: 1, scenarioHash: "v1", stepId: "offer", reviewedAt: day(0), rating: "best" };
    expect(() => rebuildCards([attempt(1, day(1), [turn("offer", "poor")])], [review])).toThrow(/has no card before it/);
  });
});
