import * as z from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/db.server";
import { makeTempDir, useFreshDatabase } from "#db/test-database";
import { createAccount } from "~/accounts/accounts.server";
import { chooseReply } from "~/attempts/choose.server";
import { loadOwnAttempt } from "~/attempts/load.server";
import { startAttempt } from "~/attempts/start.server";
import { useExampleLibrary } from "~/attempts/test-trainees";
import { visibleChoices } from "~/engine";
import { replaceCoreScenarios } from "~/models/core-scenario.server";
import { afterConversation } from "./conversation-end.server";

const HASH = "scrypt$17$8$1$c2FsdA==$a2V5"; // never used to sign in
const PARCEL = "parcel-third-call";
const players: Record<"trainee" | "trainer" | "admin", number> = { trainee: 0, trainer: 0, admin: 0 };

beforeAll(async () => {
  process.env.SCENARIO_CACHE_DIR = makeTempDir("frontline-cache-");
  useExampleLibrary(makeTempDir("frontline-library-"));
  await useFreshDatabase();
  for (const role of ["trainee", "trainer", "admin"] as const) {
    players[role] = await createAccount({ email: `${role}@example.test`, displayName: `A ${role}`, role, teamId: null, password: "" }, HASH);
  }
  // One perfect conversation of the parcel scenario meets the certificate's rule.
  await replaceCoreScenarios([PARCEL], players.admin);
});

/**
 * Plays a whole conversation through the real use case (which calls the hook as it ends), always
 * taking the `nth` reply on offer in the authored order, or the last when fewer are offered.
 */
async function play(userId: number, nth: number): Promise<number> {
  const attemptId = await startAttempt(userId, PARCEL);
  for (let turn = 1; ; turn++) {
    const { attempt, version, snapshot } = await loadOwnAttempt(userId, attemptId);
    if (attempt.status !== "in-progress") return attemptId;
    const offered = visibleChoices(version.scenario, snapshot.context);
    const choice = offered[Math.min(nth, offered.length) - 1]!;
    await chooseReply({ userId, attemptId, turn, choiceId: choice.id });
  }
}

/** What the game layer holds for a user: rows of each of its tables. */
async function gameRows(userId: number): Promise<Record<string, number>> {
  const db = await getDb();
  const rows: Record<string, number> = {};
  for (const table of ["game_states", "attempt_awards", "review_cards", "review_log", "certificates"]) {
    const row = await db.get(z.object({ n: z.number().int() }), `SELECT COUNT(*) AS n FROM ${table} WHERE user_id = ?`, [userId]);
    rows[table] = row?.n ?? 0;
  }
  return rows;
}

describe("afterConversation", () => {
  it("gives a trainee XP, review cards of their misses and the certificate they qualified for", async () => {
    await play(players.trainee, 1);
    await play(players.trainee, 2);
    const rows = await gameRows(players.trainee);
    // Shown so the trainer's zeros below mean something: the same play does feed a trainee's game.
    expect(rows).toMatchObject({ game_states: 1, attempt_awards: 2, certificates: 1 });
    expect(rows.review_cards).toBeGreaterThan(0);
    expect(rows.review_log).toBeGreaterThan(0);
  });

  it.each(["trainer", "admin"] as const)("does nothing when someone whose role is %s plays the same conversations", async (role) => {
    const attempts = [await play(players[role], 1), await play(players[role], 2)];
    // Run it again by hand too: the hook itself refuses, not only the way it is called.
    for (const attemptId of attempts) await afterConversation(players[role], attemptId);
    expect(await gameRows(players[role])).toEqual({ game_states: 0, attempt_awards: 0, review_cards: 0, review_log: 0, certificates: 0 });
  });
});
