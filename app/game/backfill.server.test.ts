import * as z from "zod";
import { beforeAll, expect, it } from "vitest";
import type { Database } from "#db/connection.server";
import { makeTempDir, useFreshDatabase } from "#db/test-database";
import { chooseReply } from "~/attempts/choose.server";
import { loadOwnAttempt } from "~/attempts/load.server";
import { startAttempt } from "~/attempts/start.server";
import { createTrainees, useExampleLibrary } from "~/attempts/test-trainees";
import { visibleChoices } from "~/engine";
import { findGameState } from "~/models/game-state.server";
import { fillMissingFacts } from "./backfill.server";
import { traineeGame } from "./progress.server";

let db: Database;
let trainee = 0;

beforeAll(async () => {
  process.env.SCENARIO_CACHE_DIR = makeTempDir("frontline-cache-");
  useExampleLibrary(makeTempDir("frontline-library-"));
  db = await useFreshDatabase();
  [trainee = 0] = await createTrainees(1);
});

const Facts = z.object({ best_replies: z.number().nullable(), fair_replies: z.number().nullable(), poor_replies: z.number().nullable(), lowest_mood: z.number().nullable(), rushed: z.number().nullable() });
const factsOf = (id: number) => db.get(Facts, "SELECT best_replies, fair_replies, poor_replies, lowest_mood, rushed FROM attempts WHERE id = ?", [id]);

it("fills the facts of attempts finished before the game layer, the same as at the end of a conversation, and counts them", async () => {
  const id = await startAttempt(trainee, "parcel-third-call");
  let clock = Date.now();
  for (let turn = 1; turn <= 20; turn++) {
    const { attempt, version, snapshot } = await loadOwnAttempt(trainee, id);
    if (attempt.status !== "in-progress") break;
    clock += 20_000;
    await chooseReply({ userId: trainee, attemptId: id, turn, choiceId: visibleChoices(version.scenario, snapshot.context)[turn === 2 ? 1 : 0]!.id, now: new Date(clock) });
  }
  const atTheEnd = await factsOf(id);
  const xp = (await findGameState(trainee)).xp;
  expect(atTheEnd?.best_replies).toBeGreaterThan(0);

  // As an attempt finished before migration 0006: no facts, no game state.
  await db.write(async (tx) => {
    await tx.run("UPDATE attempts SET best_replies = NULL, fair_replies = NULL, poor_replies = NULL, lowest_mood = NULL, rushed = NULL WHERE id = ?", [id]);
    await tx.run("DELETE FROM game_states WHERE user_id = ?", [trainee]);
    await tx.run("DELETE FROM attempt_awards WHERE user_id = ?", [trainee]);
  });
  // Left out until its facts are in: the game never guesses them.
  expect((await traineeGame(trainee)).state.xp).toBe(0);

  expect(await fillMissingFacts()).toBe(1);
  expect(await factsOf(id)).toEqual(atTheEnd);
  expect((await findGameState(trainee)).xp).toBe(xp);
  expect(await fillMissingFacts()).toBe(0);
});
