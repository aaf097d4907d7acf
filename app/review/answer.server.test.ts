import { beforeAll, describe, expect, it } from "vitest";
import { findAttempt } from "~/models/attempt.server";
import { listReviewLog, listTraineeCards } from "~/models/review-card.server";
import { answerReview, readAnswerForm, type ReviewAnswerForm } from "./answer.server";
import { recordReviewCards } from "./record.server";
import { reviewSummary } from "./summary.server";
import { DAY, day, PARCEL, playAt, useReviewDatabase } from "./test-support.server";

let trainees: number[] = [];
beforeAll(async () => {
  trainees = await useReviewDatabase(5);
});

/** A trainee with the two cards of PARCEL.twoMisses (played on day 0, due on day 1); returns the attempt. */
async function traineeWithCards(i: number): Promise<{ userId: number; attemptId: number }> {
  const userId = trainees[i]!;
  const attemptId = await playAt(userId, PARCEL.id, PARCEL.twoMisses, day(0));
  await recordReviewCards(attemptId);
  return { userId, attemptId };
}

async function formFor(userId: number, stepId: string, choiceId: string): Promise<ReviewAnswerForm> {
  const card = (await listTraineeCards(userId)).find((c) => c.stepId === stepId)!;
  return { version: card.scenarioHash, step: stepId, reps: card.schedule.reps, choiceId };
}

const cardOf = async (userId: number, stepId: string) => (await listTraineeCards(userId)).find((c) => c.stepId === stepId)!;

describe("readAnswerForm", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.set(name, value);
    return data;
  };
  it("reads the card, its state and the reply; tells a missing reply from a foreign form", () => {
    expect(readAnswerForm(form({ version: "abc", step: "listen", reps: "1", choiceId: "listen.1" }))).toEqual({ version: "abc", step: "listen", reps: 1, choiceId: "listen.1" });
    expect(readAnswerForm(form({ version: "abc", step: "listen", reps: "1" }))).toBe("missing-choice");
    expect(readAnswerForm(form({ version: "abc", step: "listen", reps: "-1", choiceId: "x" }))).toBe("invalid");
    expect(readAnswerForm(form({ choiceId: "x" }))).toBe("invalid");
  });
});

describe("answerReview", () => {
  it("logs a best answer and sends the card further out; scores stay as they were", async () => {
    const { userId, attemptId } = await traineeWithCards(0);
    const scoresBefore = await findAttempt(attemptId);
    const before = await cardOf(userId, "listen");
    const outcome = await answerReview(userId, await formFor(userId, "listen", "listen.1"), day(1));
    expect(outcome.kind).toBe("answered");
    const after = await cardOf(userId, "listen");
    expect(after.schedule.reps).toBe(before.schedule.reps + 1);
    expect(after.schedule.lastReview).toBe(day(1).toISOString());
    expect(Date.parse(after.schedule.due) - day(1).getTime()).toBeGreaterThanOrEqual(2 * DAY);
    const reviews = await listReviewLog(userId, { source: "review" });
    expect(reviews).toEqual([
      { id: (outcome as { answerId: number }).answerId, userId, scenarioHash: before.scenarioHash, stepId: "listen", source: "review", attemptId: null, chosenId: "listen.1", rating: "best", reviewedAt: day(1).toISOString() },
    ]);
    expect(await findAttempt(attemptId)).toEqual(scoresBefore);
  });

  it("brings a card answered with a poor reply back the next day, sooner than a best answer would", async () => {
    const { userId } = await traineeWithCards(1);
    await answerReview(userId, await formFor(userId, "options", "options.2"), day(1));
    const card = await cardOf(userId, "options");
    expect(card.schedule.due).toBe(new Date(day(1).getTime() + DAY).toISOString());
    expect((await listReviewLog(userId, { source: "review" })).map((entry) => entry.rating)).toEqual(["poor"]);
  });

  it("logs a double submit once and answers the second with the first answer", async () => {
    const { userId } = await traineeWithCards(2);
    const form = await formFor(userId, "listen", "listen.2");
    const [a, b] = await Promise.all([answerReview(userId, form, day(1)), answerReview(userId, form, day(1))]);
    expect([a.kind, b.kind].sort()).toEqual(["already", "answered"]);
    expect((a as { answerId: number }).answerId).toBe((b as { answerId: number }).answerId);
    expect(await answerReview(userId, form, day(1, 11))).toEqual({ kind: "already", answerId: (a as { answerId: number }).answerId });
    expect(await listReviewLog(userId, { source: "review" })).toHaveLength(1);
  });

  it("refuses a reply the card did not offer, an unknown card, a card not due and a stale page, changing nothing", async () => {
    const { userId } = await traineeWithCards(3);
    const form = await formFor(userId, "listen", "listen.1");
    const cards = await listTraineeCards(userId);
    expect(await answerReview(userId, { ...form, choiceId: "opening.1" }, day(1))).toEqual({ kind: "not-offered" });
    expect(await answerReview(userId, { ...form, step: "opening" }, day(1))).toEqual({ kind: "not-found" });
    expect(await answerReview(userId, { ...form, version: "0".repeat(64) }, day(1))).toEqual({ kind: "not-found" });
    expect(await answerReview(trainees[4]!, form, day(1))).toEqual({ kind: "not-found" });
    // Due from the start of day 1 (UTC), not on the day the conversation ended.
    expect(await answerReview(userId, form, day(0, 23))).toEqual({ kind: "not-due", dueAt: cards[0]!.schedule.due });
    expect(await answerReview(userId, { ...form, reps: 0 }, day(1))).toEqual({ kind: "changed" });
    expect(await listTraineeCards(userId)).toEqual(cards);
    expect(await listReviewLog(userId, { source: "review" })).toEqual([]);

    // Answered once; the same page posted again with another reply is not applied.
    expect((await answerReview(userId, form, day(1))).kind).toBe("answered");
    expect(await answerReview(userId, { ...form, choiceId: "listen.2" }, day(1))).toMatchObject({ kind: "not-due" });
    expect(await listReviewLog(userId, { source: "review" })).toHaveLength(1);
  });
});

describe("reviewSummary", () => {
  it("counts due cards by the UTC day and retention from answered reviews only", async () => {
    const userId = trainees[4]!;
    expect(await reviewSummary(userId, day(0))).toMatchObject({ due: 0, nextDueAt: null, retention: { percent: null, reviews: 0 } });
    await recordReviewCards(await playAt(userId, PARCEL.id, PARCEL.twoMisses, day(0)));
    const [first] = await listTraineeCards(userId);
    expect(await reviewSummary(userId, day(0, 23))).toMatchObject({ due: 0, nextDueAt: first!.schedule.due, retention: { reviews: 0 } });
    expect((await reviewSummary(userId, day(1, 0))).due).toBe(2);

    await answerReview(userId, await formFor(userId, "listen", "listen.1"), day(1));
    await answerReview(userId, await formFor(userId, "options", "options.2"), day(1, 11));
    const summary = await reviewSummary(userId, day(1, 12));
    expect(summary.due).toBe(0);
    expect(summary.retention).toMatchObject({ percent: null, best: 1, reviews: 2 });
    // Five reviews make a figure: two more of "options" (back each day after a poor answer), then one best.
    await answerReview(userId, await formFor(userId, "options", "options.2"), day(2));
    await answerReview(userId, await formFor(userId, "options", "options.1"), day(3));
    const listen = await cardOf(userId, "listen");
    await answerReview(userId, await formFor(userId, "listen", "listen.1"), new Date(listen.schedule.due));
    const later = await reviewSummary(userId, new Date(listen.schedule.due));
    expect(later.retention).toMatchObject({ percent: 60, best: 3, reviews: 5 });
  });
});
