import { beforeAll, describe, expect, it } from "vitest";
import type { WriteTx } from "#db/connection.server";
import { getDb } from "#db/db.server";
import { startAttempt } from "~/attempts/start.server";
import { findAttempt } from "~/models/attempt.server";
import type { ReviewCard } from "~/review/cards";
import { newCard, reviewCard } from "~/review/schedule";
import { day, useReviewDatabase } from "~/review/test-support.server";
import {
  appendReviewLog,
  attemptIsLogged,
  dueCardCount,
  dueCardCounts,
  findReviewCard,
  findReviewLogEntry,
  firstDueCard,
  listCardLog,
  listReviewLog,
  listTraineeCards,
  replaceConversationLog,
  replaceTraineeCards,
  reviewLogStamp,
  upsertReviewCards,
  type NewReviewLogEntry,
} from "./review-card.server";

let ann = 0;
let bob = 0;
let hash = "";
let attemptId = 0;

beforeAll(async () => {
  [ann = 0, bob = 0] = await useReviewDatabase(2);
  attemptId = await startAttempt(ann, "parcel-third-call", day(0));
  hash = (await findAttempt(attemptId))!.scenarioHash;
});

const iso = (n: number, hour = 10) => day(n, hour).toISOString();

function card(userId: number, stepId: string, createdDay: number, dueDay: number): ReviewCard {
  const schedule = { ...reviewCard(newCard(iso(createdDay)), "poor", iso(createdDay)).card, due: iso(dueDay) };
  return { traineeId: userId, scenarioId: "parcel-third-call", scenarioHash: hash, stepId, visibleChoiceIds: [`${stepId}.1`, `${stepId}.2`], createdAt: iso(createdDay), schedule };
}

const write = async <T>(work: (tx: WriteTx) => Promise<T>): Promise<T> => (await getDb()).write(work);

describe("review cards", () => {
  it("stores cards and reads them back as they were, in due order", async () => {
    const cards = [card(ann, "options", 0, 3), card(ann, "listen", 0, 1), card(ann, "details", 1, 1), card(bob, "listen", 0, 1)];
    await write((tx) => upsertReviewCards(tx, cards));
    expect(await listTraineeCards(ann)).toEqual([cards[1], cards[2], cards[0]]);
    expect(await findReviewCard(ann, hash, "details")).toEqual(cards[2]);
    expect(await findReviewCard(ann, hash, "opening")).toBeUndefined();
    expect(await findReviewCard(bob, hash, "details")).toBeUndefined();
  });

  it("finds the first due card and counts due cards before a cutoff", async () => {
    expect(await firstDueCard(ann, iso(1, 0))).toBeUndefined();
    expect((await firstDueCard(ann, iso(2, 0)))?.stepId).toBe("listen");
    expect(await dueCardCount(ann, iso(2, 0))).toEqual({ due: 2, earliest: iso(1) });
    expect(await dueCardCount(ann, iso(9, 0))).toEqual({ due: 3, earliest: iso(1) });
    expect(await dueCardCount(999, iso(9, 0))).toEqual({ due: 0, earliest: null });
    expect(await dueCardCounts([ann, bob, ann, 999], iso(2, 0))).toEqual(
      new Map([
        [ann, 2],
        [bob, 1],
      ]),
    );
  });

  it("updates only the schedule of an existing card, keeping its replies and creation time", async () => {
    const stored = (await findReviewCard(ann, hash, "listen"))!;
    const moved = { ...stored, visibleChoiceIds: ["other"], createdAt: iso(5), schedule: reviewCard(stored.schedule, "best", iso(2)).card };
    await write((tx) => upsertReviewCards(tx, [moved]));
    expect(await findReviewCard(ann, hash, "listen")).toEqual({ ...stored, schedule: moved.schedule });
    expect((await dueCardCount(ann, iso(2, 0))).due).toBe(1);
  });

  it("replaces all of one trainee's cards and no one else's", async () => {
    const only = card(ann, "opening", 2, 4);
    await write((tx) => replaceTraineeCards(tx, ann, [only]));
    expect(await listTraineeCards(ann)).toEqual([only]);
    expect(await listTraineeCards(bob)).toHaveLength(1);
    await expect(write((tx) => replaceTraineeCards(tx, ann, [card(bob, "x", 0, 1)]))).rejects.toThrow(/another trainee/);
  });

  it("refuses a stored card whose schedule is not one", async () => {
    await write((tx) => tx.run("UPDATE review_cards SET schedule = '{\"due\":\"soon\"}' WHERE user_id = ?", [bob]));
    await expect(listTraineeCards(bob)).rejects.toThrow(/schedule/);
    await write((tx) => tx.run("DELETE FROM review_cards WHERE user_id = ?", [bob]));
  });
});

describe("review log", () => {
  const miss = (stepId: string, at: string): NewReviewLogEntry => ({ userId: ann, scenarioHash: hash, stepId, source: "conversation", attemptId, chosenId: `${stepId}.2`, rating: "poor", reviewedAt: at });
  const answer = (stepId: string, at: string, rating: "best" | "fair" | "poor" = "best"): NewReviewLogEntry => ({
    userId: ann,
    scenarioHash: hash,
    stepId,
    source: "review",
    attemptId: null,
    chosenId: `${stepId}.1`,
    rating,
    reviewedAt: at,
  });

  it("appends entries, finds them, and tells whether an attempt is logged", async () => {
    const stamp = await reviewLogStamp(ann);
    expect(await write((tx) => attemptIsLogged(tx, attemptId))).toBe(false);
    const [first, second, third] = await write((tx) => appendReviewLog(tx, [miss("listen", iso(0)), answer("listen", iso(2)), answer("options", iso(3), "poor")]));
    expect(await write((tx) => attemptIsLogged(tx, attemptId))).toBe(true);
    expect(await reviewLogStamp(ann)).not.toBe(stamp);
    expect(await findReviewLogEntry(second!)).toEqual({ id: second, ...answer("listen", iso(2)) });
    expect((await listReviewLog(ann)).map((entry) => entry.id)).toEqual([first, second, third]);
    expect((await listReviewLog(ann, { source: "review" })).map((entry) => entry.id)).toEqual([second, third]);
    expect((await listReviewLog(ann, { source: "review", since: iso(3, 0) })).map((entry) => entry.id)).toEqual([third]);
    expect((await listCardLog(ann, hash, "listen")).map((entry) => entry.source)).toEqual(["conversation", "review"]);
    expect(await listReviewLog(bob)).toEqual([]);
  });

  it("refuses a review that names an attempt (the table's check)", async () => {
    await expect(write((tx) => appendReviewLog(tx, [{ ...answer("listen", iso(4)), attemptId }]))).rejects.toThrow(/CHECK/);
  });

  it("replaces a trainee's conversation entries and keeps their reviews", async () => {
    await write((tx) => replaceConversationLog(tx, ann, [miss("details", iso(1))]));
    expect((await listReviewLog(ann)).map((entry) => [entry.source, entry.stepId])).toEqual([
      ["conversation", "details"],
      ["review", "listen"],
      ["review", "options"],
    ]);
    await expect(write((tx) => replaceConversationLog(tx, ann, [answer("x", iso(1))]))).rejects.toThrow(/review or another/);
  });
});
