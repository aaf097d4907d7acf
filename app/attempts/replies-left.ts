import type { Scenario } from "~/engine";

/**
 * Replies still needed, at best, to reach an ending from a step (ignoring flags): enough to show
 * honest progress ("about 3 more replies") without promising a fixed length.
 */
export function repliesToAnEnding(scenario: Scenario, fromStep: string): number {
  const endings = new Set(scenario.endings.map((ending) => ending.id));
  const steps = new Map(scenario.steps.map((step) => [step.id, step]));
  const distance = new Map<string, number>([[fromStep, 0]]);
  const queue = [fromStep];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    const here = distance.get(id) ?? 0;
    for (const choice of steps.get(id)?.choices ?? []) {
      if (endings.has(choice.to)) return here + 1;
      if (!distance.has(choice.to)) {
        distance.set(choice.to, here + 1);
        queue.push(choice.to);
      }
    }
  }
  return 1;
}
