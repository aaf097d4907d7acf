import { beforeAll, describe, expect, it } from "vitest";
import { makeTempDir, useFreshDatabase } from "#db/test-database";
import { visibleChoices } from "~/engine";
import { findAttempt, listAttemptTurns } from "~/models/attempt.server";
import { chooseReply } from "./choose.server";
import { buildProgressView } from "./progress-view.server";
import { AttemptError } from "./errors";
import { loadOwnAttempt } from "./load.server";
import { startAttempt } from "./start.server";
import { createTrainees, useExampleLibrary } from "./test-trainees";
import { LATENESS_GRACE_MS } from "./timing";

let trainee = 0;
let other = 0;

beforeAll(async () => {
  process.env.SCENARIO_CACHE_DIR = makeTempDir("frontline-cache-");
  useExampleLibrary(makeTempDir("frontline-library-"));
  await useFreshDatabase();
  [trainee = 0, other = 0] = await createTrainees(2);
});

/** The id of the n-th visible choice (1-based) at the attempt's current step. */
async function nthVisible(attemptId: number, n: number): Promise<string> {
  const { version, snapshot } = await loadOwnAttempt(trainee, attemptId);
  const choice = visibleChoices(version.scenario, snapshot.context)[n - 1];
  if (!choice) throw new Error(`no visible choice ${n}`);
  return choice.id;
}

async function refusal(promise: Promise<unknown>): Promise<AttemptError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AttemptError);
  return error as AttemptError;
}

describe("chooseReply", () => {
  it("plays a whole attempt and stores the same scores the engine gives", async () => {
    const id = await startAttempt(trainee, "parcel-third-call");
    for (let turn = 1; turn <= 4; turn++) {
      await chooseReply({ userId: trainee, attemptId: id, turn, choiceId: await nthVisible(id, 1) });
    }
    const attempt = await findAttempt(id);
    expect(attempt).toMatchObject({
      status: "completed",
      turns: 4,
      endingId: "resolved",
      outcome: "satisfied",
      csat: 4,
      resolved: true,
      mood: 1,
      overall: 100,
      scores: { listening: 100, empathy: 100, calm: 100, persuasion: 100, expectations: 100 },
    });
    expect((await listAttemptTurns(id)).map((turn) => turn.stepId)).toEqual(["opening", "listen", "details", "options"]);
  });

  it("records a double-posted choice once", async () => {
    const id = await startAttempt(trainee, "parcel-third-call");
    const choiceId = await nthVisible(id, 1);
    const [first, second] = await Promise.all([
      chooseReply({ userId: trainee, attemptId: id, turn: 1, choiceId }),
      chooseReply({ userId: trainee, attemptId: id, turn: 1, choiceId }),
    ]);
    expect([first.status, second.status].sort()).toEqual(["duplicate", "recorded"]);
    expect(await chooseReply({ userId: trainee, attemptId: id, turn: 1, choiceId })).toMatchObject({ status: "duplicate" });
    expect(await listAttemptTurns(id)).toHaveLength(1);
    expect((await findAttempt(id))?.turns).toBe(1);
  });

  it("refuses a stale or skipped turn, a hidden choice and someone else's attempt, changing nothing", async () => {
    const id = await startAttempt(trainee, "parcel-third-call");
    await chooseReply({ userId: trainee, attemptId: id, turn: 1, choiceId: "opening.2" });
    const before = await findAttempt(id);

    expect((await refusal(chooseReply({ userId: trainee, attemptId: id, turn: 1, choiceId: "opening.1" }))).status).toBe(409);
    expect((await refusal(chooseReply({ userId: trainee, attemptId: id, turn: 3, choiceId: "details.1" }))).status).toBe(409);
    // "details.2" requires the flag "promised", which this attempt never set.
    expect((await refusal(chooseReply({ userId: trainee, attemptId: id, turn: 2, choiceId: "details.2" }))).status).toBe(422);
    expect((await refusal(chooseReply({ userId: trainee, attemptId: id, turn: 2, choiceId: "no-such-choice" }))).status).toBe(422);
    expect((await refusal(chooseReply({ userId: other, attemptId: id, turn: 2, choiceId: "details.1" }))).status).toBe(404);

    expect(await findAttempt(id)).toEqual(before);
    expect(await listAttemptTurns(id)).toHaveLength(1);
  });

  it("decides lateness from the server's clock and the step's patience", async () => {
    const id = await startAttempt(trainee, "returns-desk-loop");
    const shownAt = new Date((await findAttempt(id))?.stepShownAt ?? "");
    // in-person: 45 s of patience; a reply inside the grace period is on time.
    await chooseReply({ userId: trainee, attemptId: id, turn: 1, choiceId: "ask.1", now: new Date(shownAt.getTime() + 45_000 + LATENESS_GRACE_MS) });
    const secondShown = new Date((await findAttempt(id))?.stepShownAt ?? "");
    await chooseReply({ userId: trainee, attemptId: id, turn: 2, choiceId: "card.1", now: new Date(secondShown.getTime() + 60_000) });
    const turns = await listAttemptTurns(id);
    expect(turns.map((turn) => turn.late)).toEqual([false, true]);
    expect(turns[1]?.responseMs).toBe(60_000);
    const { snapshot } = await loadOwnAttempt(trainee, id);
    // mood 0 → +1 (ask.1) → -1 late, +0 (card.1) = 0
    expect(snapshot.context.mood).toBe(0);
  });

  it("puts an unfinished attempt aside when the scenario is started again", async () => {
    const first = await startAttempt(trainee, "returns-desk-loop");
    const second = await startAttempt(trainee, "returns-desk-loop");
    expect((await findAttempt(first))?.status).toBe("abandoned");
    expect((await findAttempt(second))?.status).toBe("in-progress");
    expect((await refusal(chooseReply({ userId: trainee, attemptId: first, turn: 1, choiceId: "ask.1" }))).status).toBe(409);
    // "My progress" lists every attempt: the one put aside too, marked so and without scores.
    const rows = (await buildProgressView(trainee)).attempts.filter((attempt) => attempt.id === first || attempt.id === second);
    expect(rows.map((row) => [row.id, row.status, row.overall])).toEqual([
      [second, "in-progress", null],
      [first, "abandoned", null],
    ]);
  });

  it("refuses to start a scenario that is not published", async () => {
    expect((await refusal(startAttempt(trainee, "no-such-scenario"))).status).toBe(404);
  });
});
