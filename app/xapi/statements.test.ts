import { describe, expect, it } from "vitest";
import {
  actorOf,
  answeredStatement,
  completedStatement,
  isoDuration,
  launchedStatement,
  respondedStatement,
  type CompletionFacts,
  type StatementSetting,
  type TurnFacts,
} from "./statements";
import { uuidV5 } from "./uuid";
import { statementProblems } from "./validate.server";
import { EXTENSIONS, VERBS } from "./vocabulary";

const setting: StatementSetting = { namespace: "0f7c2a3e-6d1b-4c8e-9a55-2b1f0c9d8e7a", activityBase: "https://frontline.example.com" };
const scenario = { id: "refund-request", hash: "ab".repeat(32), title: "A refund, again", summary: "Sam wants their money back.", locale: "en" };
const attempt = { id: 42, startedAt: "2026-06-01T10:00:00.000Z" };
const actor = actorOf({ id: 7, displayName: "Tess Trainee", email: "tess@example.com" }, setting);
const step = { id: "greet", prompt: "I want my money back.", replies: [{ id: "greet.1", text: "I hear you." }, { id: "greet.2", text: "Policy says no." }] };
const turn: TurnFacts = {
  turn: 1,
  step,
  reply: { id: "greet.1", text: "I hear you.", deltas: { listening: 2, empathy: 1, calm: 0, persuasion: 0, expectations: -1 } },
  late: true,
  mood: -1,
  timeLimit: "normal",
  chosenAt: "2026-06-01T10:00:20.000Z",
};
const end: CompletionFacts = {
  endedAt: "2026-06-01T10:03:05.250Z",
  overall: 70,
  scores: { listening: 80, empathy: 60, calm: 70, persuasion: null, expectations: 70 },
  passMark: 70,
  ending: { id: "happy", outcome: "satisfied" },
};

describe("statements", () => {
  const all = [
    launchedStatement(setting, actor, scenario, attempt),
    respondedStatement(setting, actor, scenario, attempt.id, turn),
    completedStatement(setting, actor, scenario, attempt, end),
    answeredStatement(setting, actor, scenario, { answerId: 3, step, reply: step.replies[1]!, rating: "poor", answeredAt: "2026-06-03T08:00:00.000Z" }),
  ];

  it("are valid xAPI by xapi-validation, with an mbox and with an account actor", () => {
    for (const statement of all) expect(statementProblems(statement)).toEqual([]);
    const anonymous = actorOf({ id: 7, displayName: "Tess", email: null }, setting);
    expect(anonymous).toEqual({ objectType: "Agent", name: "Tess", account: { homePage: "https://frontline.example.com", name: "user-7" } });
    expect(statementProblems(launchedStatement(setting, anonymous, scenario, attempt))).toEqual([]);
  });

  it("name a person launched from a learning platform by its account, before their email", () => {
    const lti = { issuer: "https://lms.example.com", subject: "a6d5c443-1f51-4783-ba1a-7686ffe3b54a" };
    const launched = actorOf({ id: 7, displayName: "Tess", email: "tess@example.com", lti }, setting);
    expect(launched).toEqual({ objectType: "Agent", name: "Tess", account: { homePage: "https://lms.example.com", name: lti.subject } });
    expect(actorOf({ id: 7, displayName: "Tess", email: null, lti }, setting)).toEqual(launched);
    for (const statement of [launchedStatement(setting, launched, scenario, attempt), completedStatement(setting, launched, scenario, attempt, end)])
      expect(statementProblems(statement)).toEqual([]);
    // A test platform on a local port is an IRI too.
    const local = actorOf({ id: 7, displayName: "Tess", email: null, lti: { issuer: "http://127.0.0.1:4100", subject: "42" } }, setting);
    expect(statementProblems(launchedStatement(setting, local, scenario, attempt))).toEqual([]);
    // Without an identity, as before.
    expect(actorOf({ id: 7, displayName: "Tess", email: "tess@example.com", lti: null }, setting)).toEqual({ objectType: "Agent", name: "Tess", mbox: "mailto:tess@example.com" });
  });

  it("are refused by the validator when a platform's issuer is not an IRI", () => {
    const odd = actorOf({ id: 7, displayName: "Tess", email: "tess@example.com", lti: { issuer: "moodle-test", subject: "42" } }, setting);
    expect(statementProblems(launchedStatement(setting, odd, scenario, attempt))).toEqual(["statement.actor.account.homePage: Type"]);
  });

  it("are refused by the validator when broken", () => {
    const broken = { ...all[0]!, actor: { objectType: "Agent", mbox: "tess@example.com" }, result: { score: { scaled: 1.5 } } };
    expect(statementProblems(broken)).toEqual(["statement.actor.mbox: Type", "statement.result.score.scaled: Type"]);
  });

  it("have ids that depend only on the event and the namespace, and share the attempt's registration", () => {
    expect(launchedStatement(setting, actor, scenario, attempt).id).toBe(all[0]!.id);
    expect(new Set(all.map((s) => s.id)).size).toBe(4);
    expect(respondedStatement(setting, actor, scenario, attempt.id, { ...turn, turn: 2 }).id).not.toBe(all[1]!.id);
    expect(launchedStatement({ ...setting, namespace: "1f7c2a3e-6d1b-4c8e-9a55-2b1f0c9d8e7a" }, actor, scenario, attempt).id).not.toBe(all[0]!.id);
    expect(all.slice(0, 3).map((s) => s.context.registration)).toEqual(Array(3).fill(all[0]!.context.registration));
    expect(all[3]!.context.registration).toBeUndefined();
  });

  it("say who did what: verbs, the step as a choice interaction, response and extensions", () => {
    expect(all.map((s) => s.verb)).toEqual([VERBS.launched, VERBS.responded, VERBS.completed, VERBS.answered]);
    const responded = all[1]!;
    expect(responded.object.id).toBe("https://frontline.example.com/xapi/scenarios/refund-request/steps/greet");
    expect(responded.object.definition.choices?.map((c) => c.id)).toEqual(["greet.1", "greet.2"]);
    expect(responded.result?.response).toBe("greet.1");
    expect(responded.result?.extensions).toMatchObject({
      [EXTENSIONS.replyText]: "I hear you.",
      [EXTENSIONS.skillDeltas]: { listening: 2, empathy: 1, calm: 0, persuasion: 0, expectations: -1 },
      [EXTENSIONS.late]: true,
    });
    expect(responded.context.contextActivities.parent?.[0]?.id).toBe("https://frontline.example.com/xapi/scenarios/refund-request");
    expect(actor).toMatchObject({ mbox: "mailto:tess@example.com" });
  });

  it("score a completion 0–1, succeed from the pass mark, and give the duration and the five skills", () => {
    const completed = all[2]!;
    expect(completed.result).toMatchObject({ score: { scaled: 0.7, raw: 70, min: 0, max: 100 }, success: true, completion: true, duration: "PT3M5.25S" });
    expect(completed.result?.extensions?.[EXTENSIONS.skills]).toEqual(end.scores);
    expect(completedStatement(setting, actor, scenario, attempt, { ...end, overall: 69 }).result?.success).toBe(false);
    const unscored = completedStatement(setting, actor, scenario, attempt, { ...end, overall: null }).result;
    expect([unscored?.score, unscored?.success, unscored?.completion]).toEqual([undefined, undefined, true]);
  });

  it("write durations as xAPI wants them", () => {
    expect([0, 999, 1_000, 61_000, 3_600_000, 3_723_450].map(isoDuration)).toEqual(["PT0S", "PT1S", "PT1S", "PT1M1S", "PT1H", "PT1H2M3.45S"]);
    expect(isoDuration(994)).toBe("PT0.99S");
  });
});

describe("uuidV5", () => {
  it("matches RFC 9562's algorithm (the DNS namespace's known value)", () => {
    expect(uuidV5("hello", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe("9342d47a-1bab-5709-9869-c840b2eac501");
  });
});
