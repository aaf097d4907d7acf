import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/db.server";
import { chooseReply } from "~/attempts/choose.server";
import { startAttempt } from "~/attempts/start.server";
import { findAttempt } from "~/models/attempt.server";
import { listReviewLog, listTraineeCards, replaceTraineeCards, type ReviewLogEntry } from "~/models/review-card.server";
import { answerReview } from "./answer.server";
import { rebuildCards } from "./cards";
import { readFinishedAttempts } from "./history.server";
import { rebuildReviewCards, recordReviewCards } from "./record.server";
import { day, PARCEL, playAt, useReviewDatabase } from "./test-support.server";

let trainees: number[] = [];
beforeAll(async () => {
  trainees = await useReviewDatabase(7);
});
const trainee = (i: number) => trainees[i]!;

/**
 * Takes back what recording one attempt did (the conversation-end hook may already have run when
 * it ended): its log entries go, and the cards become those of the other conversations and the
 * answered reviews.
 */
async function forget(userId: number, attemptId: number): Promise<void> {
  const others = (await readFinishedAttempts(userId)).filter((attempt) => attempt.attemptId !== attemptId);
  const reviews = (await listReviewLog(userId, { source: "review" })).map((entry) => ({ ...entry, traineeId: entry.userId }));
  const db = await getDb();
  await db.write(async (tx) => {
    await tx.run("DELETE FROM review_log WHERE attempt_id = ?", [attemptId]);
    await replaceTraineeCards(tx, userId, rebuildCards(others, reviews));
  });
}

/** The log without its row ids, which a rebuild renumbers. */
const logOf = async (userId: number) => (await listReviewLog(userId)).map(({ id: _id, ...entry }: ReviewLogEntry) => entry);

async function answer(userId: number, stepId: string, choiceId: string, when: Date) {
  const card = (await listTraineeCards(userId)).find((c) => c.stepId === stepId)!;
  return answerReview(userId, { version: card.scenarioHash, step: stepId, reps: card.schedule.reps, choiceId }, when);
}

describe("recordReviewCards", () => {
  it("makes a card for each missed step with the replies on offer, and logs each miss once", async () => {
    const userId = trainee(0);
    const attemptId = await playAt(userId, PARCEL.id, PARCEL.twoMisses, day(0));
    const endedAt = (await findAttempt(attemptId))!.endedAt!;
    await recordReviewCards(attemptId);

    const cards = await listTraineeCards(userId);
    expect(cards.map((card) => [card.stepId, card.visibleChoiceIds, card.createdAt])).toEqual([
      ["listen", ["listen.1", "listen.2"], endedAt],
      ["options", ["options.1", "options.2"], endedAt],
    ]);
    expect(cards.every((card) => card.scenarioId === PARCEL.id && card.schedule.reps === 1 && card.schedule.lapses === 0)).toBe(true);
    expect(await logOf(userId)).toEqual([
      { userId, scenarioHash: cards[0]!.scenarioHash, stepId: "listen", source: "conversation", attemptId, chosenId: "listen.2", rating: "poor", reviewedAt: endedAt },
      { userId, scenarioHash: cards[0]!.scenarioHash, stepId: "options", source: "conversation", attemptId, chosenId: "options.2", rating: "poor", reviewedAt: endedAt },
    ]);

    // A second call (a retried hook) changes nothing.
    await recordReviewCards(attemptId);
    expect(await listTraineeCards(userId)).toEqual(cards);
    expect(await listReviewLog(userId)).toHaveLength(2);
  });

  it("records a fair reply as a miss too, and a conversation of best replies makes nothing", async () => {
    const userId = trainee(1);
    await recordReviewCards(await playAt(userId, PARCEL.id, PARCEL.best, day(0)));
    expect(await listTraineeCards(userId)).toEqual([]);
    await recordReviewCards(await playAt(userId, "returns-desk-loop", ["ask.4", "credit.2", "wrapup.3"], day(1)));
    expect((await listTraineeCards(userId)).map((card) => card.stepId).sort()).toEqual(["ask", "credit"]);
    expect((await listReviewLog(userId)).map((entry) => [entry.stepId, entry.rating])).toEqual([
      ["ask", "fair"],
      ["credit", "fair"],
    ]);
  });

  it("makes nothing for a conversation in progress or set aside, nor for a missing attempt", async () => {
    const userId = trainee(2);
    const first = await startAttempt(userId, PARCEL.id, day(0));
    await chooseReply({ userId, attemptId: first, turn: 1, choiceId: "opening.2", now: new Date(day(0).getTime() + 20_000) });
    await recordReviewCards(first);
    await startAttempt(userId, PARCEL.id, day(0, 12));
    expect((await findAttempt(first))?.status).toBe("abandoned");
    await recordReviewCards(first);
    await recordReviewCards(999_999);
    expect(await listTraineeCards(userId)).toEqual([]);
    expect(await listReviewLog(userId)).toEqual([]);
  });

  it("moves the same card when a later conversation misses the step again", async () => {
    const userId = trainee(3);
    await recordReviewCards(await playAt(userId, PARCEL.id, PARCEL.missListen, day(0)));
    const [before] = await listTraineeCards(userId);
    const again = await playAt(userId, PARCEL.id, PARCEL.missListen, day(4));
    await recordReviewCards(again);
    const [after, ...others] = await listTraineeCards(userId);
    expect(others).toEqual([]);
    expect(after).toMatchObject({ stepId: "listen", createdAt: before!.createdAt, visibleChoiceIds: before!.visibleChoiceIds });
    expect(after!.schedule.reps).toBe(2);
    expect(after!.schedule.lapses).toBeGreaterThanOrEqual(1);
    expect(Date.parse(after!.schedule.due)).toBeGreaterThan(Date.parse(before!.schedule.due));
    expect((await listReviewLog(userId)).map((entry) => entry.attemptId)).toHaveLength(2);
  });
});

describe("rebuildReviewCards", () => {
  it("gives the same cards and log as recording each conversation and answering reviews as they happen", async () => {
    const userId = trainee(4);
    await recordReviewCards(await playAt(userId, PARCEL.id, PARCEL.twoMisses, day(0)));
    expect((await answer(userId, "listen", "listen.1", day(1))).kind).toBe("answered");
    expect((await answer(userId, "options", "options.2", day(1, 11))).kind).toBe("answered");
    await recordReviewCards(await playAt(userId, PARCEL.id, PARCEL.missListen, day(3)));
    await recordReviewCards(await playAt(userId, "returns-desk-loop", ["ask.4", "credit.2", "wrapup.3"], day(3, 15)));
    expect((await answer(userId, "options", "options.1", day(2 + 3))).kind).toBe("answered");

    const cards = await listTraineeCards(userId);
    const log = await logOf(userId);
    expect(cards.length).toBe(4);
    expect(await rebuildReviewCards(userId)).toEqual({ cards: 4 });
    expect(await listTraineeCards(userId)).toEqual(cards);
    expect(await logOf(userId)).toEqual(log);

    // And the pure rebuild over the same history agrees with what is stored.
    const reviews = (await listReviewLog(userId, { source: "review" })).map((entry) => ({ ...entry, traineeId: entry.userId }));
    const rebuilt = rebuildCards(await readFinishedAttempts(userId), reviews);
    const byKey = (a: { stepId: string }, b: { stepId: string }) => a.stepId.localeCompare(b.stepId);
    expect(rebuilt.sort(byKey)).toEqual([...cards].sort(byKey));
  });

  it("brings in conversations that ended before cards were recorded", async () => {
    const userId = trainee(5);
    const attemptId = await playAt(userId, PARCEL.id, PARCEL.twoMisses, day(0));
    await forget(userId, attemptId);
    expect(await listTraineeCards(userId)).toEqual([]);
    expect(await rebuildReviewCards(userId)).toEqual({ cards: 2 });
    expect((await listReviewLog(userId)).map((entry) => [entry.stepId, entry.attemptId])).toEqual([
      ["listen", attemptId],
      ["options", attemptId],
    ]);
    // The hook arriving afterwards finds the attempt done.
    const cards = await listTraineeCards(userId);
    await recordReviewCards(attemptId);
    expect(await listTraineeCards(userId)).toEqual(cards);
    expect(await listReviewLog(userId)).toHaveLength(2);
  });

  it("places a conversation recorded after a later review of its card in time order", async () => {
    const userId = trainee(6);
    await recordReviewCards(await playAt(userId, PARCEL.id, PARCEL.twoMisses, day(0)));
    const late = await playAt(userId, PARCEL.id, PARCEL.missListen, day(2));
    await forget(userId, late);
    expect((await listTraineeCards(userId)).find((card) => card.stepId === "listen")!.schedule.reps).toBe(1);
    // The review on day 3 is answered before the conversation that ended on day 2 is recorded.
    expect((await answer(userId, "listen", "listen.1", day(3))).kind).toBe("answered");
    await recordReviewCards(late);

    const cards = await listTraineeCards(userId);
    const log = await logOf(userId);
    expect(log.filter((entry) => entry.attemptId === late)).toHaveLength(1);
    const listen = cards.find((card) => card.stepId === "listen")!;
    expect(listen.schedule.reps).toBe(3);
    expect(listen.schedule.lastReview).toBe(day(3).toISOString());
    await rebuildReviewCards(userId);
    expect(await listTraineeCards(userId)).toEqual(cards);
    await recordReviewCards(late);
    expect(await logOf(userId)).toEqual(log);
  });
});
