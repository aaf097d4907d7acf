/**
 * Frontline scenario engine: the pure core. No node:*, no storage, no React.
 *
 * Typical server flow for one attempt (issue 4):
 *
 *   const { scenario, problems } = checkScenarioSource(source, { path, hash });
 *   const machine = createScenarioMachine(scenario);          // once per version
 *   let snapshot = startSnapshot(machine);                      // store as JSON
 *   visibleChoices(scenario, snapshot.context);                // what to show
 *   snapshot = advanceAttempt(machine, scenario, snapshot, { choiceId, late });
 *   if (endingReached(scenario, snapshot.context)) {
 *     scoreAttempt(scenario, snapshot.context);                // the `play` JSON shape
 *     reviewTurns(scenario, snapshot.context);                 // per-turn debrief
 *   }
 *
 * Raw XState is available too: the machine takes `{ type: "choose", choiceId, late }`
 * and restores with `createActor(machine, { snapshot })`. A snapshot's
 * `context.hash` is the content hash of the version the attempt began on.
 *
 * A trainer's preview can start anywhere (start-at.ts): checkStartPoint(scenario, point) lists its
 * problems, startSnapshotAt(machine, scenario, point) replaces startSnapshot, and the flow above
 * goes on unchanged; inspectAttempt(scenario, snapshot.context) is the state inspector's view.
 */
export { checkScenarioSource } from "./check";
export type { SourceInfo } from "./check";

export {
  applyChoice,
  canChoose,
  currentNodeId,
  currentStep,
  endingReached,
  indexScenario,
  initialContext,
  isVisible,
  pathOf,
  resolveChoice,
  visibleChoices,
} from "./attempt";
export type { AttemptContext, ChoiceEffect, TurnRecord } from "./attempt";

export {
  advanceAttempt,
  ChoiceNotAvailableError,
  createScenarioMachine,
  SnapshotVersionError,
  startSnapshot,
} from "./machine";
export type { AttemptSnapshot, ChooseEvent, ScenarioMachine } from "./machine";

export { assessChoices, rateChoice, reviewTurns, scoreAttempt, scoreSkills } from "./scoring";
export type { AttemptResult, ChoiceReview, Rating, SkillScore, SkillScores, TurnAssessment, TurnReview } from "./scoring";

export { enumeratePaths, playByPositions, scenarioToMermaid, TooManyPathsError } from "./play";
export type { PathEntry, PlayOutcome } from "./play";

export {
  checkStartPoint,
  defaultStartPoint,
  pathsFrom,
  scenarioFlags,
  startContext,
  StartPointError,
  startPointOf,
  startPointOptions,
  startSnapshotAt,
} from "./start-at";
export type { StartPoint, StartPointField, StartPointOptions, StartPointProblem } from "./start-at";
export { findDeadEnd } from "./start-reach";
export type { DeadEnd } from "./start-reach";

export { inspectAttempt } from "./inspect";
export type { HiddenReason, InspectedChoice, InspectedSkill, InspectorView } from "./inspect";

export { explore } from "./explore";
export type { Exploration } from "./explore";

export { COMPONENTS } from "./parse";
export { splitFrontMatter } from "./frontmatter";

export * from "./types";

export {
  APOLOGY_PHRASES,
  apologyCount,
  AUDIT_TARGETS,
  auditLibrary,
  auditScenario,
  AuditTooComplexError,
  findDecisions,
  LONGEST_BEST_RATIO,
  NAIVE_STRATEGIES,
  STRATEGIES,
  summariseAudits,
} from "./audit";
export type { AuditFinding, Decision, DecisionAudit, LibraryAudit, ScenarioAudit, Share, Strategy, StrategyScores } from "./audit";

export { BLIND_SEED, blindDecisions, blindKey, parseAnswers, scoreAnswers, seededShuffle } from "./audit-blind";
export type { Answer, BlindDecision, BlindKey, BlindReply, BlindScore, KeyEntry } from "./audit-blind";
