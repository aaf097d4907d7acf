/** Fewer replies than this at a step say more about chance than about the step. */
export const MIN_REPLIES_FOR_HARDEST = 5;

type StepPicks = { stepId: string; picks: number; poorShare: number | null };

/**
 * The step where trainees most often chose a poor reply, among steps with at least
 * MIN_REPLIES_FOR_HARDEST replies (ties go to the step with more replies); null when no step has
 * enough replies or none has a poor one.
 */
export function hardestStep<S extends StepPicks>(steps: readonly S[]): S | null {
  let hardest: S | null = null;
  for (const step of steps) {
    if (step.picks < MIN_REPLIES_FOR_HARDEST || !step.poorShare) continue;
    if (hardest === null || step.poorShare > hardest.poorShare! || (step.poorShare === hardest.poorShare && step.picks > hardest.picks)) hardest = step;
  }
  return hardest;
}
