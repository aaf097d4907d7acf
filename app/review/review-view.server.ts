/**
 * What the review pages show, as plain data: the next due decision, and the feedback on an answer.
 *
 * The conversation so far comes from the conversation that first missed the decision (its first
 * 'conversation' log entry): the card keeps that conversation's replies, so its path to the step is
 * the one that led to exactly this decision. It is shown as plain text, the customer's lines and
 * the trainee's replies, short enough to read in passing; the step itself is shown in full.
 */
import { decisionOf } from "~/analytics/decisions";
import { orderReplies } from "~/attempts/reply-order";
import type { MessageLine } from "~/attempts/play-view.server";
import { loadVersion, type PinnedVersion } from "~/attempts/version.server";
import type { AttemptSnapshot, Channel, Persona, Rating, Step } from "~/engine";
import { findAttempt } from "~/models/attempt.server";
import { dueCardCount, findReviewCard, findReviewLogEntry, firstDueCard, listCardLog } from "~/models/review-card.server";
import { cardKey, type ReviewCard } from "./cards";
import { freshOrder } from "./fresh-order.server";
import { dueCutoff } from "./schedule";

type ScenarioHeading = { title: string; customer: string; channel: Channel; persona: Persona };

/** One earlier turn of the conversation, as plain text. */
export type EarlierTurn = { customer: string; reply: string };

export type ReviewStepView = {
  scenario: ScenarioHeading;
  /** Posted back with the answer: which card, and which state of it the page showed. */
  card: { version: string; step: string; reps: number };
  /** The turns before this step; null when the conversation that missed it is no longer stored. */
  earlier: EarlierTurn[] | null;
  /** What the customer said at this step. */
  customer: MessageLine[];
  /** The card's replies, in a fresh order. */
  choices: { id: string; html: string }[];
  /** Decisions due now, this one included. */
  due: number;
};

export type ReviewPage = { kind: "card"; view: ReviewStepView } | { kind: "empty"; nextDueAt: string | null };

const headingOf = ({ scenario }: PinnedVersion): ScenarioHeading => ({
  title: scenario.title,
  customer: scenario.customer,
  channel: scenario.channel,
  persona: scenario.persona,
});

async function versionOf(card: Pick<ReviewCard, "scenarioHash">): Promise<PinnedVersion> {
  const version = await loadVersion(card.scenarioHash);
  if (!version) throw new Error(`review card: scenario version ${card.scenarioHash.slice(0, 12)} is missing`);
  return version;
}

function stepOf(version: PinnedVersion, stepId: string): Step {
  const step = version.scenario.steps.find((candidate) => candidate.id === stepId);
  if (!step) throw new Error(`review card: version ${version.hash.slice(0, 12)} has no step "${stepId}"`);
  return step;
}

const customerLines = (version: PinnedVersion, step: Step): MessageLine[] => step.customer.map((piece) => ({ key: piece.key, html: version.html[piece.key] ?? "" }));

/** The conversation that first missed the card: the turns before the miss, and its order of replies. */
async function firstMiss(card: ReviewCard, version: PinnedVersion): Promise<{ earlier: EarlierTurn[]; seed: number | null } | null> {
  const entry = (await listCardLog(card.traineeId, card.scenarioHash, card.stepId)).find((e) => e.source === "conversation" && e.attemptId !== null);
  const attempt = entry?.attemptId ? await findAttempt(entry.attemptId) : undefined;
  if (!entry || !attempt || attempt.userId !== card.traineeId) return null;
  const turns = (JSON.parse(attempt.snapshot) as AttemptSnapshot).context.turns;
  const at = turns.findIndex((turn) => turn.step === card.stepId && turn.choice === entry.chosenId);
  const missed = at >= 0 ? at : turns.findIndex((turn) => turn.step === card.stepId);
  const steps = new Map(version.scenario.steps.map((step) => [step.id, step]));
  const replies = new Map(version.scenario.steps.flatMap((step) => step.choices.map((choice) => [choice.id, choice.text.text] as const)));
  const earlier = turns.slice(0, Math.max(0, missed)).map((turn) => ({
    customer: (steps.get(turn.step)?.customer ?? []).map((piece) => piece.text).join(" "),
    reply: replies.get(turn.choice) ?? "",
  }));
  return { earlier, seed: attempt.orderSeed };
}

/** The review page: the first due card, or when the next one comes back. */
export async function buildReviewPage(userId: number, now: Date): Promise<ReviewPage> {
  const cutoff = dueCutoff(now.toISOString());
  const [card, { due, earliest }] = await Promise.all([firstDueCard(userId, cutoff), dueCardCount(userId, cutoff)]);
  if (!card) return { kind: "empty", nextDueAt: earliest };
  const version = await versionOf(card);
  const step = stepOf(version, card.stepId);
  const miss = await firstMiss(card, version);
  const authored = card.visibleChoiceIds;
  const seen = orderReplies(miss?.seed ?? null, step.id, step.choices.map((choice) => choice.id), authored);
  const order = freshOrder(authored, seen, `review:${cardKey(card)}:${card.schedule.reps}`);
  return {
    kind: "card",
    view: {
      scenario: headingOf(version),
      card: { version: card.scenarioHash, step: card.stepId, reps: card.schedule.reps },
      earlier: miss?.earlier ?? null,
      customer: customerLines(version, step),
      choices: order.map((id) => ({ id, html: version.html[`choice:${id}`] ?? "" })),
      due,
    },
  };
}

export type ReviewFeedbackView = {
  scenario: ScenarioHeading;
  customer: MessageLine[];
  chosen: { html: string; rating: Rating; feedback: string | null };
  /** The best reply among those on offer; null when the chosen one was (as good as) the best. */
  best: { html: string; feedback: string | null } | null;
  reviewedAt: string;
  /** When the card comes back. */
  nextDueAt: string;
  /** Decisions still due now. */
  due: number;
};

/** The feedback on one of the trainee's answered reviews; null for anything else (a 404). */
export async function buildFeedbackView(userId: number, answerId: number, now: Date): Promise<ReviewFeedbackView | null> {
  const entry = await findReviewLogEntry(answerId);
  if (!entry || entry.userId !== userId || entry.source !== "review" || !entry.chosenId) return null;
  const [card, { due }] = await Promise.all([findReviewCard(userId, entry.scenarioHash, entry.stepId), dueCardCount(userId, dueCutoff(now.toISOString()))]);
  if (!card) return null;
  const version = await versionOf(card);
  const step = stepOf(version, card.stepId);
  const decision = decisionOf(version.scenario, step.id, card.visibleChoiceIds);
  const feedbackOf = (id: string) => step.choices.find((choice) => choice.id === id)?.feedback ?? null;
  const best = decision.assessment.best;
  return {
    scenario: headingOf(version),
    customer: customerLines(version, step),
    chosen: { html: version.html[`choice:${entry.chosenId}`] ?? "", rating: entry.rating, feedback: feedbackOf(entry.chosenId) },
    best: entry.rating === "best" ? null : { html: version.html[`choice:${best}`] ?? "", feedback: feedbackOf(best) },
    reviewedAt: entry.reviewedAt,
    nextDueAt: card.schedule.due,
    due,
  };
}
