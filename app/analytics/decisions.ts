import { assessChoices, indexScenario, rateChoice, type Choice, type Rating, type Scenario, type TurnAssessment } from "~/engine";
import { toNumber } from "~/engine/rational";
import { fastReplies, wordCount, type FastReplies } from "./reading";

/**
 * A decision: a step as a trainee met it, with the replies on offer at that moment. Flags and the
 * two-visit limit can hide replies, so one step can be several decisions; a reply is rated
 * against the replies of its decision, exactly as the debrief rates it.
 */
export type Decision = {
  /** `<step id>|<visible ids, comma-separated>`: stable within one scenario version. */
  key: string;
  stepId: string;
  choices: Choice[];
  assessment: TurnAssessment;
  /** Per reply on offer: its rating and quality (0..1) here, worked out once per decision. */
  ratings: Map<string, Rating | null>;
  qualities: Map<string, number | null>;
  /** Words to read before answering: the customer's lines and every reply on offer. */
  words: number;
};

const decisionCache = new WeakMap<Scenario, Map<string, Decision>>();

export function decisionOf(scenario: Scenario, stepId: string, visible: readonly string[]): Decision {
  const key = `${stepId}|${visible.join(",")}`;
  let cache = decisionCache.get(scenario);
  if (!cache) decisionCache.set(scenario, (cache = new Map()));
  let decision = cache.get(key);
  if (!decision) {
    const { steps, choices: byId } = indexScenario(scenario);
    const choices = visible.map((id) => byId.get(id)).filter((choice): choice is Choice => choice !== undefined);
    const customer = steps.get(stepId)?.customer ?? [];
    const words = [...customer.map((piece) => piece.text), ...choices.map((choice) => choice.text.text)].reduce((sum, text) => sum + wordCount(text), 0);
    const assessment = assessChoices(choices);
    const ratings = new Map(choices.map((choice) => [choice.id, rateChoice(assessment, choice.id)]));
    const qualities = new Map(
      choices.map((choice) => {
        const quality = assessment.quality.get(choice.id) ?? null;
        return [choice.id, quality === null ? null : toNumber(quality)];
      }),
    );
    decision = { key, stepId, choices, assessment, ratings, qualities, words };
    cache.set(key, decision);
  }
  return decision;
}

export type RatedTurn = {
  turn: number;
  stepId: string;
  choiceId: string;
  decision: Decision;
  rating: Rating | null;
  /** The chosen reply's quality among those on offer (0..1), null when the decision assesses nothing. */
  quality: number | null;
};

/** Each turn rated against the replies on offer at that turn (the debrief's rating). */
export function rateTurns(scenario: Scenario, turns: readonly { turn: number; stepId: string; choiceId: string; visible: readonly string[] }[]): RatedTurn[] {
  return turns.map((turn) => {
    const decision = decisionOf(scenario, turn.stepId, turn.visible);
    return {
      turn: turn.turn,
      stepId: turn.stepId,
      choiceId: turn.choiceId,
      decision,
      rating: decision.ratings.get(turn.choiceId) ?? null,
      quality: decision.qualities.get(turn.choiceId) ?? null,
    };
  });
}

/** How many of an attempt's replies came faster than its turns could be read (reading.ts). */
export function fastRepliesOf(scenario: Scenario, turns: readonly { turn: number; stepId: string; responseMs: number; visible: readonly string[] }[]): FastReplies {
  return fastReplies(turns.map((turn) => ({ turn: turn.turn, responseMs: turn.responseMs, words: decisionOf(scenario, turn.stepId, turn.visible).words })));
}
