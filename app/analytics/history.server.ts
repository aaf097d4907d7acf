import type { PinnedVersion } from "~/attempts/version.server";
import { attemptEndOf } from "~/attempts/attempt-end";
import { conversationFacts } from "~/attempts/conversation-facts";
import { hash32 } from "~/engine/random";
import type { HistoricAttempt } from "~/models/seed.server";
import { simulateAttempt } from "./synthetic";

export type TraineeHistoryPlan = {
  userId: number;
  attempts: number;
  /** Chance (0..1) of picking the best reply at the start of the window. */
  skillAtStart: number;
  /** How much that chance grows by the end of the window. */
  growth: number;
  /** How many of the trainee's first attempts were clicked through without reading (default none). */
  rushed?: number;
};

/**
 * A trainee's past conversations, played through the real engine by a simulated trainee whose
 * skill grows over the window [from, to): realistic scores, outcomes and turn logs, not numbers
 * made up for the tables. The same `random` sequence gives the same history.
 */
export function simulateHistory(
  plan: TraineeHistoryPlan,
  versions: readonly PinnedVersion[],
  window: { from: number; to: number },
  random: () => number,
): HistoricAttempt[] {
  const span = window.to - window.from;
  const times = Array.from({ length: plan.attempts }, () => window.from + random() * span).sort((a, b) => a - b);
  return times.map((time, index) => {
    const version = versions[Math.floor(random() * versions.length)]!;
    const skill = Math.min(0.97, plan.skillAtStart + (plan.growth * (time - window.from)) / span);
    const { snapshot, turns, result } = simulateAttempt(version.scenario, version.machine, skill, random, { rushed: index < (plan.rushed ?? 0) });
    let clock = time;
    const timedTurns = turns.map((turn, index) => {
      clock += turn.responseMs;
      return { turn: index + 1, ...turn, chosenAt: new Date(clock).toISOString() };
    });
    const facts = conversationFacts(version.scenario, snapshot.context, new Map(timedTurns.map((turn) => [turn.turn, turn.responseMs])));
    const end = { ...attemptEndOf(result, facts), endedAt: new Date(clock).toISOString() };
    return {
      userId: plan.userId,
      scenarioId: version.scenario.id,
      scenarioHash: version.hash,
      snapshot: JSON.stringify(snapshot),
      startedAt: new Date(time).toISOString(),
      stepShownAt: end.endedAt,
      // Derived rather than drawn from `random`, so the simulated choices and scores stay as they were.
      orderSeed: hash32(`${plan.userId}:${version.scenario.id}:${time}`),
      timing: "normal",
      end,
      turns: timedTurns,
    };
  });
}
