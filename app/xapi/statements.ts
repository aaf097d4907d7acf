import { SKILLS, type Skill } from "~/domain/vocabulary";
import { uuidV5 } from "./uuid";
import { ACTIVITY_TYPES, CATEGORIES, EXTENSIONS, VERBS, type VerbName } from "./vocabulary";

/**
 * xAPI 1.0.3 statements for what happens in Frontline, built from plain facts (no storage, no clock). Statement ids
 * and registrations are name-based UUIDs of the event within the installation's namespace, so a statement built
 * again for the same event is the same statement.
 */

export type Actor = { objectType: "Agent"; name: string } & ({ mbox: string } | { account: { homePage: string; name: string } });
type LanguageMap = Record<string, string>;
type Activity = {
  objectType: "Activity";
  id: string;
  definition: {
    type: string;
    name: LanguageMap;
    description?: LanguageMap;
    interactionType?: "choice";
    choices?: { id: string; description: LanguageMap }[];
  };
};
export type Statement = {
  id: string;
  actor: Actor;
  verb: (typeof VERBS)[VerbName];
  object: Activity;
  result?: {
    score?: { scaled: number; raw: number; min: number; max: number };
    success?: boolean;
    completion?: boolean;
    response?: string;
    duration?: string;
    extensions?: Record<string, unknown>;
  };
  context: {
    registration?: string;
    platform: string;
    language: string;
    contextActivities: { parent?: Activity[]; category: { objectType: "Activity"; id: string }[] };
    extensions: Record<string, unknown>;
  };
  timestamp: string;
};

/** Where statements point: the organisation's namespace for ids and the base of its activity IRIs. */
export type StatementSetting = { namespace: string; activityBase: string };

export type Learner = {
  id: number;
  displayName: string;
  email: string | null;
  /** The platform and `sub` of their oldest LTI launch, when they were launched from a learning platform. */
  lti?: { issuer: string; subject: string } | null;
};

/**
 * Who did it. A person launched from a learning platform is its account (homePage the platform's issuer, name its
 * `sub`), before their email: that is who the platform, and an LRS that also takes the platform's statements, knows
 * them as, and it never changes while an email can. Otherwise by email (mbox), else an account on this Frontline.
 */
export function actorOf(learner: Learner, setting: StatementSetting): Actor {
  if (learner.lti) return { objectType: "Agent", name: learner.displayName, account: { homePage: learner.lti.issuer, name: learner.lti.subject } };
  if (learner.email) return { objectType: "Agent", name: learner.displayName, mbox: `mailto:${learner.email}` };
  return { objectType: "Agent", name: learner.displayName, account: { homePage: setting.activityBase, name: `user-${learner.id}` } };
}

export type ScenarioFacts = { id: string; hash: string; title: string; summary: string; locale: string };
export type ReplyFacts = { id: string; text: string };
export type StepFacts = { id: string; prompt: string; replies: readonly ReplyFacts[] };

const PLATFORM = "Frontline";
const short = (text: string, max = 500) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const languageOf = (locale: string) => (/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale) ? locale : "en");
const scenarioIri = (setting: StatementSetting, scenario: ScenarioFacts) => `${setting.activityBase}/xapi/scenarios/${encodeURIComponent(scenario.id)}`;

export function scenarioActivity(setting: StatementSetting, scenario: ScenarioFacts): Activity {
  const language = languageOf(scenario.locale);
  return {
    objectType: "Activity",
    id: scenarioIri(setting, scenario),
    definition: {
      type: ACTIVITY_TYPES.simulation,
      name: { [language]: short(scenario.title) },
      ...(scenario.summary ? { description: { [language]: short(scenario.summary) } } : {}),
    },
  };
}

/** A step is a choice interaction: its replies on offer are the choices, and a response names one by id. */
export function stepActivity(setting: StatementSetting, scenario: ScenarioFacts, step: StepFacts): Activity {
  const language = languageOf(scenario.locale);
  return {
    objectType: "Activity",
    id: `${scenarioIri(setting, scenario)}/steps/${encodeURIComponent(step.id)}`,
    definition: {
      type: ACTIVITY_TYPES.interaction,
      name: { [language]: short(`${scenario.title}: ${step.id}`) },
      ...(step.prompt ? { description: { [language]: short(step.prompt) } } : {}),
      interactionType: "choice",
      choices: step.replies.map((reply) => ({ id: reply.id, description: { [language]: short(reply.text) } })),
    },
  };
}

export const attemptRegistration = (setting: StatementSetting, attemptId: number) => uuidV5(`attempt:${attemptId}`, setting.namespace);

function context(setting: StatementSetting, scenario: ScenarioFacts, options: { attemptId?: number; parent?: boolean; review?: boolean }): Statement["context"] {
  const category: { objectType: "Activity"; id: string }[] = [{ objectType: "Activity", id: CATEGORIES.frontline }];
  if (options.review) category.push({ objectType: "Activity", id: CATEGORIES.review });
  return {
    ...(options.attemptId === undefined ? {} : { registration: attemptRegistration(setting, options.attemptId) }),
    platform: PLATFORM,
    language: languageOf(scenario.locale),
    contextActivities: { ...(options.parent ? { parent: [scenarioActivity(setting, scenario)] } : {}), category },
    extensions: { [EXTENSIONS.scenarioVersion]: scenario.hash },
  };
}

export type AttemptFacts = { id: number; startedAt: string };

export function launchedStatement(setting: StatementSetting, actor: Actor, scenario: ScenarioFacts, attempt: AttemptFacts): Statement {
  return {
    id: uuidV5(`attempt:${attempt.id}:launched`, setting.namespace),
    actor,
    verb: VERBS.launched,
    object: scenarioActivity(setting, scenario),
    context: context(setting, scenario, { attemptId: attempt.id }),
    timestamp: attempt.startedAt,
  };
}

export type TurnFacts = {
  turn: number;
  step: StepFacts;
  reply: ReplyFacts & { deltas: Readonly<Record<Skill, number>> };
  late: boolean;
  mood: number;
  timeLimit: string;
  chosenAt: string;
};

export function respondedStatement(setting: StatementSetting, actor: Actor, scenario: ScenarioFacts, attemptId: number, turn: TurnFacts): Statement {
  return {
    id: uuidV5(`attempt:${attemptId}:turn:${turn.turn}`, setting.namespace),
    actor,
    verb: VERBS.responded,
    object: stepActivity(setting, scenario, turn.step),
    result: {
      response: turn.reply.id,
      extensions: {
        [EXTENSIONS.replyText]: turn.reply.text,
        [EXTENSIONS.skillDeltas]: Object.fromEntries(SKILLS.map((skill) => [skill, turn.reply.deltas[skill]])),
        [EXTENSIONS.late]: turn.late,
        [EXTENSIONS.mood]: turn.mood,
        [EXTENSIONS.timeLimit]: turn.timeLimit,
      },
    },
    context: context(setting, scenario, { attemptId, parent: true }),
    timestamp: turn.chosenAt,
  };
}

export type CompletionFacts = {
  endedAt: string;
  overall: number | null;
  scores: Readonly<Record<Skill, number | null>>;
  passMark: number;
  ending: { id: string; outcome: string };
};

/** ISO 8601 duration to the hundredth of a second, as xAPI asks (e.g. PT1H2M3.45S). */
export function isoDuration(ms: number): string {
  const hundredths = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(hundredths / 360_000);
  const minutes = Math.floor((hundredths % 360_000) / 6_000);
  const seconds = (hundredths % 6_000) / 100;
  return `PT${hours ? `${hours}H` : ""}${minutes ? `${minutes}M` : ""}${seconds || (!hours && !minutes) ? `${seconds}S` : ""}`;
}

export function completedStatement(setting: StatementSetting, actor: Actor, scenario: ScenarioFacts, attempt: AttemptFacts, end: CompletionFacts): Statement {
  const scored = end.overall === null ? {} : { score: { scaled: end.overall / 100, raw: end.overall, min: 0, max: 100 }, success: end.overall >= end.passMark };
  return {
    id: uuidV5(`attempt:${attempt.id}:completed`, setting.namespace),
    actor,
    verb: VERBS.completed,
    object: scenarioActivity(setting, scenario),
    result: {
      ...scored,
      completion: true,
      duration: isoDuration(new Date(end.endedAt).getTime() - new Date(attempt.startedAt).getTime()),
      extensions: {
        [EXTENSIONS.skills]: Object.fromEntries(SKILLS.map((skill) => [skill, end.scores[skill]])),
        [EXTENSIONS.ending]: end.ending,
        [EXTENSIONS.passMark]: end.passMark,
      },
    },
    context: context(setting, scenario, { attemptId: attempt.id }),
    timestamp: end.endedAt,
  };
}

export type ReviewFacts = { answerId: number; step: StepFacts; reply: ReplyFacts; rating: "best" | "fair" | "poor"; answeredAt: string };

/** A review card answered: success is the best reply, as the card's schedule reads it. */
export function answeredStatement(setting: StatementSetting, actor: Actor, scenario: ScenarioFacts, review: ReviewFacts): Statement {
  return {
    id: uuidV5(`review-answer:${review.answerId}`, setting.namespace),
    actor,
    verb: VERBS.answered,
    object: stepActivity(setting, scenario, review.step),
    result: {
      response: review.reply.id,
      success: review.rating === "best",
      extensions: { [EXTENSIONS.replyText]: review.reply.text, [EXTENSIONS.rating]: review.rating },
    },
    context: context(setting, scenario, { parent: true, review: true }),
    timestamp: review.answeredAt,
  };
}
