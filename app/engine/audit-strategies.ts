/**
 * Naive strategies played on the real engine: what a trainee scores who never
 * reads the customer and only follows a surface pattern. A good library keeps
 * these near the random reference.
 */
import { applyChoice, endingReached, initialContext, visibleChoices } from "./attempt";
import type { AttemptContext } from "./attempt";
import { AuditTooComplexError, situationKeyer } from "./audit-reach";
import { add, div, mul, rational, sub, ZERO } from "./rational";
import type { Rational } from "./rational";
import { assessChoices, scoreAttempt } from "./scoring";
import type { TurnAssessment } from "./scoring";
import { MAX_STATES, SKILLS } from "./types";
import type { Choice, Scenario } from "./types";

/** To six decimals without going through two huge floats (path probabilities can have long denominators). */
const approx = (x: Rational) => Number((x.n * 1_000_000n) / x.d) / 1_000_000;

/**
 * Words and phrases a reply-picker would take for an apology. Kept short and
 * deliberately broad: the point is the cue a trainee can spot without reading.
 */
export const APOLOGY_PHRASES: readonly string[] = [
  "sorry",
  "apologise",
  "apologize",
  "apology",
  "apologies",
  "i understand",
  "i hear you",
  "frustrating",
  "frustrated",
  "regret",
  "my fault",
  "our fault",
  "my mistake",
  "our mistake",
  "inconvenience",
];

const APOLOGY = new RegExp(
  `\\b(?:${[...APOLOGY_PHRASES]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/ /g, "\\s+"))
    .join("|")})\\b`,
  "gi",
);

/** How many apology phrases a text holds (case-insensitive, whole words, each occurrence counted). */
export function apologyCount(text: string): number {
  return text.match(APOLOGY)?.length ?? 0;
}

export const replyLength = (choice: Choice) => choice.text.text.length;

export type Picker = (visible: readonly Choice[]) => Choice;

/** The first reply that beats every earlier one on `better` (so ties go to the first as written). */
function pickBy(better: (a: Choice, b: Choice) => number): Picker {
  return (visible) => visible.reduce((best, c) => (better(c, best) > 0 ? c : best));
}

export const pickLongest: Picker = pickBy((a, b) => replyLength(a) - replyLength(b));
export const pickApologetic: Picker = pickBy((a, b) => apologyCount(a.text.text) - apologyCount(b.text.text) || replyLength(a) - replyLength(b));
export const pickFirst: Picker = (visible) => visible[0]!;

/** Overall score (0-100, null when no turn assessed anything) of always taking `pick`'s reply on time. */
export function playStrategy(scenario: Scenario, pick: Picker): number | null {
  let context = initialContext(scenario);
  while (!endingReached(scenario, context)) context = applyChoice(scenario, context, pick(visibleChoices(scenario, context)).id, false);
  return scoreAttempt(scenario, context).overall;
}

/** Per skill: the sum of the turn values so far and how many turns assessed it. */
type Tally = readonly (readonly [Rational, number])[];

const tallyKey = (tally: Tally) => tally.map(([sum, n]) => `${sum.n}/${sum.d}x${n}`).join(";");

function addTurn(tally: Tally, assessment: TurnAssessment, choice: string): Tally {
  const values = assessment.values.get(choice)!;
  return tally.map(([sum, n], k) => {
    const value = values.get(SKILLS[k]!);
    return value ? ([add(sum, value), n + 1] as const) : ([sum, n] as const);
  });
}

interface Expectation {
  /** Sum over the finished attempts that have a score of probability × overall. */
  total: Rational;
  /** Probability that the attempt ends with a score (overall not null). */
  scored: Rational;
}

/**
 * The exact expected overall of picking uniformly among the visible replies at
 * every turn (all on time), over the attempts that end with a score. The final
 * score depends only on the situation and each skill's sum and count of turn
 * values, so that pair is the memo key; the score itself comes from scoreAttempt
 * on the first context met with that key.
 */
export function randomExpectation(scenario: Scenario): { expected: number | null; unscored: number } {
  const situation = situationKeyer(scenario);
  const memo = new Map<string, Expectation>();
  const assessments = new Map<string, TurnAssessment>();
  const walk = (context: AttemptContext, tally: Tally): Expectation => {
    const key = `${situation(context)}#${tallyKey(tally)}`;
    const known = memo.get(key);
    if (known) return known;
    if (memo.size >= MAX_STATES) throw new AuditTooComplexError(scenario.id);
    let result: Expectation;
    if (endingReached(scenario, context)) {
      const overall = scoreAttempt(scenario, context).overall;
      result = overall === null ? { total: ZERO, scored: ZERO } : { total: rational(overall), scored: rational(1) };
    } else {
      const visible = visibleChoices(scenario, context);
      const ids = visible.map((c) => c.id).join(",");
      let assessment = assessments.get(ids);
      if (!assessment) assessments.set(ids, (assessment = assessChoices(visible)));
      const share = rational(1, visible.length);
      result = { total: ZERO, scored: ZERO };
      for (const choice of visible) {
        const next = walk(applyChoice(scenario, context, choice.id, false), addTurn(tally, assessment, choice.id));
        result = { total: add(result.total, mul(share, next.total)), scored: add(result.scored, mul(share, next.scored)) };
      }
    }
    memo.set(key, result);
    return result;
  };
  const { total, scored } = walk(
    initialContext(scenario),
    SKILLS.map(() => [ZERO, 0] as const),
  );
  return { expected: scored.n === 0n ? null : approx(div(total, scored)), unscored: approx(sub(rational(1), scored)) };
}
