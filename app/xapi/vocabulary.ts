/**
 * The IRIs our statements use. Verbs and activity types are ADL's where ADL has one (http://adlnet.gov/expapi/…);
 * what is Frontline's own (extensions, the category of every statement) sits under one fixed base, the same for
 * every installation, so that reports built on one LRS read another's statements. It is an identifier, not a page.
 */
export const FRONTLINE_IRI = "https://frontline.training/xapi";

export const VERBS = {
  launched: { id: "http://adlnet.gov/expapi/verbs/launched", display: { "en-US": "launched" } },
  responded: { id: "http://adlnet.gov/expapi/verbs/responded", display: { "en-US": "responded" } },
  completed: { id: "http://adlnet.gov/expapi/verbs/completed", display: { "en-US": "completed" } },
  answered: { id: "http://adlnet.gov/expapi/verbs/answered", display: { "en-US": "answered" } },
} as const;
export type VerbName = keyof typeof VERBS;

export const ACTIVITY_TYPES = {
  simulation: "http://adlnet.gov/expapi/activities/simulation",
  interaction: "http://adlnet.gov/expapi/activities/cmi.interaction",
} as const;

export const EXTENSIONS = {
  /** The chosen reply's points per skill, e.g. { "listening": 2, "empathy": 0, … }. */
  skillDeltas: `${FRONTLINE_IRI}/extensions/skill-deltas`,
  /** Whether the reply came after the step's patience ran out (judged by the server). */
  late: `${FRONTLINE_IRI}/extensions/late`,
  /** The customer's mood after the reply, −5 to 5. */
  mood: `${FRONTLINE_IRI}/extensions/mood`,
  /** The chosen reply's text, as the trainee read it. */
  replyText: `${FRONTLINE_IRI}/extensions/reply-text`,
  /** The five skill scores of a finished conversation, 0–100 (null: not assessed by this scenario). */
  skills: `${FRONTLINE_IRI}/extensions/skills`,
  /** How the conversation ended: the ending's id and outcome. */
  ending: `${FRONTLINE_IRI}/extensions/ending`,
  /** The reply's rating among those on offer: best, fair or poor. */
  rating: `${FRONTLINE_IRI}/extensions/rating`,
  /** The time limit the reply was judged under: normal, extended or none. */
  timeLimit: `${FRONTLINE_IRI}/extensions/time-limit`,
  /** The content hash of the scenario version played, since a scenario's steps change between versions. */
  scenarioVersion: `${FRONTLINE_IRI}/extensions/scenario-version`,
  /** The pass mark the success was judged against. */
  passMark: `${FRONTLINE_IRI}/extensions/pass-mark`,
} as const;

/** The category every Frontline statement carries, and the one that marks a spaced review rather than a conversation. */
export const CATEGORIES = {
  frontline: `${FRONTLINE_IRI}/activities/frontline`,
  review: `${FRONTLINE_IRI}/activities/review`,
} as const;
