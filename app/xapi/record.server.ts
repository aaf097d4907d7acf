import type { PinnedVersion } from "~/attempts/version.server";
import { indexScenario, type Scenario } from "~/engine";
import { passMarkNow } from "~/grading/pass-mark.server";
import type { Attempt, AttemptEnd } from "~/models/attempt.server";
import { findLtiAccountOf } from "~/models/lti-identity.server";
import { findUserById } from "~/models/user.server";
import type { NewDelivery } from "~/models/outbox.server";
import { XAPI_KIND } from "./deliver.server";
import {
  actorOf,
  answeredStatement,
  completedStatement,
  launchedStatement,
  respondedStatement,
  type Actor,
  type CompletionFacts,
  type ReviewFacts,
  type ScenarioFacts,
  type Statement,
  type StatementSetting,
  type StepFacts,
  type TurnFacts,
} from "./statements";
import { statementSettingNow } from "./settings.server";
import { statementProblems } from "./validate.server";

/**
 * The statements an event queues, as outbox rows for the caller to insert in the event's own transaction. Only a
 * trainee's attempts and reviews are reported (as only theirs count anywhere), and only while an LRS is switched on.
 */

export const XAPI_DESTINATION = "lrs";

export type XapiScope = { setting: StatementSetting; passMark: number; actor: Actor; name: string };

/** Read before the event's transaction: null when nothing is to be queued for this person. */
export async function xapiScopeFor(userId: number): Promise<XapiScope | null> {
  const setting = await statementSettingNow();
  if (!setting) return null;
  const user = await findUserById(userId);
  if (!user || user.role !== "trainee") return null;
  const [passMark, lti] = await Promise.all([passMarkNow(), findLtiAccountOf(user.id)]);
  // An issuer that is not an IRI makes every statement of this person invalid: kept as failed, named on the queue page.
  const actor = actorOf({ id: user.id, displayName: user.displayName, email: user.email || null, lti: lti ?? null }, setting);
  return { setting, passMark, actor, name: user.displayName };
}

/** A statement that fails validation is kept, as failed with the validator's findings, rather than sent or lost. */
function queued(statement: Statement, orderingKey: string, summary: string): NewDelivery {
  const problems = statementProblems(statement);
  const delivery: NewDelivery = { kind: XAPI_KIND, destination: XAPI_DESTINATION, orderingKey, payload: statement, summary };
  if (problems.length > 0) delivery.failedWith = `Not sent: the statement is not valid xAPI (${problems.join("; ")})`;
  return delivery;
}

export const attemptOrderingKey = (attemptId: number) => `xapi:attempt:${attemptId}`;
const reviewOrderingKey = (userId: number) => `xapi:review:${userId}`;

export function scenarioFacts(version: PinnedVersion): ScenarioFacts {
  const { scenario } = version;
  return { id: scenario.id, hash: version.hash, title: scenario.title, summary: scenario.summary, locale: scenario.locale };
}

/** The step with the replies that were on offer, in the scenario's own order. */
export function stepFacts(scenario: Scenario, stepId: string, offered: readonly string[]): StepFacts {
  const step = indexScenario(scenario).steps.get(stepId);
  if (!step) throw new Error(`step ${stepId} is not in ${scenario.id}`);
  return {
    id: step.id,
    prompt: step.customer.map((piece) => piece.text).join(" "),
    replies: step.choices.filter((choice) => offered.includes(choice.id)).map((choice) => ({ id: choice.id, text: choice.text.text })),
  };
}

export function launchDeliveries(scope: XapiScope, version: PinnedVersion, attempt: { id: number; startedAt: string }): NewDelivery[] {
  const statement = launchedStatement(scope.setting, scope.actor, scenarioFacts(version), attempt);
  return [queued(statement, attemptOrderingKey(attempt.id), `${scope.name} launched “${version.scenario.title}” (attempt ${attempt.id})`)];
}

export type ReplyFacts = { turn: number; stepId: string; choiceId: string; offered: readonly string[]; late: boolean; mood: number; chosenAt: string };

/** "responded" for a reply, and "completed" when the reply ended the conversation. */
export function replyDeliveries(
  scope: XapiScope,
  version: PinnedVersion,
  attempt: Pick<Attempt, "id" | "startedAt" | "timing">,
  reply: ReplyFacts,
  end: AttemptEnd | null,
): NewDelivery[] {
  const scenario = scenarioFacts(version);
  const key = attemptOrderingKey(attempt.id);
  const title = version.scenario.title;
  const choice = indexScenario(version.scenario).choices.get(reply.choiceId);
  if (!choice) throw new Error(`reply ${reply.choiceId} is not in ${version.scenario.id}`);
  const turn: TurnFacts = {
    turn: reply.turn,
    step: stepFacts(version.scenario, reply.stepId, reply.offered),
    reply: { id: choice.id, text: choice.text.text, deltas: choice.deltas },
    late: reply.late,
    mood: reply.mood,
    timeLimit: attempt.timing,
    chosenAt: reply.chosenAt,
  };
  const rows = [
    queued(respondedStatement(scope.setting, scope.actor, scenario, attempt.id, turn), key, `${scope.name} responded at step ${reply.stepId} of “${title}” (attempt ${attempt.id}, reply ${reply.turn})`),
  ];
  if (end) {
    const completion: CompletionFacts = {
      endedAt: reply.chosenAt,
      overall: end.overall,
      scores: end.scores,
      passMark: scope.passMark,
      ending: { id: end.endingId, outcome: end.outcome },
    };
    const score = end.overall === null ? "" : `, ${end.overall}`;
    rows.push(queued(completedStatement(scope.setting, scope.actor, scenario, attempt, completion), key, `${scope.name} completed “${title}” (attempt ${attempt.id}${score})`));
  }
  return rows;
}

export function reviewDelivery(scope: XapiScope, userId: number, version: PinnedVersion, review: ReviewFacts): NewDelivery {
  const statement = answeredStatement(scope.setting, scope.actor, scenarioFacts(version), review);
  return queued(statement, reviewOrderingKey(userId), `${scope.name} answered a review of step ${review.step.id} of “${version.scenario.title}” (${review.rating})`);
}
