import type { Timing } from "~/domain/timing";
import { currentStep, endingReached, visibleChoices, type Channel, type Persona } from "~/engine";
import { repliesToAnEnding } from "./replies-left";
import type { OwnAttempt } from "./load.server";
import { inReplyOrder } from "./reply-order";
import { isLate, patienceUnder, replyDeadline } from "./timing";

export type MessageLine = { key: string; html: string };

/** One turn of the conversation: everything the customer said at a step, or one reply. */
export type TranscriptEntry = { kind: "customer"; key: string; lines: MessageLine[] } | { kind: "reply"; key: string; html: string; late: boolean };

/** Everything the play page shows, as plain data: the browser decides nothing. */
export type PlayView = {
  attemptId: number;
  /** The turn the next reply answers (1-based); posted back with the choice. */
  turn: number;
  scenario: { id: string; title: string; customer: string; channel: Channel; persona: Persona };
  /** The brief the trainee read before starting, from the attempt's own version; null when it has none. */
  briefHtml: string | null;
  mood: number;
  /** Mood before the last reply, to describe the change. */
  previousMood: number | null;
  transcript: TranscriptEntry[];
  /** The customer's newest lines (shown after a short typing pause with JavaScript). */
  latest: MessageLine[];
  /** The visible replies in this attempt's order (reply-order.ts), not the authored one. */
  choices: { id: string; html: string }[];
  /** The trainee's time limit for this attempt; `patience` already applies it. */
  timing: Timing;
  /** seconds: the limit under `timing`; overdue: the reply is already late by the server's clock (after a reload, say). */
  patience: { seconds: number; deadline: string; serverNow: string; overdue: boolean } | null;
  progress: { repliesGiven: number; repliesLeft: number };
};

export function buildPlayView({ attempt, version, snapshot }: OwnAttempt, now: Date = new Date()): PlayView | null {
  const { scenario, html } = version;
  const context = snapshot.context;
  const step = currentStep(scenario, context);
  if (!step || endingReached(scenario, context)) return null;

  const steps = new Map(scenario.steps.map((s) => [s.id, s]));
  const customerLines = (stepId: string, turn: number): MessageLine[] =>
    (steps.get(stepId)?.customer ?? []).map((piece) => ({ key: `t${turn}:${piece.key}`, html: html[piece.key] ?? "" }));

  const transcript: TranscriptEntry[] = context.turns.flatMap((record, index) => [
    { kind: "customer" as const, key: `t${index + 1}:customer`, lines: customerLines(record.step, index + 1) },
    { kind: "reply" as const, key: `t${index + 1}:reply`, html: html[`choice:${record.choice}`] ?? "", late: record.late },
  ]);
  const last = context.turns.at(-1);
  const seconds = patienceUnder(attempt.timing, step.patience);
  const deadline = replyDeadline(attempt.stepShownAt, seconds);
  const visible = visibleChoices(scenario, context).map((choice) => ({ id: choice.id, html: html[`choice:${choice.id}`] ?? "" }));

  return {
    attemptId: attempt.id,
    turn: attempt.turns + 1,
    scenario: {
      id: scenario.id,
      title: scenario.title,
      customer: scenario.customer,
      channel: scenario.channel,
      persona: scenario.persona,
    },
    briefHtml: html.brief ?? null,
    mood: context.mood,
    previousMood: last ? last.moodBefore : null,
    transcript,
    latest: customerLines(step.id, attempt.turns + 1),
    choices: inReplyOrder(
      attempt.orderSeed,
      step.id,
      step.choices.map((choice) => choice.id),
      visible,
    ),
    timing: attempt.timing,
    patience:
      deadline && seconds !== null
        ? { seconds, deadline: deadline.toISOString(), serverNow: now.toISOString(), overdue: isLate(deadline, now) }
        : null,
    progress: { repliesGiven: attempt.turns, repliesLeft: repliesToAnEnding(scenario, step.id) },
  };
}
