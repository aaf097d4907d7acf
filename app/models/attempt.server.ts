import * as z from "zod";
import type { Database, WriteTx } from "#db/connection.server";
import { getDb } from "#db/db.server";
import { TIMINGS, type Timing } from "~/domain/timing";
import type { Channel, Persona } from "~/domain/vocabulary";
import { SKILLS, type Skill } from "~/engine";
import { isoNow } from "./time.server";

const Score = z.number().int().nullable();
const Flag = z.union([z.literal(0), z.literal(1)]).transform((value) => value === 1);
const TimingColumn = z.enum(TIMINGS);

const AttemptSummaryRow = z.object({
  id: z.number().int(),
  user_id: z.number().int(),
  scenario_id: z.string(),
  scenario_hash: z.string(),
  status: z.enum(["in-progress", "completed", "abandoned"]),
  turns: z.number().int(),
  step_shown_at: z.string(),
  started_at: z.string(),
  ended_at: z.string().nullable(),
  ending_id: z.string().nullable(),
  outcome: z.enum(["delighted", "satisfied", "neutral", "escalated", "lost"]).nullable(),
  csat: z.number().int().nullable(),
  resolved: Flag.nullable(),
  mood: z.number().int().nullable(),
  listening: Score,
  empathy: Score,
  calm: Score,
  persuasion: Score,
  expectations: Score,
  overall: Score,
  order_seed: z.number().int().nullable(),
  timing: TimingColumn,
  // Optional: queries that name their columns need not list it (migration 0007).
  preview: Flag.optional(),
});
const AttemptRow = AttemptSummaryRow.extend({ snapshot: z.string() });

/** An attempt without its snapshot: what lists and analytics need. */
export type AttemptSummary = Omit<Attempt, "snapshot">;

export type Attempt = {
  id: number;
  userId: number;
  scenarioId: string;
  scenarioHash: string;
  status: "in-progress" | "completed" | "abandoned";
  turns: number;
  snapshot: string;
  stepShownAt: string;
  startedAt: string;
  endedAt: string | null;
  endingId: string | null;
  outcome: z.infer<typeof AttemptRow>["outcome"];
  csat: number | null;
  resolved: boolean | null;
  mood: number | null;
  scores: Record<Skill, number | null>;
  overall: number | null;
  /** Seed of the order in which replies are shown (reply-order.ts); null: authored order (attempts begun before it). */
  orderSeed: number | null;
  /** The time limit the attempt runs under now (or ended under); each turn records its own. */
  timing: Timing;
  /** A trainer's preview of a workspace draft: played like any attempt, shown only in the workspace. */
  preview: boolean;
};

function toAttempt(row: z.infer<typeof AttemptRow>): Attempt {
  return { ...toAttemptSummary(row), snapshot: row.snapshot };
}

function toAttemptSummary(row: z.infer<typeof AttemptSummaryRow>): AttemptSummary {
  return {
    id: row.id,
    userId: row.user_id,
    scenarioId: row.scenario_id,
    scenarioHash: row.scenario_hash,
    status: row.status,
    turns: row.turns,
    stepShownAt: row.step_shown_at,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    endingId: row.ending_id,
    outcome: row.outcome,
    csat: row.csat,
    resolved: row.resolved,
    mood: row.mood,
    scores: { listening: row.listening, empathy: row.empathy, calm: row.calm, persuasion: row.persuasion, expectations: row.expectations },
    overall: row.overall,
    orderSeed: row.order_seed,
    timing: row.timing,
    preview: row.preview ?? false,
  };
}

const TurnRow = z.object({
  turn: z.number().int(),
  step_id: z.string(),
  choice_id: z.string(),
  late: Flag,
  response_ms: z.number().int(),
  chosen_at: z.string(),
  timing: TimingColumn,
});
/** One reply; `timing` is the time limit it was judged under. */
export type AttemptTurn = { turn: number; stepId: string; choiceId: string; late: boolean; responseMs: number; chosenAt: string; timing: Timing };

function toTurn(row: z.infer<typeof TurnRow>): AttemptTurn {
  return {
    turn: row.turn,
    stepId: row.step_id,
    choiceId: row.choice_id,
    late: row.late,
    responseMs: row.response_ms,
    chosenAt: row.chosen_at,
    timing: row.timing,
  };
}

// Versions are immutable and addressed by content hash: once one is in a database, every later
// start of an attempt on it can skip serialising it and queueing a write.
const storedVersions = new WeakMap<Database, Set<string>>();

/** Stores a compiled scenario version once; later calls with the same hash change nothing. */
export async function saveScenarioVersion(version: {
  hash: string;
  scenarioId: string;
  title: string;
  persona: Persona;
  channel: Channel;
  difficulty: 1 | 2 | 3;
  compiled: () => string;
}): Promise<void> {
  const db = await getDb();
  const stored = storedVersions.get(db) ?? new Set<string>();
  storedVersions.set(db, stored);
  if (stored.has(version.hash)) return;
  await db.write((tx) =>
    tx.run(
      `INSERT OR IGNORE INTO scenario_versions (hash, scenario_id, title, persona, channel, difficulty, compiled, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [version.hash, version.scenarioId, version.title, version.persona, version.channel, version.difficulty, version.compiled(), isoNow()],
    ),
  );
  stored.add(version.hash);
}

export async function findScenarioVersionJson(hash: string): Promise<string | undefined> {
  const db = await getDb();
  const row = await db.get(z.object({ compiled: z.string() }), "SELECT compiled FROM scenario_versions WHERE hash = ?", [hash]);
  return row?.compiled;
}

export async function insertAttempt(attempt: {
  userId: number;
  scenarioId: string;
  scenarioHash: string;
  snapshot: string;
  orderSeed: number;
  timing: Timing;
  now: Date;
  preview?: boolean;
}, alsoInTransaction?: (tx: WriteTx, attemptId: number) => Promise<unknown>): Promise<number> {
  const db = await getDb();
  const at = isoNow(attempt.now);
  const preview = attempt.preview ? 1 : 0;
  return db.write(async (tx) => {
    // Starting again puts any unfinished attempt at the same scenario aside (a preview only another preview).
    await tx.run(
      "UPDATE attempts SET status = 'abandoned', ended_at = ? WHERE user_id = ? AND scenario_id = ? AND status = 'in-progress' AND preview = ?",
      [at, attempt.userId, attempt.scenarioId, preview],
    );
    const { lastID } = await tx.run(
      `INSERT INTO attempts (user_id, scenario_id, scenario_hash, status, turns, step_shown_at, started_at, order_seed, timing, preview)
       VALUES (?, ?, ?, 'in-progress', 0, ?, ?, ?, ?, ?)`,
      [attempt.userId, attempt.scenarioId, attempt.scenarioHash, at, at, attempt.orderSeed, attempt.timing, preview],
    );
    await tx.run("INSERT INTO attempt_snapshots (attempt_id, snapshot) VALUES (?, ?)", [lastID, attempt.snapshot]);
    await alsoInTransaction?.(tx, lastID);
    return lastID;
  });
}

export async function findAttempt(id: number): Promise<Attempt | undefined> {
  const db = await getDb();
  const row = await db.get(
    AttemptRow,
    "SELECT a.*, s.snapshot FROM attempts a JOIN attempt_snapshots s ON s.attempt_id = a.id WHERE a.id = ?",
    [id],
  );
  return row && toAttempt(row);
}

export async function findAttemptTurn(attemptId: number, turn: number): Promise<AttemptTurn | undefined> {
  const db = await getDb();
  const row = await db.get(TurnRow, "SELECT * FROM attempt_turns WHERE attempt_id = ? AND turn = ?", [attemptId, turn]);
  return row && toTurn(row);
}

export async function listAttemptTurns(attemptId: number): Promise<AttemptTurn[]> {
  const db = await getDb();
  const rows = await db.all(TurnRow, "SELECT * FROM attempt_turns WHERE attempt_id = ? ORDER BY turn", [attemptId]);
  return rows.map(toTurn);
}

export type AttemptEnd = {
  endingId: string;
  outcome: NonNullable<Attempt["outcome"]>;
  csat: number;
  resolved: boolean;
  mood: number;
  scores: Record<Skill, number | null>;
  overall: number | null;
  /** What the game rules read (app/attempts/conversation-facts.ts). */
  facts: { best: number; fair: number; poor: number; lowestMood: number; rushed: boolean };
};

export class TurnConflictError extends Error {
  constructor() {
    super("This turn was already answered.");
    this.name = "TurnConflictError";
  }
}

/**
 * Appends one turn and the new snapshot in a single transaction. It only applies on top of
 * the turn before it (turns = turn - 1), so a concurrent duplicate cannot record twice.
 * `alsoInTransaction` writes what the turn causes (deliveries to other systems) in the same transaction.
 */
export async function recordTurn(
  input: {
    attemptId: number;
    turn: AttemptTurn;
    snapshot: string;
    end: AttemptEnd | null;
  },
  alsoInTransaction?: (tx: WriteTx) => Promise<unknown>,
): Promise<void> {
  const db = await getDb();
  const { attemptId, turn, snapshot, end } = input;
  await db.write(async (tx) => {
    const updated = await tx.run(
      `UPDATE attempts SET turns = ?, step_shown_at = ?
        WHERE id = ? AND turns = ? AND status = 'in-progress'`,
      [turn.turn, turn.chosenAt, attemptId, turn.turn - 1],
    );
    if (updated.changes !== 1) throw new TurnConflictError();
    await tx.run("UPDATE attempt_snapshots SET snapshot = ? WHERE attempt_id = ?", [snapshot, attemptId]);
    await tx.run(
      `INSERT INTO attempt_turns (attempt_id, turn, step_id, choice_id, late, response_ms, chosen_at, timing)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [attemptId, turn.turn, turn.stepId, turn.choiceId, turn.late ? 1 : 0, turn.responseMs, turn.chosenAt, turn.timing],
    );
    if (end) {
      await tx.run(
        `UPDATE attempts SET status = 'completed', ended_at = ?, ending_id = ?, outcome = ?, csat = ?, resolved = ?, mood = ?,
                listening = ?, empathy = ?, calm = ?, persuasion = ?, expectations = ?, overall = ?,
                best_replies = ?, fair_replies = ?, poor_replies = ?, lowest_mood = ?, rushed = ?
          WHERE id = ?`,
        [
          turn.chosenAt,
          end.endingId,
          end.outcome,
          end.csat,
          end.resolved ? 1 : 0,
          end.mood,
          ...SKILLS.map((skill) => end.scores[skill]),
          end.overall,
          end.facts.best,
          end.facts.fair,
          end.facts.poor,
          end.facts.lowestMood,
          end.facts.rushed ? 1 : 0,
          attemptId,
        ],
      );
    }
    await alsoInTransaction?.(tx);
  });
}

/**
 * Sets the time limit of an attempt in progress (the trainee changed it on the play page).
 * Returns false when the attempt is no longer in progress, which changes nothing.
 */
export async function updateAttemptTiming(attemptId: number, timing: Timing): Promise<boolean> {
  const db = await getDb();
  const { changes } = await db.write((tx) => tx.run("UPDATE attempts SET timing = ? WHERE id = ? AND status = 'in-progress'", [timing, attemptId]));
  return changes === 1;
}

/** A trainee's attempts, newest first; those set aside by starting over only when asked for. */
export async function listAttemptsOfUser(userId: number, { includeSetAside = false }: { includeSetAside?: boolean } = {}): Promise<AttemptSummary[]> {
  const db = await getDb();
  const rows = await db.all(
    AttemptSummaryRow,
    `SELECT * FROM attempts WHERE user_id = ? AND preview = 0 ${includeSetAside ? "" : "AND status <> 'abandoned'"} ORDER BY started_at DESC, id DESC`,
    [userId],
  );
  return rows.map(toAttemptSummary);
}

const TitleRow = z.object({ scenario_hash: z.string(), title: z.string() });

/** Titles of the scenario versions the given attempts were pinned to (for history whose file is gone). */
export async function findVersionTitles(hashes: readonly string[]): Promise<Map<string, string>> {
  if (hashes.length === 0) return new Map();
  const db = await getDb();
  const unique = [...new Set(hashes)];
  const rows = await db.all(
    TitleRow,
    `SELECT hash AS scenario_hash, title FROM scenario_versions WHERE hash IN (${unique.map(() => "?").join(", ")})`,
    unique,
  );
  return new Map(rows.map((row) => [row.scenario_hash, row.title]));
}
