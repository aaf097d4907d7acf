import { beforeAll, describe, expect, it } from "vitest";
import { makeTempDir, useFreshDatabase } from "#db/test-database";
import { chooseReply } from "~/attempts/choose.server";
import { loadOwnAttempt } from "~/attempts/load.server";
import { startAttempt } from "~/attempts/start.server";
import { createTrainees, useExampleLibrary } from "~/attempts/test-trainees";
import { visibleChoices } from "~/engine";
import { findAttemptAward, findGameState, replaceGameState } from "~/models/game-state.server";
import { applyFinishedAttempt, rebuildTraineeGame, traineeGame } from "./progress.server";
import type { XpLine } from "./xp";

let trainees: number[] = [];

beforeAll(async () => {
  process.env.SCENARIO_CACHE_DIR = makeTempDir("frontline-cache-");
  useExampleLibrary(makeTempDir("frontline-library-"));
  await useFreshDatabase();
  trainees = await createTrainees(3);
});

/** Plays parcel-third-call to its end, choosing the n-th visible reply at every step, each reply `pauseMs` after the step appeared. */
async function play(userId: number, position: number, clock: { now: number }, pauseMs = 20_000): Promise<number> {
  const id = await startAttempt(userId, "parcel-third-call", new Date(clock.now));
  for (let turn = 1; turn <= 20; turn++) {
    const { attempt, version, snapshot } = await loadOwnAttempt(userId, id);
    if (attempt.status !== "in-progress") break;
    const choices = visibleChoices(version.scenario, snapshot.context);
    const choice = choices[Math.min(position, choices.length) - 1]!;
    clock.now += pauseMs;
    await chooseReply({ userId, attemptId: id, turn, choiceId: choice.id, now: new Date(clock.now) });
  }
  return id;
}

const lines = async (attemptId: number) => JSON.parse((await findAttemptAward(attemptId))!.lines) as XpLine[];

describe("the stored game state", () => {
  it("earns itemised XP as each conversation ends, the same as a rebuild from the attempts", async () => {
    const [trainee = 0] = trainees;
    const clock = { now: Date.parse("2026-11-02T09:00:00Z") };
    const first = await play(trainee, 1, clock);
    expect((await lines(first)).map((line) => line.reason)).toContain("best-replies");
    await play(trainee, 2, clock);
    await play(trainee, 1, clock);
    const incremental = await findGameState(trainee);
    expect(incremental).toMatchObject({ conversations: 3, completed: 3 });
    expect(incremental.xp).toBeGreaterThan(0);

    const rebuilt = await rebuildTraineeGame(trainee);
    expect(rebuilt.state.xp).toBe(incremental.xp);
    expect(JSON.parse(incremental.state!)).toEqual(rebuilt.state);
  });

  it("takes replies given faster than they could be read off the reply XP, and says so", async () => {
    const [, trainee = 0] = trainees;
    const clock = { now: Date.parse("2026-11-03T09:00:00Z") };
    const rushed = await play(trainee, 1, clock, 200);
    const reasons = (await lines(rushed)).map((line) => line.reason);
    expect(reasons).toContain("rushed");
  });

  it("rebuilds a state that lost a conversation before reading or adding to it", async () => {
    const [, , trainee = 0] = trainees;
    const clock = { now: Date.parse("2026-11-04T09:00:00Z") };
    await play(trainee, 1, clock);
    const whole = await findGameState(trainee);
    // As if the write after the conversation had been lost.
    await replaceGameState(trainee, { state: JSON.stringify({}), xp: 0, conversations: 0, awards: [] });
    const read = await traineeGame(trainee);
    expect(read.state.xp).toBe(whole.xp);
    const second = await play(trainee, 2, clock);
    expect(await findAttemptAward(second)).toBeDefined();
    expect((await findGameState(trainee)).conversations).toBe(2);
  });

  it("applying the same finished attempt twice changes nothing", async () => {
    const [trainee = 0] = trainees;
    const before = await findGameState(trainee);
    const { rows } = await import("~/models/game-state.server").then((models) => models.listGameHistory(trainee));
    await applyFinishedAttempt(trainee, rows.at(-1)!.id);
    expect(await findGameState(trainee)).toEqual(before);
  });
});
