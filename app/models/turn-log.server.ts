import * as z from "zod";
import { getDb } from "#db/db.server";
import { SKILLS, type Skill } from "~/engine";
import { masteryColumn, placeholders, type Scope } from "./analytics.server";
import { memberOfTeams } from "./team-members.server";

/** One reply as the analytics read it: the turn row and the replies on offer (from the snapshot). */
export type LoggedTurn = { turn: number; stepId: string; choiceId: string; responseMs: number; late: boolean; visible: string[] };
export type AttemptLog = {
  attemptId: number;
  userId: number;
  scenarioHash: string;
  status: "in-progress" | "completed";
  outcome: "delighted" | "satisfied" | "neutral" | "escalated" | "lost" | null;
  turns: LoggedTurn[];
};

// One turn as packed below: turn, step, choice, response time, late, the visible choice ids.
// Ids are lowercase letters, digits, hyphens and dots, so spaces, commas and semicolons are free.
const PACKED_TURN = /^(\d+) (\S+) (\S+) (\d+) ([01]) (\S+)$/;

const PackedLogRow = z.object({
  attempt_id: z.number().int(),
  user_id: z.number().int(),
  scenario_hash: z.string(),
  status: z.enum(["in-progress", "completed"]),
  outcome: z.enum(["delighted", "satisfied", "neutral", "escalated", "lost"]).nullable(),
  turns: z.string().transform((packed, ctx) => {
    const turns: LoggedTurn[] = [];
    for (const part of packed.split(";")) {
      const match = PACKED_TURN.exec(part);
      if (!match) {
        ctx.issues.push({ code: "custom", message: `not a turn and its visible replies: "${part}"`, input: part });
        return z.NEVER;
      }
      const [, turn, stepId, choiceId, responseMs, late, visible] = match as unknown as [string, string, string, string, string, string, string];
      turns.push({ turn: Number(turn), stepId, choiceId, responseMs: Number(responseMs), late: late === "1", visible: visible.split(",") });
    }
    return turns;
  }),
});

/**
 * One packed row per attempt: building a row object per turn in the sqlite3 binding costs more than
 * the query (building 50,000 attempt rows cost three times the query itself). The snapshot's JSON is walked once per attempt
 * (json_each), its n-th turn paired with the n-th attempt_turns row.
 */
const packedLogs = (where: string) => `
  SELECT a.id AS attempt_id, a.user_id, a.scenario_hash, a.status, a.outcome,
         group_concat(t.turn || ' ' || t.step_id || ' ' || t.choice_id || ' ' || t.response_ms || ' ' || t.late || ' ' ||
           (SELECT group_concat(v.value, ',' ORDER BY v.key) FROM json_each(j.value, '$.visible') v), ';' ORDER BY t.turn) AS turns
    FROM attempts a
    JOIN users u ON u.id = a.user_id
    JOIN attempt_snapshots s ON s.attempt_id = a.id
    JOIN json_each(s.snapshot, '$.context.turns') j
    JOIN attempt_turns t ON t.attempt_id = a.id AND t.turn = j.key + 1
   WHERE ${where}
   GROUP BY a.id
   ORDER BY a.id`;

const toLog = (row: z.infer<typeof PackedLogRow>): AttemptLog => ({
  attemptId: row.attempt_id,
  userId: row.user_id,
  scenarioHash: row.scenario_hash,
  status: row.status,
  outcome: row.outcome,
  turns: row.turns,
});

/** Every reply of a scenario's attempts started in the scope (finished or in progress), with what was on offer. */
export async function scenarioTurnLogs(scenarioId: string, scope: Scope): Promise<AttemptLog[]> {
  if (scope.teamIds.length === 0) return [];
  const db = await getDb();
  const rows = await db.all(
    PackedLogRow,
    packedLogs(`a.scenario_id = ? AND u.role = 'trainee' AND ${memberOfTeams("u.id", scope.teamIds)} AND a.status <> 'abandoned' AND a.started_at >= ? AND a.started_at < ?`),
    [scenarioId, ...scope.teamIds, scope.from, scope.to],
  );
  return rows.map(toLog);
}

/** Every reply of one trainee's finished attempts, with what was on offer (none for a trainer or admin: they feed no review card or figure). */
export async function userTurnLogs(userId: number): Promise<AttemptLog[]> {
  const db = await getDb();
  const rows = await db.all(PackedLogRow, packedLogs("a.user_id = ? AND u.role = 'trainee' AND a.status = 'completed'"), [userId]);
  return rows.map(toLog);
}

const VersionRow = z.object({ hash: z.string(), created_at: z.string() });

/** A scenario's stored versions, newest first. */
export async function scenarioVersionsOf(scenarioId: string): Promise<{ hash: string; createdAt: string }[]> {
  const db = await getDb();
  const rows = await db.all(VersionRow, "SELECT hash, created_at FROM scenario_versions WHERE scenario_id = ? ORDER BY created_at DESC, hash", [scenarioId]);
  return rows.map((row) => ({ hash: row.hash, createdAt: row.created_at }));
}

const Mastery = z.number().nullable();
const MasteryRow = z.object({ id: z.number().int(), listening: Mastery, empathy: Mastery, calm: Mastery, persuasion: Mastery, expectations: Mastery });

/**
 * Current mastery per skill (the overview's rule: mean of the last five assessed scores within the
 * scope's dates) of the listed trainees; anyone listed who is not a trainee is absent from the map.
 */
export async function masteryOf(userIds: readonly number[], scope: Pick<Scope, "from" | "to">): Promise<Map<number, Record<Skill, number | null>>> {
  if (userIds.length === 0) return new Map();
  const db = await getDb();
  const unique = [...new Set(userIds)];
  const rows = await db.all(
    MasteryRow,
    `SELECT u.id, ${SKILLS.map(masteryColumn).join(",\n")} FROM users u WHERE u.role = 'trainee' AND u.id IN (${placeholders(unique)})`,
    [...SKILLS.flatMap(() => [scope.from, scope.to]), ...unique],
  );
  return new Map(rows.map((row) => [row.id, Object.fromEntries(SKILLS.map((skill) => [skill, row[skill]])) as Record<Skill, number | null>]));
}
