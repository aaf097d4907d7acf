import {
  advanceAttempt,
  assessChoices,
  currentStep,
  endingReached,
  scoreAttempt,
  startAttempt,
  visibleChoices,
  type AttemptResult,
  type AttemptSnapshot,
  type Scenario,
  type ScenarioMachine,
} from "~/engine";
import { toNumber } from "~/engine/rational";

/** A small seeded PRNG (mulberry32): the same seed gives the same synthetic history. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type SimulatedTurn = { stepId: string; choiceId: string; late: boolean; responseMs: number };
export type SimulatedAttempt = { snapshot: AttemptSnapshot; turns: SimulatedTurn[]; result: AttemptResult };

/**
 * Plays one attempt through the real machine with a trainee of the given skill (0..1): at each
 * turn they pick the best reply with probability `skill`, otherwise one of the others (weighted
 * towards the better ones); weaker trainees also answer late more often.
 */
export function simulateAttempt(scenario: Scenario, machine: ScenarioMachine, skill: number, random: () => number): SimulatedAttempt {
  let snapshot = startAttempt(machine);
  const turns: SimulatedTurn[] = [];
  for (let guard = 0; guard < 4 * scenario.steps.length && !endingReached(scenario, snapshot.context); guard++) {
    const step = currentStep(scenario, snapshot.context);
    if (!step) break;
    const visible = visibleChoices(scenario, snapshot.context);
    const assessment = assessChoices(visible);
    let chosen = visible.find((choice) => choice.id === assessment.best) ?? visible[0]!;
    if (visible.length > 1 && random() > skill) {
      const others = visible.filter((choice) => choice.id !== chosen.id);
      const weights = others.map((choice) => 0.2 + toNumber(assessment.quality.get(choice.id) ?? { n: 1n, d: 2n }));
      let pick = random() * weights.reduce((sum, weight) => sum + weight, 0);
      chosen = others.find((_, index) => (pick -= weights[index]!) <= 0) ?? others[others.length - 1]!;
    }
    const patience = step.patience;
    const late = patience !== null && random() < 0.25 * (1 - skill);
    const responseMs = Math.round(
      patience !== null && late ? (patience + 5 + random() * 40) * 1000 : (4 + random() * (patience ?? 120) * 0.8) * 1000,
    );
    snapshot = advanceAttempt(machine, scenario, snapshot, { choiceId: chosen.id, late });
    turns.push({ stepId: step.id, choiceId: chosen.id, late, responseMs });
  }
  return { snapshot, turns, result: scoreAttempt(scenario, snapshot.context) };
}
