import { beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { getDb } from "#db/db.server";
import { PARCEL, RETURNS, useAssignmentsWorld, type World } from "~/assignments/test-support.server";
import { chooseReply } from "~/attempts/choose.server";
import { startAttempt } from "~/attempts/start.server";
import { findAttempt } from "~/models/attempt.server";
import { upsertResourceLink, type ResourceLinkRecord } from "~/models/lti-launch.server";
import { insertPlatform } from "~/models/lti-platform.server";
import { insertPathway } from "~/models/pathway.server";
import type { ScoreDelivery } from "./grades.server";
import { AGS_SCOPES } from "./service-token.server";

// Grade passback as queued: real conversations of the example library, played by a trainee launched through links.

const LOW = { id: PARCEL.id, finish: ["opening.2", "details.1", "options.2", "trace.2"] } as const;
const ALL_SCOPES = [AGS_SCOPES.lineItem, AGS_SCOPES.score];

let world: World;
let platformId: number;
let clock = Date.now();
/** Each conversation a minute after the last, all after the links' first launch. */
const later = () => new Date((clock += 60_000));

async function play(userId: number, scenario: { id: string; finish: readonly string[] }): Promise<number> {
  const start = later();
  const attemptId = await startAttempt(userId, scenario.id, start);
  for (const [i, choiceId] of scenario.finish.entries()) {
    const { completed } = await chooseReply({ userId, attemptId, turn: i + 1, choiceId, now: new Date(start.getTime() + (i + 1) * 1000) });
    if (completed) break;
  }
  const attempt = await findAttempt(attemptId);
  expect(attempt?.status).toBe("completed");
  return attempt!.overall!;
}

const Queued = z.object({ ordering_key: z.string(), payload: z.string(), summary: z.string() });
async function scoresQueued(): Promise<(ScoreDelivery & { key: string; summary: string })[]> {
  const db = await getDb();
  const rows = await db.all(Queued, "SELECT ordering_key, payload, summary FROM outbox WHERE kind = 'lti-score' ORDER BY id");
  return rows.map((row) => ({ ...(JSON.parse(row.payload) as ScoreDelivery), key: row.ordering_key, summary: row.summary }));
}
async function clearQueue() {
  await (await getDb()).write((tx) => tx.run("DELETE FROM outbox"));
}

function link(over: Partial<ResourceLinkRecord> & Pick<ResourceLinkRecord, "resourceLinkId" | "learner">): ResourceLinkRecord {
  return {
    platformId,
    deploymentId: "d1",
    contextRowId: null,
    title: "Week 1",
    scenarioId: null,
    pathwayId: null,
    lineItemUrl: `https://lms.example.test/lineitems/${over.resourceLinkId}?course=7`,
    lineItemsUrl: null,
    agsScopes: ALL_SCOPES,
    ...over,
  };
}

beforeAll(async () => {
  world = await useAssignmentsWorld();
  platformId = await insertPlatform({
    name: "Campus LMS",
    issuer: "https://lms.example.test",
    clientId: "c",
    authUrl: "https://lms.example.test/a",
    tokenUrl: "https://lms.example.test/t",
    jwksUrl: "https://lms.example.test/j",
    mapAdministrators: false,
    deploymentIds: ["d1"],
  });
});

describe("queueing grades when a launched attempt ends", () => {
  it("sends the best overall score so far for the link, once per completion, with the five skills in the comment", async () => {
    await upsertResourceLink(link({ resourceLinkId: "parcel", scenarioId: PARCEL.id, learner: { userId: world.ana, subject: "sub-ana" } }), later());
    const best = await play(world.ana, PARCEL);
    const low = await play(world.ana, LOW);
    expect(low).toBeLessThan(best);
    const queued = await scoresQueued();
    expect(queued).toHaveLength(2);
    for (const one of queued) {
      expect(one.lineItemUrl).toBe("https://lms.example.test/lineitems/parcel?course=7");
      expect(one.score).toMatchObject({ userId: "sub-ana", scoreGiven: best, scoreMaximum: 100, activityProgress: "Completed", gradingProgress: "FullyGraded" });
      expect(one.score.comment).toMatch(/Listening \d+, Empathy \d+, Calm \d+, Persuasion \d+, Honest expectations \d+/);
    }
    // One person on one link keeps one order; the later completion is the later timestamp.
    expect(new Set(queued.map((one) => one.key)).size).toBe(1);
    expect(queued[1]!.score.timestamp > queued[0]!.score.timestamp).toBe(true);
    expect(queued[0]!.summary).toContain("for Ana on “Week 1” to Campus LMS");
    await clearQueue();
  });

  it("sends nothing for a scenario the link does not open, a link without the score scope, a person who did not launch it, or one who is not a trainee", async () => {
    await upsertResourceLink(link({ resourceLinkId: "no-scope", scenarioId: RETURNS.id, agsScopes: [AGS_SCOPES.lineItem], learner: { userId: world.ben, subject: "sub-ben" } }), later());
    await play(world.ben, RETURNS);
    await play(world.ben, PARCEL);
    await play(world.cleo, PARCEL);
    // Only a trainee's practice counts: an admin (or a content developer) trying a link sends nothing.
    await upsertResourceLink(link({ resourceLinkId: "tried", scenarioId: PARCEL.id, learner: { userId: world.admin, subject: "sub-admin" } }), later());
    await play(world.admin, PARCEL);
    expect(await scoresQueued()).toEqual([]);
  });

  it("counts only conversations that ended after the person's first launch through the link", async () => {
    const before = await play(world.cleo, RETURNS);
    await upsertResourceLink(link({ resourceLinkId: "returns", scenarioId: RETURNS.id, learner: { userId: world.cleo, subject: "sub-cleo" } }), later());
    expect(await scoresQueued()).toEqual([]);
    const after = await play(world.cleo, RETURNS);
    expect(after).toBe(before);
    const [only] = await scoresQueued();
    expect(only?.score.scoreGiven).toBe(after);
    await clearQueue();
  });

  it("reports a pathway as the mean of its scenarios' best scores, a scenario not yet played counting 0", async () => {
    const pathwayId = await insertPathway({ title: "Calm under fire", skill: "calm", scenarioIds: [PARCEL.id, RETURNS.id] }, world.admin);
    await upsertResourceLink(link({ resourceLinkId: "pathway", pathwayId, learner: { userId: world.ben, subject: "sub-ben" } }), later());
    const parcel = await play(world.ben, PARCEL);
    const first = await scoresQueued();
    expect(first).toHaveLength(1);
    expect(first[0]!.score).toMatchObject({ scoreGiven: parcel / 2, activityProgress: "InProgress" });
    expect(first[0]!.score.comment).toContain("1 played so far");
    const returns = await play(world.ben, RETURNS);
    const second = (await scoresQueued())[1]!;
    expect(second.score).toMatchObject({ scoreGiven: Math.round(((parcel + returns) / 2) * 100) / 100, activityProgress: "Completed" });
    await clearQueue();
  });
});
