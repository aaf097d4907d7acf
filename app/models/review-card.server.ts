import * as z from "zod";
import type { WriteTx } from "#db/connection.server";
import { getDb } from "#db/db.server";
import type { Rating } from "~/engine/scoring";
import type { ReviewCard } from "~/review/cards";
import { parseSchedule } from "~/review/schedule";
import { placeholders } from "./analytics.server";

type Reader = Pick<WriteTx, "get" | "all">;
const readerOf = async (tx?: WriteTx): Promise<Reader> => tx ?? (await getDb());

const JsonIds = z.string().transform((text, ctx) => {
  const parsed = z.array(z.string().min(1)).min(1).safeParse(JSON.parse(text));
  if (!parsed.success) {
    ctx.issues.push({ code: "custom", message: `not a list of reply ids: ${text}`, input: text });
    return z.NEVER;
  }
  return parsed.data;
});

const JsonSchedule = z.string().transform((text, ctx) => {
  try {
    return parseSchedule(JSON.parse(text));
  } catch (error) {
    ctx.issues.push({ code: "custom", message: error instanceof Error ? error.message : String(error), input: text });
    return z.NEVER;
  }
});

const CardRow = z.object({
  user_id: z.number().int(),
  scenario_id: z.string(),
  scenario_hash: z.string(),
  step_id: z.string(),
  visible: JsonIds,
  created_at: z.string(),
  schedule: JsonSchedule,
});

const toCard = (row: z.infer<typeof CardRow>): ReviewCard => ({
  traineeId: row.user_id,
  scenarioId: row.scenario_id,
  scenarioHash: row.scenario_hash,
  stepId: row.step_id,
  visibleChoiceIds: row.visible,
  createdAt: row.created_at,
  schedule: row.schedule,
});

const CARD_COLUMNS = "user_id, scenario_id, scenario_hash, step_id, visible, created_at, schedule";
// The order of app/review/cards.ts `dueCards`: most overdue first, then the older card, then the key
// (hashes have one length, so hash then step sorts as the key's text does).
const DUE_ORDER = "ORDER BY due_at, created_at, scenario_hash, step_id";

/** Every card of a trainee, in due order. */
export async function listTraineeCards(userId: number, tx?: WriteTx): Promise<ReviewCard[]> {
  const rows = await (await readerOf(tx)).all(CardRow, `SELECT ${CARD_COLUMNS} FROM review_cards WHERE user_id = ? ${DUE_ORDER}`, [userId]);
  return rows.map(toCard);
}

export async function findReviewCard(userId: number, scenarioHash: string, stepId: string, tx?: WriteTx): Promise<ReviewCard | undefined> {
  const row = await (await readerOf(tx)).get(
    CardRow,
    `SELECT ${CARD_COLUMNS} FROM review_cards WHERE user_id = ? AND scenario_hash = ? AND step_id = ?`,
    [userId, scenarioHash, stepId],
  );
  return row && toCard(row);
}

/** The card to review first among those due before `cutoff` (`dueCutoff(now)` in schedule.ts). */
export async function firstDueCard(userId: number, cutoff: string): Promise<ReviewCard | undefined> {
  const db = await getDb();
  const row = await db.get(CardRow, `SELECT ${CARD_COLUMNS} FROM review_cards WHERE user_id = ? AND due_at < ? ${DUE_ORDER} LIMIT 1`, [userId, cutoff]);
  return row && toCard(row);
}

const DueRow = z.object({ due: z.number().int(), earliest: z.string().nullable() });

/** How many of a trainee's cards are due before `cutoff`, and the earliest due time of all of them. */
export async function dueCardCount(userId: number, cutoff: string): Promise<{ due: number; earliest: string | null }> {
  const db = await getDb();
  const row = await db.get(DueRow, "SELECT count(*) FILTER (WHERE due_at < ?) AS due, min(due_at) AS earliest FROM review_cards WHERE user_id = ?", [cutoff, userId]);
  return { due: row?.due ?? 0, earliest: row?.earliest ?? null };
}

const CountRow = z.object({ user_id: z.number().int(), due: z.number().int() });

/** Due cards per trainee (a team's overview); trainees with none, and anyone who is not a trainee, are absent from the map. */
export async function dueCardCounts(userIds: readonly number[], cutoff: string): Promise<Map<number, number>> {
  if (userIds.length === 0) return new Map();
  const db = await getDb();
  const unique = [...new Set(userIds)];
  const rows = await db.all(
    CountRow,
    `SELECT c.user_id, count(*) AS due FROM users u JOIN review_cards c ON c.user_id = u.id AND c.due_at < ?
      WHERE u.role = 'trainee' AND u.id IN (${placeholders(unique)}) GROUP BY c.user_id`,
    [cutoff, ...unique],
  );
  return new Map(rows.map((row) => [row.user_id, row.due]));
}

const cardParams = (card: ReviewCard) => [
  card.traineeId,
  card.scenarioId,
  card.scenarioHash,
  card.stepId,
  JSON.stringify(card.visibleChoiceIds),
  card.createdAt,
  card.schedule.due,
  JSON.stringify(card.schedule),
];

/** Inserts or updates cards; a card's replies and creation time never change once it exists. */
export async function upsertReviewCards(tx: WriteTx, cards: readonly ReviewCard[]): Promise<void> {
  for (const card of cards) {
    await tx.run(
      `INSERT INTO review_cards (user_id, scenario_id, scenario_hash, step_id, visible, created_at, due_at, schedule)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (user_id, scenario_hash, step_id) DO UPDATE SET due_at = excluded.due_at, schedule = excluded.schedule`,
      cardParams(card),
    );
  }
}

/** A trainee's cards become exactly `cards` (a rebuild from the history). */
export async function replaceTraineeCards(tx: WriteTx, userId: number, cards: readonly ReviewCard[]): Promise<void> {
  if (cards.some((card) => card.traineeId !== userId)) throw new Error(`replaceTraineeCards(${userId}) was given another trainee's card`);
  await tx.run("DELETE FROM review_cards WHERE user_id = ?", [userId]);
  await upsertReviewCards(tx, cards);
}

// ---------------------------------------------------------------------------------------------
// The review log.

export type ReviewLogSource = "review" | "conversation";

export type NewReviewLogEntry = {
  userId: number;
  scenarioHash: string;
  stepId: string;
  source: ReviewLogSource;
  /** The conversation that missed the decision; null for a review. */
  attemptId: number | null;
  chosenId: string | null;
  rating: Rating;
  reviewedAt: string;
};
export type ReviewLogEntry = NewReviewLogEntry & { id: number };

const LogRow = z.object({
  id: z.number().int(),
  user_id: z.number().int(),
  scenario_hash: z.string(),
  step_id: z.string(),
  source: z.enum(["review", "conversation"]),
  attempt_id: z.number().int().nullable(),
  chosen_id: z.string().nullable(),
  rating: z.enum(["best", "fair", "poor"]),
  reviewed_at: z.string(),
});

const toEntry = (row: z.infer<typeof LogRow>): ReviewLogEntry => ({
  id: row.id,
  userId: row.user_id,
  scenarioHash: row.scenario_hash,
  stepId: row.step_id,
  source: row.source,
  attemptId: row.attempt_id,
  chosenId: row.chosen_id,
  rating: row.rating,
  reviewedAt: row.reviewed_at,
});

const LOG_COLUMNS = "id, user_id, scenario_hash, step_id, source, attempt_id, chosen_id, rating, reviewed_at";

/** Appends entries in the given order; returns their ids. */
export async function appendReviewLog(tx: WriteTx, entries: readonly NewReviewLogEntry[]): Promise<number[]> {
  const ids: number[] = [];
  for (const e of entries) {
    const { lastID } = await tx.run(
      `INSERT INTO review_log (user_id, scenario_hash, step_id, source, attempt_id, chosen_id, rating, reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [e.userId, e.scenarioHash, e.stepId, e.source, e.attemptId, e.chosenId, e.rating, e.reviewedAt],
    );
    ids.push(lastID);
  }
  return ids;
}

/** Whether a conversation's misses are already in the log. */
export async function attemptIsLogged(tx: WriteTx, attemptId: number): Promise<boolean> {
  return (await tx.get(z.object({ id: z.number().int() }), "SELECT id FROM review_log WHERE attempt_id = ? LIMIT 1", [attemptId])) !== undefined;
}

/** A trainee's log in time order (ties in the order written), of one source or both. */
export async function listReviewLog(userId: number, { source, since }: { source?: ReviewLogSource; since?: string } = {}, tx?: WriteTx): Promise<ReviewLogEntry[]> {
  const rows = await (await readerOf(tx)).all(
    LogRow,
    `SELECT ${LOG_COLUMNS} FROM review_log
      WHERE user_id = ? AND (? IS NULL OR source = ?) AND (? IS NULL OR reviewed_at >= ?)
      ORDER BY reviewed_at, id`,
    [userId, source ?? null, source ?? null, since ?? null, since ?? null],
  );
  return rows.map(toEntry);
}

export async function findReviewLogEntry(id: number): Promise<ReviewLogEntry | undefined> {
  const db = await getDb();
  const row = await db.get(LogRow, `SELECT ${LOG_COLUMNS} FROM review_log WHERE id = ?`, [id]);
  return row && toEntry(row);
}

/** The log of one card, oldest first: its first entry names the conversation that made it. */
export async function listCardLog(userId: number, scenarioHash: string, stepId: string, tx?: WriteTx): Promise<ReviewLogEntry[]> {
  const rows = await (await readerOf(tx)).all(
    LogRow,
    `SELECT ${LOG_COLUMNS} FROM review_log WHERE user_id = ? AND scenario_hash = ? AND step_id = ? ORDER BY reviewed_at, id`,
    [userId, scenarioHash, stepId],
  );
  return rows.map(toEntry);
}

const StampRow = z.object({ entries: z.number().int(), last: z.number().int().nullable() });

/** Changes whenever a trainee's log does: a rebuild checks it did not move under its feet. */
export async function reviewLogStamp(userId: number, tx?: WriteTx): Promise<string> {
  const row = await (await readerOf(tx)).get(StampRow, "SELECT count(*) AS entries, max(id) AS last FROM review_log WHERE user_id = ?", [userId]);
  return `${row?.entries ?? 0}:${row?.last ?? 0}`;
}

/** A trainee's conversation entries become exactly `entries` (a rebuild from the attempts). */
export async function replaceConversationLog(tx: WriteTx, userId: number, entries: readonly NewReviewLogEntry[]): Promise<void> {
  if (entries.some((entry) => entry.userId !== userId || entry.source !== "conversation")) {
    throw new Error(`replaceConversationLog(${userId}) was given a review or another trainee's entry`);
  }
  await tx.run("DELETE FROM review_log WHERE user_id = ? AND source = 'conversation'", [userId]);
  await appendReviewLog(tx, entries);
}
