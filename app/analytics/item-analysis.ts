import type { Decision, RatedTurn } from "./decisions";
import { correlation, mean } from "./stats";

/**
 * Item analysis: how each decision behaves as a test question, from real finished attempts.
 *
 * - Facility: the share of answers that chose a best reply (rated "best" against the replies on
 *   offer: the engine's best, or one as good as it).
 * - Discrimination: the point-biserial correlation between choosing a best reply here (1/0) and
 *   the rest of the attempt, i.e. the mean quality of the attempt's other assessed turns (each
 *   turn's quality is the debrief's: the chosen reply's mean value over the skills that turn
 *   assesses). Leaving this turn out keeps it from correlating with itself; the mean of turn
 *   qualities rather than the overall score, because the overall averages skills and would weigh a
 *   turn by how many skills happen to be assessed elsewhere. Point-biserial uses every answer,
 *   unlike the upper/lower 27 % index, which discards the middle 46 %; with the few dozen answers
 *   a team gives, that matters.
 * - Key check: among the top third of the trainees who answered (by current overall mastery), is a
 *   wrong reply more popular than the best one? Then the "best" reply may be keyed wrongly.
 *
 * Flags are shown only from MIN_ANSWERS_FOR_FLAGS answers: below that, one or two trainees move
 * every figure (the standard error of a correlation near zero is about 1/√n, so 0.22 at 20).
 */
export const MIN_ANSWERS_FOR_FLAGS = 20;
export const TOO_EASY_FACILITY = 0.95;
export const MIN_DISCRIMINATION = 0.2;

export type Answer = { attemptId: number; userId: number; choiceId: string; correct: boolean; rest: number | null };
export type ReplyCount = { choiceId: string; count: number };

export type ItemStats = {
  answers: number;
  /** Answers per reply on offer, in the decision's order. */
  counts: ReplyCount[];
  facility: number;
  discrimination: number | null;
  popularWrong: ReplyCount | null;
  topThird: { trainees: number; answers: number; best: number; popularWrong: ReplyCount | null };
  /** null: fewer than MIN_ANSWERS_FOR_FLAGS answers, too few to flag anything. */
  flags: { tooEasy: boolean; notSeparating: boolean; keyError: boolean } | null;
};

type AttemptTurns = { attemptId: number; userId: number; turns: readonly RatedTurn[] };

/** Every assessed answer, grouped by decision (decisions that assess nothing have no best reply to find). */
export function collectAnswers(attempts: readonly AttemptTurns[]): Map<string, { decision: Decision; answers: Answer[] }> {
  const byDecision = new Map<string, { decision: Decision; answers: Answer[] }>();
  for (const attempt of attempts) {
    const assessed = attempt.turns.filter((turn): turn is RatedTurn & { quality: number } => turn.quality !== null);
    for (const turn of assessed) {
      const others = assessed.filter((other) => other !== turn).map((other) => other.quality);
      const entry = byDecision.get(turn.decision.key) ?? { decision: turn.decision, answers: [] };
      byDecision.set(turn.decision.key, entry);
      entry.answers.push({ attemptId: attempt.attemptId, userId: attempt.userId, choiceId: turn.choiceId, correct: turn.rating === "best", rest: mean(others) });
    }
  }
  return byDecision;
}

/**
 * The top third of the trainees by overall mastery: the first ⌈n/3⌉ in descending order, and
 * anyone tied with the last of them (a tie is not broken by chance). Trainees without a mastery
 * are not ranked.
 */
export function topThird(userIds: Iterable<number>, mastery: ReadonlyMap<number, number>): Set<number> {
  const ranked = [...new Set(userIds)].filter((id) => mastery.has(id)).sort((a, b) => mastery.get(b)! - mastery.get(a)!);
  if (ranked.length === 0) return new Set();
  const cutoff = mastery.get(ranked[Math.ceil(ranked.length / 3) - 1]!)!;
  return new Set(ranked.filter((id) => mastery.get(id)! >= cutoff));
}

function mostPopularWrong(answers: readonly Answer[], order: readonly string[]): ReplyCount | null {
  let top: ReplyCount | null = null;
  for (const choiceId of order) {
    const count = answers.filter((answer) => !answer.correct && answer.choiceId === choiceId).length;
    if (count > 0 && (top === null || count > top.count)) top = { choiceId, count };
  }
  return top;
}

/** The figures and flags of one decision. `order` lists its replies as offered. */
export function analyseItem(answers: readonly Answer[], order: readonly string[], mastery: ReadonlyMap<number, number>): ItemStats {
  const correct = answers.filter((answer) => answer.correct).length;
  const paired = answers.filter((answer): answer is Answer & { rest: number } => answer.rest !== null);
  const discrimination = correlation(
    paired.map((answer) => (answer.correct ? 1 : 0)),
    paired.map((answer) => answer.rest),
  );
  const top = topThird(answers.map((answer) => answer.userId), mastery);
  const topAnswers = answers.filter((answer) => top.has(answer.userId));
  const topBest = topAnswers.filter((answer) => answer.correct).length;
  const topWrong = mostPopularWrong(topAnswers, order);
  const facility = answers.length === 0 ? 0 : correct / answers.length;
  return {
    answers: answers.length,
    counts: order.map((choiceId) => ({ choiceId, count: answers.filter((answer) => answer.choiceId === choiceId).length })),
    facility,
    discrimination,
    popularWrong: mostPopularWrong(answers, order),
    topThird: { trainees: top.size, answers: topAnswers.length, best: topBest, popularWrong: topWrong },
    flags:
      answers.length < MIN_ANSWERS_FOR_FLAGS
        ? null
        : {
            tooEasy: facility >= TOO_EASY_FACILITY,
            notSeparating: discrimination !== null && discrimination < MIN_DISCRIMINATION,
            keyError: topWrong !== null && topWrong.count > topBest,
          },
  };
}
