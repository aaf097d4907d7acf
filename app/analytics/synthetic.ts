import {
  advanceAttempt,
  assessChoices,
  currentStep,
  endingReached,
  scoreAttempt,
  startSnapshot,
  visibleChoices,
  type AttemptResult,
  type AttemptSnapshot,
  type Scenario,
  type ScenarioMachine,
} from "~/engine";
import { toNumber } from "~/engine/rational";
import { decisionOf } from "./decisions";
import { JS_TYPING_PAUSE_MS } from "./reading";


export type SimulatedTurn = { stepId: string; choiceId: string; late: boolean; responseMs: number };
export type SimulatedAttempt = { snapshot: AttemptSnapshot; turns: SimulatedTurn[]; result: AttemptResult };

/**
 * How long a simulated reply takes, as the server measures it (from the step being shown): the
 * typing pause after the first turn, reading everything on screen at 180–420 words a minute, then
 * 2–12 s to choose; an on-time reply comes within the patience (under pressure people read
 * faster), a late one 5–45 s after it. A rushed reply comes 0.6–1.5 s after the pause: someone
 * clicking through without reading.
 */
function responseTime(turn: number, words: number, patience: number | null, late: boolean, rushed: boolean, random: () => number): number {
  const pause = turn > 1 ? JS_TYPING_PAUSE_MS : 0;
  if (rushed) return Math.round(pause + 600 + random() * 900);
  if (patience !== null && late) return Math.round((patience + 5 + random() * 40) * 1000);
  const reading = (words / (180 + random() * 240)) * 60_000;
  const natural = pause + reading + 2_000 + random() * 10_000;
  return Math.round(patience === null ? natural : Math.min(natural, patience * 950));
}

/**
 * Plays one attempt through the real machine with a trainee of the given skill (0..1): at each
 * turn they pick the best reply with probability `skill`, otherwise one of the others (weighted
 * towards the better ones); weaker trainees also answer late more often. A `rushed` attempt is
 * clicked through: the longest reply every time, faster than it can be read.
 */
export function simulateAttempt(scenario: Scenario, machine: ScenarioMachine, skill: number, random: () => number, { rushed = false } = {}): SimulatedAttempt {
  let snapshot = startSnapshot(machine);
  const turns: SimulatedTurn[] = [];
  for (let guard = 0; guard < 4 * scenario.steps.length && !endingReached(scenario, snapshot.context); guard++) {
    const step = currentStep(scenario, snapshot.context);
    if (!step) break;
    const visible = visibleChoices(scenario, snapshot.context);
    const assessment = assessChoices(visible);
    let chosen = visible.find((choice) => choice.id === assessment.best) ?? visible[0]!;
    if (rushed) {
      chosen = visible.reduce((longest, choice) => (choice.text.text.length > longest.text.text.length ? choice : longest));
    } else if (visible.length > 1 && random() > skill) {
      const others = visible.filter((choice) => choice.id !== chosen.id);
      const weights = others.map((choice) => 0.2 + toNumber(assessment.quality.get(choice.id) ?? { n: 1n, d: 2n }));
      let pick = random() * weights.reduce((sum, weight) => sum + weight, 0);
      chosen = others.find((_, index) => (pick -= weights[index]!) <= 0) ?? others[others.length - 1]!;
    }
    const patience = step.patience;
    const late = !rushed && patience !== null && random() < 0.25 * (1 - skill);
    const words = decisionOf(scenario, step.id, visible.map((choice) => choice.id)).words;
    const responseMs = responseTime(turns.length + 1, words, patience, late, rushed, random);
    snapshot = advanceAttempt(machine, scenario, snapshot, { choiceId: chosen.id, late });
    turns.push({ stepId: step.id, choiceId: chosen.id, late, responseMs });
  }
  return { snapshot, turns, result: scoreAttempt(scenario, snapshot.context) };
}
