/**
 * The XState v5 machine of a scenario: one state per Step, one final state
 * per Ending, a single event type `choose`. Guards and actions are named and
 * delegate to the pure rules in attempt.ts; the context is JSON only, so a
 * persisted snapshot can be stored as-is and restored later.
 */
import { and, assign, createActor, setup } from "xstate";
import type { Snapshot } from "xstate";
import { applyChoice, canChoose, indexScenario, initialContext, resolveChoice } from "./attempt";
import type { AttemptContext } from "./attempt";
import type { Scenario } from "./types";

/** The only event: the trainee picks a choice. `late` is decided by the server's clock. */
export interface ChooseEvent {
  type: "choose";
  choiceId: string;
  late: boolean;
}

interface ChoiceParams {
  choiceId: string;
}

/** Build the machine of a validated scenario. Build it once per scenario version and reuse it. */
export function createScenarioMachine(scenario: Scenario) {
  const index = indexScenario(scenario);
  const choose = (choiceId: string) => {
    const params: ChoiceParams = { choiceId };
    const apply = { type: "applyChoice", params } as const;
    const transitions = [];
    if (scenario.escalation !== null) {
      transitions.push({
        guard: and([
          { type: "canChoose", params },
          { type: "escalates", params },
        ]),
        target: `#${stateId(scenario.escalation)}`,
        actions: apply,
      });
    }
    transitions.push({ guard: { type: "canChoose", params }, target: `#${stateId(index.choices.get(choiceId)!.to)}`, actions: apply });
    return transitions;
  };

  return setup({
    types: {
      context: {} as AttemptContext,
      events: {} as ChooseEvent,
    },
    guards: {
      /** The event names this choice, and it is visible at the current step. */
      canChoose: ({ context, event }, params: ChoiceParams) =>
        event.choiceId === params.choiceId && canChoose(scenario, context, params.choiceId),
      /** Choosing it leaves the mood at -5, so the escalation ending replaces `to`. */
      escalates: ({ context, event }, params: ChoiceParams) =>
        resolveChoice(scenario, context, index.choices.get(params.choiceId)!, event.late).escalated,
    },
    actions: {
      /** Add the deltas, set the flags, move the mood, count the entry and log the turn. */
      applyChoice: assign(({ context, event }, params: ChoiceParams) =>
        applyChoice(scenario, context, params.choiceId, event.late),
      ),
    },
  }).createMachine({
    id: `scenario-${scenario.id}`,
    context: initialContext(scenario),
    initial: scenario.start,
    states: Object.fromEntries([
      ...scenario.steps.map((step) => [
        step.id,
        { id: stateId(step.id), on: { choose: step.choices.flatMap((c) => choose(c.id)) } },
      ]),
      ...scenario.endings.map((ending) => [ending.id, { id: stateId(ending.id), type: "final" as const }]),
    ]),
  });
}

function stateId(nodeId: string): string {
  return `node-${nodeId}`;
}

export type ScenarioMachine = ReturnType<typeof createScenarioMachine>;

/** What the server stores per attempt: XState's persisted snapshot (JSON). */
export type AttemptSnapshot = Snapshot<unknown> & { context: AttemptContext; value: string; status: string };

export class SnapshotVersionError extends Error {
  constructor(expected: string, found: string) {
    super(`the attempt began on scenario version ${found.slice(0, 12)}, not ${expected.slice(0, 12)}`);
    this.name = "SnapshotVersionError";
  }
}

export class ChoiceNotAvailableError extends Error {
  constructor(choiceId: string, at: string) {
    super(`choice "${choiceId}" is not available at "${at}"`);
    this.name = "ChoiceNotAvailableError";
  }
}

/** A fresh attempt's persisted snapshot. */
export function startSnapshot(machine: ScenarioMachine): AttemptSnapshot {
  const actor = createActor(machine).start();
  const snapshot = actor.getPersistedSnapshot() as AttemptSnapshot;
  actor.stop();
  return snapshot;
}

/**
 * Restore an attempt, send one choice, persist again. Throws
 * SnapshotVersionError when the snapshot belongs to another version of the
 * scenario and ChoiceNotAvailableError when the choice is not visible now.
 */
export function advanceAttempt(
  machine: ScenarioMachine,
  scenario: Scenario,
  snapshot: AttemptSnapshot,
  event: Omit<ChooseEvent, "type">,
): AttemptSnapshot {
  if (snapshot.context.hash !== scenario.hash) throw new SnapshotVersionError(scenario.hash, snapshot.context.hash);
  if (!canChoose(scenario, snapshot.context, event.choiceId)) throw new ChoiceNotAvailableError(event.choiceId, String(snapshot.value));
  const actor = createActor(machine, { snapshot }).start();
  actor.send({ type: "choose", choiceId: event.choiceId, late: event.late });
  const next = actor.getPersistedSnapshot() as AttemptSnapshot;
  actor.stop();
  return next;
}
