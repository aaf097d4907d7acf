import * as z from "zod";
import type { WriteTx } from "#db/connection.server";
import { getDb } from "#db/db.server";
import { CHANNELS, OUTCOMES, PERSONAS, SKILLS } from "~/domain/vocabulary";
import { placeholders } from "./analytics.server";
import { isoNow } from "./time.server";

const Score = z.number().int().nullable();

/** A completed attempt as the game rules read it (app/game/history.ts GameAttempt). */
const HistoryRow = z.object({
  id: z.number().int(),
  scenario_id: z.string(),
  persona: z.enum(PERSONAS),
  channel: z.enum(CHANNELS),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  ended_at: z.string(),
  outcome: z.enum(OUTCOMES),
  listening: Score,
  empathy: Score,
  calm: Score,
  persuasion: Score,
  expectations: Score,
  overall: Score,
  // NULL until the facts are filled (attempts finished before the game layer).
  best_replies: z.number().int().nullable(),
  fair_replies: z.number().int().nullable(),
  poor_replies: z.number().int().nullable(),
  lowest_mood: z.number().int().nullable(),
  rushed: z
    .union([z.literal(0), z.literal(1)])
    .nullable()
    .transform((value) => (value === null ? null : value === 1)),
});
type RawHistoryRow = z.infer<typeof HistoryRow>;
type Filled<T> = { [K in keyof T]: NonNullable<T[K]> };
type FactColumns = "best_replies" | "fair_replies" | "poor_replies" | "lowest_mood" | "rushed";
export type GameHistoryRow = Omit<RawHistoryRow, FactColumns> & Filled<Pick<RawHistoryRow, FactColumns>>;

const hasFacts = (row: RawHistoryRow): row is GameHistoryRow =>
  row.best_replies !== null && row.fair_replies !== null && row.poor_replies !== null && row.lowest_mood !== null && row.rushed !== null;

// The game is a trainee's alone: a trainer's or admin's attempts (they play the catalogue too)
// never reach a history, a count, an award or a state, whatever asks for them.
const TRAINEE = "JOIN users u ON u.id = a.user_id AND u.role = 'trainee'";

/**
 * A trainee's completed attempts, oldest first. Attempts whose facts are not filled yet (finished
 * before the game layer, until the start-up catch-up reaches them) are left out and counted.
 */
export async function listGameHistory(userId: number): Promise<{ rows: GameHistoryRow[]; withoutFacts: number }> {
  const db = await getDb();
  const rows = await db.all(
    HistoryRow,
    `SELECT a.id, a.scenario_id, v.persona, v.channel, v.difficulty, a.ended_at, a.outcome,
            a.listening, a.empathy, a.calm, a.persuasion, a.expectations, a.overall,
            a.best_replies, a.fair_replies, a.poor_replies, a.lowest_mood, a.rushed
       FROM attempts a ${TRAINEE} JOIN scenario_versions v ON v.hash = a.scenario_hash
      WHERE a.user_id = ? AND a.status = 'completed'
      ORDER BY a.ended_at, a.id`,
    [userId],
  );
  const complete = rows.filter(hasFacts);
  return { rows: complete, withoutFacts: rows.length - complete.length };
}

/** One completed attempt with its facts, as the rules read it; undefined when not completed or its facts are missing. */
export async function findGameHistoryRow(attemptId: number): Promise<GameHistoryRow | undefined> {
  const db = await getDb();
  const row = await db.get(
    HistoryRow,
    `SELECT a.id, a.scenario_id, v.persona, v.channel, v.difficulty, a.ended_at, a.outcome,
            a.listening, a.empathy, a.calm, a.persuasion, a.expectations, a.overall,
            a.best_replies, a.fair_replies, a.poor_replies, a.lowest_mood, a.rushed
       FROM attempts a ${TRAINEE} JOIN scenario_versions v ON v.hash = a.scenario_hash
      WHERE a.id = ? AND a.status = 'completed'`,
    [attemptId],
  );
  return row && hasFacts(row) ? row : undefined;
}

export const scoresOf = (row: GameHistoryRow) => Object.fromEntries(SKILLS.map((skill) => [skill, row[skill]])) as Record<(typeof SKILLS)[number], number | null>;

const StateRow = z.object({
  state: z.string().nullable(),
  xp: z.number().int().nullable(),
  conversations: z.number().int().nullable(),
  completed: z.number().int(),
});

/** The stored game state (null when none yet) and how many completed attempts the trainee has now; nothing for anyone else. */
export async function findGameState(userId: number): Promise<{ state: string | null; xp: number; conversations: number; completed: number }> {
  const db = await getDb();
  const row = await db.get(
    StateRow,
    `SELECT g.state, g.xp, g.conversations,
            (SELECT COUNT(*) FROM attempts a ${TRAINEE} WHERE a.user_id = ? AND a.status = 'completed') AS completed
       FROM (SELECT ? AS user_id) q
       LEFT JOIN users p ON p.id = q.user_id AND p.role = 'trainee'
       LEFT JOIN game_states g ON g.user_id = p.id`,
    [userId, userId],
  );
  return { state: row?.state ?? null, xp: row?.xp ?? 0, conversations: row?.conversations ?? 0, completed: row?.completed ?? 0 };
}

export type StoredAward = { attemptId: number; day: string; xp: number; lines: string; badges: string; levels: string };

function insertAward(tx: WriteTx, userId: number, { attemptId, day, xp, lines, badges, levels }: StoredAward) {
  return tx.run("INSERT OR REPLACE INTO attempt_awards (attempt_id, user_id, day, xp, lines, badges, levels) VALUES (?, ?, ?, ?, ?, ?, ?)", [
    attemptId,
    userId,
    day,
    xp,
    lines,
    badges,
    levels,
  ]);
}

/**
 * Stores one more conversation on top of the state that was read: only if the state still holds
 * `before` conversations, so two conversations ending at once cannot both build on the same
 * state. Returns false when someone else wrote first (the caller rebuilds instead).
 */
export async function saveGameStep(userId: number, input: { before: number; state: string; xp: number; award: StoredAward }): Promise<boolean> {
  const db = await getDb();
  const now = isoNow();
  return db.write(async (tx) => {
    const { changes } =
      input.before === 0
        ? await tx.run(
            `INSERT INTO game_states (user_id, state, xp, conversations, updated_at) VALUES (?, ?, ?, 1, ?)
             ON CONFLICT (user_id) DO NOTHING`,
            [userId, input.state, input.xp, now],
          )
        : await tx.run("UPDATE game_states SET state = ?, xp = ?, conversations = conversations + 1, updated_at = ? WHERE user_id = ? AND conversations = ?", [
            input.state,
            input.xp,
            now,
            userId,
            input.before,
          ]);
    if (changes !== 1) return false;
    await insertAward(tx, userId, input.award);
    return true;
  });
}

/** Replaces a trainee's whole game state and every award with a rebuild's. */
export async function replaceGameState(userId: number, input: { state: string; xp: number; conversations: number; awards: readonly StoredAward[] }): Promise<void> {
  const db = await getDb();
  await db.write(async (tx) => {
    await tx.run("DELETE FROM attempt_awards WHERE user_id = ?", [userId]);
    for (const award of input.awards) await insertAward(tx, userId, award);
    await tx.run(
      `INSERT INTO game_states (user_id, state, xp, conversations, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET state = excluded.state, xp = excluded.xp, conversations = excluded.conversations, updated_at = excluded.updated_at`,
      [userId, input.state, input.xp, input.conversations, isoNow()],
    );
  });
}

const AwardRow = z.object({ attempt_id: z.number().int(), day: z.string(), xp: z.number().int(), lines: z.string(), badges: z.string(), levels: z.string() });

export async function findAttemptAward(attemptId: number): Promise<StoredAward | undefined> {
  const db = await getDb();
  const row = await db.get(AwardRow, "SELECT attempt_id, day, xp, lines, badges, levels FROM attempt_awards WHERE attempt_id = ?", [attemptId]);
  return row && { attemptId: row.attempt_id, day: row.day, xp: row.xp, lines: row.lines, badges: row.badges, levels: row.levels };
}

/** XP each of `userIds` earned on UTC days from `fromDay` on (absent: none). */
export async function xpSince(userIds: readonly number[], fromDay: string): Promise<Map<number, number>> {
  if (userIds.length === 0) return new Map();
  const db = await getDb();
  const rows = await db.all(
    z.object({ user_id: z.number().int(), xp: z.number().int() }),
    `SELECT w.user_id, SUM(w.xp) AS xp FROM users u JOIN attempt_awards w ON w.user_id = u.id AND w.day >= ?
      WHERE u.role = 'trainee' AND u.id IN (${placeholders(userIds)}) GROUP BY w.user_id`,
    [fromDay, ...userIds],
  );
  return new Map(rows.map((row) => [row.user_id, row.xp]));
}

/** Stored game states of `userIds` (JSON), for pages that show several trainees. */
export async function listGameStates(userIds: readonly number[]): Promise<Map<number, string>> {
  if (userIds.length === 0) return new Map();
  const db = await getDb();
  const rows = await db.all(
    z.object({ user_id: z.number().int(), state: z.string() }),
    `SELECT g.user_id, g.state FROM users u JOIN game_states g ON g.user_id = u.id WHERE u.role = 'trainee' AND u.id IN (${placeholders(userIds)})`,
    [...userIds],
  );
  return new Map(rows.map((row) => [row.user_id, row.state]));
}

/** Every trainee, for a rebuild of the whole game layer. */
export async function listTraineeIds(): Promise<number[]> {
  const db = await getDb();
  const rows = await db.all(z.object({ id: z.number().int() }), "SELECT id FROM users WHERE role = 'trainee' ORDER BY id");
  return rows.map((row) => row.id);
}

/** Trainees' completed attempts finished before their facts were stored, a batch at a time. */
export async function listAttemptsWithoutFacts(limit: number): Promise<{ id: number; userId: number }[]> {
  const db = await getDb();
  const rows = await db.all(
    z.object({ id: z.number().int(), user_id: z.number().int() }),
    `SELECT a.id, a.user_id FROM attempts a ${TRAINEE} WHERE a.status = 'completed' AND a.best_replies IS NULL ORDER BY a.id LIMIT ?`,
    [limit],
  );
  return rows.map((row) => ({ id: row.id, userId: row.user_id }));
}

export async function saveAttemptFacts(
  attemptId: number,
  facts: { best: number; fair: number; poor: number; lowestMood: number; rushed: boolean },
): Promise<void> {
  const db = await getDb();
  await db.write((tx) =>
    tx.run("UPDATE attempts SET best_replies = ?, fair_replies = ?, poor_replies = ?, lowest_mood = ?, rushed = ? WHERE id = ? AND status = 'completed'", [
      facts.best,
      facts.fair,
      facts.poor,
      facts.lowestMood,
      facts.rushed ? 1 : 0,
      attemptId,
    ]),
  );
}
