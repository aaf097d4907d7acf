/**
 * The state inspector of a trainer's preview, as plain data: where the attempt is, the mood within
 * its bounds, the flags, the visits, each skill's running points against the most they could have
 * been, and every reply of the current step with its effects, whether it is shown (and if not,
 * why) and how it rates. Ratings come from assessChoices and rateChoice, the debrief's own rules.
 */
import { currentNodeId, endingReached, indexScenario, isVisible, resolveChoice, visibleChoices } from "./attempt";
import type { AttemptContext, TurnRecord } from "./attempt";
import { toNumber } from "./rational";
import { assessChoices, rateChoice, scoreSkills } from "./scoring";
import type { Rating } from "./scoring";
import { MAX_ENTRIES, MOOD_MAX, MOOD_MIN, SKILLS } from "./types";
import type { Choice, Outcome, Scenario, Skill, SkillDeltas } from "./types";

/** Why a reply is not shown now; a reply can have several reasons at once. */
export type HiddenReason =
  | { kind: "requires"; flags: string[] }
  | { kind: "unless"; flags: string[] }
  | { kind: "visits"; step: string; entries: number; limit: number };

export interface InspectedChoice {
  id: string;
  /** 1-based, in the order the scenario lists the step's replies (the trainee sees their own order). */
  position: number;
  text: string;
  deltas: SkillDeltas;
  /** The reply's own change to the mood. */
  mood: number;
  /** The mood after it, replied on time (clamped to the bounds). */
  moodAfter: number;
  /** Where the reply says it goes. */
  to: string;
  /** Where it goes now, on time: the escalation ending instead of `to` when the mood would reach its minimum. */
  leadsTo: string;
  escalates: boolean;
  set: string[];
  requires: string[];
  unless: string[];
  visible: boolean;
  /** Empty exactly when the reply is visible. */
  hidden: HiddenReason[];
  /** Among the visible replies: best, fair or poor; null when hidden or when the step assesses nothing now. */
  rating: Rating | null;
  /** Mean value (0..1) over the skills the visible replies assess; null when hidden or nothing is assessed. */
  quality: number | null;
  feedback: string | null;
}

export interface InspectedSkill {
  skill: Skill;
  /** Sum of the chosen replies' deltas so far. */
  points: number;
  /** Sum, over the replies given, of the highest delta on offer at that turn: the most the points could be on this path. */
  most: number;
  /** Turns so far that assessed the skill. */
  assessed: number;
  /** The running score (0..100, scoring.ts), null until a turn assesses the skill. */
  score: number | null;
}

export interface InspectorView {
  node: { id: string; kind: "step" | "ending" };
  ending: { id: string; outcome: Outcome; resolved: boolean } | null;
  /** The step the attempt started at (the scenario's start unless the preview started elsewhere). */
  start: string;
  turns: number;
  /** The last reply's record, null before the first. */
  last: TurnRecord | null;
  mood: { value: number; min: number; max: number; atStart: number };
  flags: string[];
  /** Every step in source order with how many times it has been entered; a reply to a step at the limit is hidden. */
  visits: { step: string; entries: number; limit: number }[];
  skills: InspectedSkill[];
  overall: number | null;
  /** Every reply of the current step, in authored order; empty at an ending. */
  choices: InspectedChoice[];
  /** Skills in which the visible replies differ. */
  assessed: Skill[];
  /** The best visible reply; null at an ending or when the visible replies assess no skill. */
  best: string | null;
}

function hiddenReasons(scenario: Scenario, context: AttemptContext, choice: Choice): HiddenReason[] {
  const reasons: HiddenReason[] = [];
  const missing = choice.requires.filter((flag) => !context.flags.includes(flag));
  if (missing.length) reasons.push({ kind: "requires", flags: missing });
  const present = choice.unless.filter((flag) => context.flags.includes(flag));
  if (present.length) reasons.push({ kind: "unless", flags: present });
  const entries = context.entries[choice.to] ?? 0;
  if (indexScenario(scenario).steps.has(choice.to) && entries >= MAX_ENTRIES) reasons.push({ kind: "visits", step: choice.to, entries, limit: MAX_ENTRIES });
  return reasons;
}

/** The most each skill's points could be on this path: the highest delta on offer, summed over the turns played. */
function mostPoints(scenario: Scenario, context: AttemptContext): Record<Skill, number> {
  const { choices } = indexScenario(scenario);
  const most = Object.fromEntries(SKILLS.map((skill) => [skill, 0])) as Record<Skill, number>;
  for (const turn of context.turns) {
    const offered = turn.visible.map((id) => choices.get(id)).filter((c): c is Choice => !!c);
    if (offered.length) for (const skill of SKILLS) most[skill] += Math.max(...offered.map((c) => c.deltas[skill]));
  }
  return most;
}

/** What the state inspector shows for an attempt at this moment. */
export function inspectAttempt(scenario: Scenario, context: AttemptContext): InspectorView {
  const index = indexScenario(scenario);
  const nodeId = currentNodeId(scenario, context);
  const ending = endingReached(scenario, context);
  const step = index.steps.get(nodeId) ?? null;
  const { skills, overall } = scoreSkills(scenario, context);
  const most = mostPoints(scenario, context);

  const visible = visibleChoices(scenario, context);
  const assessment = assessChoices(visible);
  const choices = (ending ? [] : (step?.choices ?? [])).map((choice, i): InspectedChoice => {
    const shown = isVisible(scenario, context, choice);
    const effect = resolveChoice(scenario, context, choice, false);
    const quality = shown ? (assessment.quality.get(choice.id) ?? null) : null;
    return {
      id: choice.id,
      position: i + 1,
      text: choice.text.text,
      deltas: { ...choice.deltas },
      mood: choice.mood,
      moodAfter: effect.mood,
      to: choice.to,
      leadsTo: effect.entered,
      escalates: effect.escalated,
      set: [...choice.set],
      requires: [...choice.requires],
      unless: [...choice.unless],
      visible: shown,
      hidden: shown ? [] : hiddenReasons(scenario, context, choice),
      rating: shown ? rateChoice(assessment, choice.id) : null,
      quality: quality ? toNumber(quality) : null,
      feedback: choice.feedback,
    };
  });

  return {
    node: { id: nodeId, kind: ending ? "ending" : "step" },
    ending: ending ? { id: ending.id, outcome: ending.outcome, resolved: ending.resolved } : null,
    start: context.turns[0]?.step ?? nodeId,
    turns: context.turns.length,
    last: context.turns.at(-1) ?? null,
    mood: { value: context.mood, min: MOOD_MIN, max: MOOD_MAX, atStart: context.turns[0]?.moodBefore ?? context.mood },
    flags: [...context.flags],
    visits: scenario.steps.map((s) => ({ step: s.id, entries: context.entries[s.id] ?? 0, limit: MAX_ENTRIES })),
    skills: SKILLS.map((skill) => ({
      skill,
      points: context.points[skill],
      most: most[skill],
      assessed: skills[skill]?.turns ?? 0,
      score: skills[skill]?.score ?? null,
    })),
    overall,
    choices,
    assessed: assessment.assessed,
    best: !ending && assessment.assessed.length ? assessment.best : null,
  };
}
