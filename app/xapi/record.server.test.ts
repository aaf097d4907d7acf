import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "#db/db.server";
import { createAccount } from "~/accounts/accounts.server";
import { changePassMark } from "~/grading/pass-mark.server";
import { listDeliveries, type ListedDelivery } from "~/models/outbox.server";
import { listTraineeCards } from "~/models/review-card.server";
import { answerReview } from "~/review/answer.server";
import { recordReviewCards } from "~/review/record.server";
import { day, PARCEL, playAt, useReviewDatabase } from "~/review/test-support.server";
import { XAPI_KIND } from "./deliver.server";
import { attemptOrderingKey } from "./record.server";
import { lrsSettingsView, saveLrsForm } from "./settings.server";
import type { Statement } from "./statements";
import { statementProblems } from "./validate.server";
import { EXTENSIONS, VERBS } from "./vocabulary";

let trainees: number[] = [];
let trainer = 0;
beforeAll(async () => {
  trainees = await useReviewDatabase(5);
  trainer = await createAccount({ email: "trainer@example.test", displayName: "Tom Trainer", role: "trainer", teamId: null, password: "" }, "scrypt$17$8$1$c2FsdA==$a2V5");
});
beforeEach(async () => {
  await (await getDb()).write((tx) => tx.run("DELETE FROM outbox"));
});

const lrsOn = async (enabled = true, passMark = 70) => {
  await saveLrsForm({ enabled, endpoint: "https://lrs.example.com/xapi", username: "key", secret: "secret", activityBase: "https://frontline.example.com" }, null);
  await changePassMark(passMark, null);
};
const queue = async (): Promise<ListedDelivery[]> => [...(await listDeliveries("pending", 100)), ...(await listDeliveries("failed", 100))].sort((a, b) => a.id - b.id);
const statementOf = (row: ListedDelivery) => JSON.parse(row.payload) as Statement;

describe("queuing statements", () => {
  it("queues nothing while no LRS is switched on", async () => {
    await lrsOn(false);
    await playAt(trainees[0]!, PARCEL.id, PARCEL.best, day(0));
    expect(await queue()).toEqual([]);
  });

  it("queues launched, one responded per reply and completed for a trainee's attempt, in order, all valid", async () => {
    await lrsOn(true, 100);
    const attemptId = await playAt(trainees[0]!, PARCEL.id, PARCEL.twoMisses, day(0));
    const rows = await queue();
    expect(rows.map((row) => [row.kind, row.status, row.ordering_key])).toEqual(Array(7).fill([XAPI_KIND, "pending", attemptOrderingKey(attemptId)]));
    const statements = rows.map(statementOf);
    expect(statements.map((s) => s.verb.id)).toEqual([VERBS.launched.id, ...Array(5).fill(VERBS.responded.id), VERBS.completed.id]);
    for (const statement of statements) expect(statementProblems(statement)).toEqual([]);
    expect(statements.slice(1, 6).map((s) => s.result?.response)).toEqual(PARCEL.twoMisses);
    expect(statements[0]!.actor).toEqual({ objectType: "Agent", name: "T1", mbox: "mailto:t1@example.test" });
    expect(statements[2]!.result?.extensions?.[EXTENSIONS.late]).toBe(false);
    const completed = statements[6]!;
    // Two misses: an overall under 100, so not a pass at a pass mark of 100.
    expect(completed.result?.success).toBe(false);
    expect(completed.result?.duration).toBe("PT1M40S");
    expect(Object.keys(completed.result?.extensions?.[EXTENSIONS.skills] as object)).toEqual(["listening", "empathy", "calm", "persuasion", "expectations"]);
    expect(rows[6]!.summary).toMatch(/^T1 completed “.+” \(attempt \d+, \d+\)$/);
  });

  it("judges success by the grading setting's pass mark at the end of the conversation, and names it", async () => {
    await lrsOn(true, 100);
    const completedOf = async () => statementOf((await queue()).at(-1)!);
    await playAt(trainees[0]!, PARCEL.id, PARCEL.twoMisses, day(1));
    const failed = await completedOf();
    expect([failed.verb.id, failed.result?.success, failed.result?.extensions?.[EXTENSIONS.passMark]]).toEqual([VERBS.completed.id, false, 100]);
    const overall = failed.result?.score?.raw;
    await changePassMark(overall!, null);
    await playAt(trainees[0]!, PARCEL.id, PARCEL.twoMisses, day(2));
    const passed = await completedOf();
    expect([passed.result?.score?.raw, passed.result?.success, passed.result?.extensions?.[EXTENSIONS.passMark]]).toEqual([overall, true, overall]);
  });

  it("queues nothing for a trainer playing the catalogue", async () => {
    await lrsOn();
    await playAt(trainer, PARCEL.id, PARCEL.best, day(0));
    expect(await queue()).toEqual([]);
  });

  it("queues answered for a review card, with success for the best reply", async () => {
    await lrsOn(false);
    const userId = trainees[1]!;
    await recordReviewCards(await playAt(userId, PARCEL.id, PARCEL.twoMisses, day(0)));
    await lrsOn();
    const card = (await listTraineeCards(userId)).find((c) => c.stepId === "listen")!;
    const outcome = await answerReview(userId, { version: card.scenarioHash, step: "listen", reps: card.schedule.reps, choiceId: "listen.1" }, day(1));
    expect(outcome.kind).toBe("answered");
    const rows = await queue();
    expect(rows).toHaveLength(1);
    const statement = statementOf(rows[0]!);
    expect([statement.verb.id, statement.result?.response, statement.result?.success]).toEqual([VERBS.answered.id, "listen.1", true]);
    expect(statementProblems(statement)).toEqual([]);
  });
});

describe("launched people", () => {
  const identity = (userId: number, issuer: string, subject: string, createdAt: string) =>
    getDb().then((db) =>
      db.write((tx) => tx.run("INSERT INTO lti_identities (issuer, subject, user_id, created_at, last_launch_at) VALUES (?, ?, ?, ?, ?)", [issuer, subject, userId, createdAt, createdAt])),
    );

  it("are the account of their oldest platform identity, in every statement, instead of their email", async () => {
    const userId = trainees[2]!;
    // The older identity sorts after the newer one by issuer: the age decides.
    await identity(userId, "https://lms-b.example.com", "sub-new", "2026-03-01T00:00:00.000Z");
    await identity(userId, "https://lms-z.example.com", "sub-old", "2026-01-01T00:00:00.000Z");
    await lrsOn();
    await playAt(userId, PARCEL.id, PARCEL.best, day(0));
    const rows = await queue();
    expect(rows.map((row) => row.status)).toEqual(Array(rows.length).fill("pending"));
    for (const statement of rows.map(statementOf)) {
      expect(statement.actor).toEqual({ objectType: "Agent", name: "T3", account: { homePage: "https://lms-z.example.com", name: "sub-old" } });
      expect(statementProblems(statement)).toEqual([]);
    }
  });

  it("with an issuer that is not an IRI are kept as failed, naming the actor's home page, not sent with another identity", async () => {
    const userId = trainees[3]!;
    await identity(userId, "moodle-test", "7", "2026-01-01T00:00:00.000Z");
    await lrsOn();
    await playAt(userId, PARCEL.id, PARCEL.best, day(0));
    const rows = await queue();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect([row.status, row.last_error]).toEqual(["failed", "Not sent: the statement is not valid xAPI (statement.actor.account.homePage: Type)"]);
  });
});

describe("the LRS settings", () => {
  it("keep the secret when the form leaves it blank, and never show it", async () => {
    await lrsOn();
    await saveLrsForm({ enabled: true, endpoint: "https://lrs.example.com/other", username: "key2", activityBase: "https://frontline.example.com" }, null);
    await changePassMark(80, null);
    const view = await lrsSettingsView("https://ignored.example.com");
    // The pass mark is the grading setting's, shown on the LRS page to say where it is set.
    expect(view).toMatchObject({ enabled: true, endpoint: "https://lrs.example.com/other", username: "key2", hasSecret: true, passMark: 80 });
    expect(Object.values(view)).not.toContain("secret");
  });
});
