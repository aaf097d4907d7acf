/**
 * Scoring the quality of each decision, exactly.
 *
 * A turn assesses a skill when the visible choices differ in that skill's
 * delta; the chosen reply's value is (chosen - lowest) / (highest - lowest).
 * A skill's score is 100 × the mean of its values, rounded half up from the
 * exact rational value; overall is the mean of the unrounded skill scores.
 */
import { indexScenario, endingReached, pathOf } from "./attempt";
import type { AttemptContext, TurnRecord } from "./attempt";
import { CSAT, SKILLS } from "./types";
import type { Choice, Outcome, Scenario, Skill } from "./types";
import { compare, mean, mul, rational, roundHalfUp, toNumber } from "./rational";
import type { Rational } from "./rational";

export interface SkillScore {
  /** Sum of the chosen deltas over every turn. */
  points: number;
  /** Number of turns that assessed the skill. */
  turns: number;
  /** 0..100, rounded half up. */
  score: number;
}

export type SkillScores = Record<Skill, SkillScore | null>;

/** The result of a finished attempt: the exact shape `scenarios play` prints. */
export interface AttemptResult {
  scenario: string;
  path: string[];
  ending: string;
  outcome: Outcome;
  resolved: boolean;
  csat: number;
  mood: number;
  skills: SkillScores;
  overall: number | null;
}

export interface TurnAssessment {
  /** Skills in which the given choices differ. */
  assessed: Skill[];
  /** Per choice id: value per assessed skill. */
  values: Map<string, Map<Skill, Rational>>;
  /** Per choice id: mean value over the assessed skills, or null when nothing is assessed. */
  quality: Map<string, Rational | null>;
  /** The choice with the highest quality, first in source order on a tie. */
  best: string;
}

/** Assess a set of visible choices (source order). */
export function assessChoices(choices: readonly Choice[]): TurnAssessment {
  const assessed: Skill[] = [];
  const values = new Map<string, Map<Skill, Rational>>(choices.map((c) => [c.id, new Map()]));
  for (const skill of SKILLS) {
    const deltas = choices.map((c) => c.deltas[skill]);
    const low = Math.min(...deltas);
    const high = Math.max(...deltas);
    if (!(high > low)) continue;
    assessed.push(skill);
    for (const c of choices) values.get(c.id)!.set(skill, rational(c.deltas[skill] - low, high - low));
  }
  const quality = new Map<string, Rational | null>();
  let best = choices[0]?.id ?? "";
  let bestQuality: Rational | null = null;
  for (const c of choices) {
    const q = assessed.length ? mean([...values.get(c.id)!.values()]) : null;
    quality.set(c.id, q);
    if (q && (!bestQuality || compare(q, bestQuality) > 0)) {
      bestQuality = q;
      best = c.id;
    }
  }
  return { assessed, values, quality, best };
}

function choicesOf(scenario: Scenario, turn: TurnRecord): Choice[] {
  const { choices } = indexScenario(scenario);
  return turn.visible.map((id) => choices.get(id)).filter((c): c is Choice => !!c);
}

/** Skill scores and overall for the turns played so far. */
export function scoreSkills(scenario: Scenario, context: AttemptContext): { skills: SkillScores; overall: number | null } {
  const perSkill = new Map<Skill, Rational[]>(SKILLS.map((s) => [s, []]));
  for (const turn of context.turns) {
    const assessment = assessChoices(choicesOf(scenario, turn));
    for (const skill of assessment.assessed) perSkill.get(skill)!.push(assessment.values.get(turn.choice)!.get(skill)!);
  }
  const exact: Rational[] = [];
  const skills = {} as SkillScores;
  for (const skill of SKILLS) {
    const values = perSkill.get(skill)!;
    if (values.length === 0) {
      skills[skill] = null;
      continue;
    }
    const score = mul(rational(100), mean(values));
    exact.push(score);
    skills[skill] = { points: context.points[skill], turns: values.length, score: roundHalfUp(score) };
  }
  return { skills, overall: exact.length ? roundHalfUp(mean(exact)) : null };
}

/** The result of a finished attempt. Throws while the conversation is still going on. */
export function scoreAttempt(scenario: Scenario, context: AttemptContext): AttemptResult {
  const ending = endingReached(scenario, context);
  if (!ending) throw new Error("the attempt has not reached an ending yet");
  const { skills, overall } = scoreSkills(scenario, context);
  return {
    scenario: scenario.id,
    path: pathOf(scenario, context),
    ending: ending.id,
    outcome: ending.outcome,
    resolved: ending.resolved,
    csat: CSAT[ending.outcome],
    mood: context.mood,
    skills,
    overall,
  };
}

export type Rating = "best" | "fair" | "poor";

export interface ChoiceReview {
  id: string;
  text: string;
  /** Mean value over the skills this turn assesses (0..1), or null when it assesses none. */
  quality: number | null;
  feedback: string | null;
}

/** One turn for the debrief. */
export interface TurnReview {
  /** 1-based. */
  turn: number;
  step: string;
  late: boolean;
  assessed: Skill[];
  /** The visible choices, in the order the trainee saw them. */
  visible: ChoiceReview[];
  chosen: string;
  best: string;
  /** best: as good as the best reply; poor: quality below 0.5; fair: otherwise; null when the turn assessed nothing. */
  rating: Rating | null;
  /** Feedback of the chosen reply. */
  feedback: string | null;
}

/**
 * The rating of one reply among the replies offered with it (an assessment of the visible
 * choices): best when as good as the best, poor below one half, fair otherwise; null when the
 * turn assesses nothing. The debrief and the analytics pages both rate through this, so a reply
 * carries the same rating everywhere.
 */
export function rateChoice(assessment: TurnAssessment, choiceId: string): Rating | null {
  const chosenQuality = assessment.quality.get(choiceId) ?? null;
  const bestQuality = assessment.quality.get(assessment.best) ?? null;
  if (!chosenQuality || !bestQuality) return null;
  if (compare(chosenQuality, bestQuality) === 0) return "best";
  return compare(chosenQuality, rational(1, 2)) < 0 ? "poor" : "fair";
}

/** Per-turn quality of an attempt, for the debrief. */
export function reviewTurns(scenario: Scenario, context: AttemptContext): TurnReview[] {
  return context.turns.map((turn, i) => {
    const choices = choicesOf(scenario, turn);
    const assessment = assessChoices(choices);
    const rating = rateChoice(assessment, turn.choice);
    return {
      turn: i + 1,
      step: turn.step,
      late: turn.late,
      assessed: assessment.assessed,
      visible: choices.map((c) => {
        const q = assessment.quality.get(c.id) ?? null;
        return { id: c.id, text: c.text.text, quality: q ? toNumber(q) : null, feedback: c.feedback };
      }),
      chosen: turn.choice,
      best: assessment.best,
      rating,
      feedback: indexScenario(scenario).choices.get(turn.choice)?.feedback ?? null,
    };
  });
}
