import { beforeAll, describe, expect, it } from "vitest";
import { orderReplies } from "~/attempts/reply-order";
import { findAttempt } from "~/models/attempt.server";
import { listTraineeCards } from "~/models/review-card.server";
import { answerReview } from "./answer.server";
import { recordReviewCards } from "./record.server";
import { buildFeedbackView, buildReviewPage } from "./review-view.server";
import { day, PARCEL, playAt, useReviewDatabase } from "./test-support.server";

let trainees: number[] = [];
let attemptId = 0;
beforeAll(async () => {
  trainees = await useReviewDatabase(3);
  // "returns-desk-loop": a fair reply at the first step (ask.4, four replies), then a fair one at "credit".
  attemptId = await playAt(trainees[0]!, "returns-desk-loop", ["ask.4", "credit.2", "wrapup.3"], day(0));
  await recordReviewCards(attemptId);
});

describe("buildReviewPage", () => {
  it("says when the next card comes back while none is due", async () => {
    const cards = await listTraineeCards(trainees[0]!);
    expect(await buildReviewPage(trainees[0]!, day(0, 23))).toEqual({ kind: "empty", nextDueAt: cards[0]!.schedule.due });
    expect(await buildReviewPage(trainees[1]!, day(5))).toEqual({ kind: "empty", nextDueAt: null });
  });

  it("shows the first due decision: the conversation before it, the customer's words, and its replies in a fresh order", async () => {
    const page = await buildReviewPage(trainees[0]!, day(1));
    if (page.kind !== "card") throw new Error("expected a due card");
    const { view } = page;
    expect(view.scenario).toEqual({ title: "No receipt, no problem?", customer: "Pablo", channel: "in-person", persona: "confused" });
    expect(view.due).toBe(2);
    // Both cards are due at the same moment: ties go by the key (cards.ts `dueCards`), so "ask" first.
    expect(view.card.step).toBe("ask");
    expect(view.earlier).toEqual([]);
    expect(view.customer).toHaveLength(1);
    expect(view.customer[0]!.html).toContain("lost the receipt");

    const authored = ["ask.1", "ask.2", "ask.3", "ask.4"];
    const shown = view.choices.map((choice) => choice.id);
    expect([...shown].sort()).toEqual(authored);
    expect(shown).not.toEqual(authored);
    const seed = (await findAttempt(attemptId))!.orderSeed;
    expect(shown).not.toEqual(orderReplies(seed, "ask", authored));
    expect(view.choices.every((choice) => choice.html.length > 0)).toBe(true);
  });

  it("summarises the turns that came before the missed step", async () => {
    const userId = trainees[0]!;
    const card = (await listTraineeCards(userId)).find((c) => c.stepId === "ask")!;
    await answerReview(userId, { version: card.scenarioHash, step: "ask", reps: card.schedule.reps, choiceId: "ask.1" }, day(1));
    const page = await buildReviewPage(userId, day(1, 11));
    if (page.kind !== "card") throw new Error("expected a due card");
    expect(page.view.card.step).toBe("credit");
    expect(page.view.due).toBe(1);
    expect(page.view.earlier).toEqual([{ customer: "I'd like to return this jacket, but I lost the receipt. Is that possible?", reply: "I can give you store credit for it." }]);
    expect(page.view.choices.map((choice) => choice.id).sort()).toEqual(["credit.1", "credit.2", "credit.3"]);
  });
});

describe("buildFeedbackView", () => {
  it("names the best reply and both feedbacks after a miss, and when the card comes back", async () => {
    const userId = trainees[0]!;
    const card = (await listTraineeCards(userId)).find((c) => c.stepId === "credit")!;
    const outcome = await answerReview(userId, { version: card.scenarioHash, step: "credit", reps: card.schedule.reps, choiceId: "credit.1" }, day(1, 12));
    if (outcome.kind !== "answered") throw new Error(outcome.kind);
    const view = await buildFeedbackView(userId, outcome.answerId, day(1, 12));
    const moved = (await listTraineeCards(userId)).find((c) => c.stepId === "credit")!;
    expect(view).toMatchObject({
      scenario: { title: "No receipt, no problem?" },
      chosen: { rating: "poor", feedback: "Vague, and not quite true." },
      best: { feedback: "You went back to find him a real refund." },
      reviewedAt: day(1, 12).toISOString(),
      nextDueAt: moved.schedule.due,
      due: 0,
    });
    expect(view!.chosen.html).toContain("same as money back");
    expect(view!.best!.html).toContain("did you pay by card");
  });

  it("shows no other reply after a best answer, and nothing of another trainee's answer", async () => {
    const userId = trainees[2]!;
    await recordReviewCards(await playAt(userId, PARCEL.id, PARCEL.missListen, day(0)));
    const card = (await listTraineeCards(userId))[0]!;
    const outcome = await answerReview(userId, { version: card.scenarioHash, step: card.stepId, reps: card.schedule.reps, choiceId: "listen.1" }, day(2));
    if (outcome.kind !== "answered") throw new Error(outcome.kind);
    expect(await buildFeedbackView(userId, outcome.answerId, day(2))).toMatchObject({ chosen: { rating: "best", feedback: "Reflecting the deadline back shows you heard what matters to her." }, best: null });
    expect(await buildFeedbackView(trainees[0]!, outcome.answerId, day(2))).toBeNull();
    expect(await buildFeedbackView(userId, 999_999, day(2))).toBeNull();
  });
});
