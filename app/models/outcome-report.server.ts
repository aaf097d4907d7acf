import * as z from "zod";
import { getDb } from "#db/db.server";
import { SKILLS } from "~/domain/vocabulary";
import { placeholders, type Scope } from "./analytics.server";
import { memberOfTeams } from "./team-members.server";
import { unpackAttempts, unpackTickets, type AgentTickets, type MasteryHistory } from "./outcome-report-unpack.server";

export { NOT_ASSESSED, type AgentTickets, type MasteryHistory } from "./outcome-report-unpack.server";

/**
 * The queries behind the real-outcomes report: helpdesk tickets (current versions only) of the
 * trainees of some teams, and those trainees' assessed scores, from which their mastery follows. A team's trainees
 * are its members (`team_members`): a learner launched from a course counts in that course's team too.
 */

const count = z.number().int().nonnegative();

const TraineeRow = z.object({ id: z.number().int(), email: z.string().nullable(), display_name: z.string() });
export type Trainee = { id: number; email: string | null; name: string };

/** Every trainee of these teams, by name. */
export async function traineesOfTeams(teamIds: readonly number[]): Promise<Trainee[]> {
  if (teamIds.length === 0) return [];
  const db = await getDb();
  const rows = await db.all(
    TraineeRow,
    `SELECT u.id, u.email, u.display_name FROM users u WHERE u.role = 'trainee' AND ${memberOfTeams("u.id", teamIds)}
      ORDER BY u.display_name COLLATE NOCASE, u.id`,
    teamIds,
  );
  return rows.map((row) => ({ id: row.id, email: row.email, name: row.display_name }));
}

const PackedTickets = z.object({ user_id: z.number().int(), tickets: z.string() }).transform((row, ctx): AgentTickets => {
  const unpacked = unpackTickets(row.user_id, row.tickets);
  if (typeof unpacked === "string") {
    ctx.issues.push({ code: "custom", message: `not a ticket's flags, time and rating: "${unpacked}"`, input: unpacked });
    return z.NEVER;
  }
  return unpacked;
});

/**
 * The current tickets in [from, to) of every trainee of these teams who has one, one packed row
 * per trainee: a row object per ticket in the sqlite3 binding would cost more than the query. Per
 * ticket, satisfied and resolved as a character each ("-": unknown), the time, a space, then the
 * rating (nothing when there is none). The index scan yields each agent's tickets in time order;
 * SQL does not promise it, so unpackTickets checks and sorts when it has to. Resolution is spelt
 * out instead of read from the generated `resolved_first` column (it must match that column's
 * definition in migration 0005) because the expression needs only columns of the partial
 * covering index on (user_id, ticket_at, …), so the scan never reads the table.
 */
export async function ticketsOfTrainees(teamIds: readonly number[], from: string, to: string): Promise<AgentTickets[]> {
  if (teamIds.length === 0) return [];
  const db = await getDb();
  return db.all(
    PackedTickets,
    `SELECT h.user_id,
            group_concat(ifnull(h.satisfied, '-')
                         || CASE WHEN h.solved_first_contact IS NULL THEN '-' WHEN h.solved_first_contact = 1 AND ifnull(h.reopened, 0) = 0 THEN 1 ELSE 0 END
                         || h.ticket_at || ' ' || ifnull(h.rating, ''), ',') AS tickets
       FROM helpdesk_tickets h
      WHERE h.is_current = 1 AND h.ticket_at >= ? AND h.ticket_at < ?
        AND h.user_id IN (SELECT u.id FROM users u WHERE u.role = 'trainee' AND ${memberOfTeams("u.id", teamIds)})
      GROUP BY h.user_id ORDER BY h.user_id`,
    [from, to, ...teamIds],
  );
}

/**
 * Whose tickets a viewer may count when the agent is not known: imports made for teams that are
 * all in `teamIds`, and, for the whole organisation (an admin with no team picked), imports made
 * for no team in particular (an admin's upload or an API push).
 */
export type ImportVisibility = { teamIds: readonly number[]; wholeOrganisation: boolean };

const visibleImports = (visibility: ImportVisibility) => `(
  SELECT i.id FROM outcome_imports i
   WHERE ${visibility.wholeOrganisation ? "1" : "0"} AND NOT EXISTS (SELECT 1 FROM outcome_import_teams t WHERE t.import_id = i.id)
  UNION
  SELECT t.import_id FROM outcome_import_teams t GROUP BY t.import_id
  HAVING SUM(t.team_id NOT IN (${visibility.teamIds.length === 0 ? "NULL" : placeholders(visibility.teamIds)})) = 0
)`;

const UnknownRow = z.object({ tickets: count, agents: count });

/** Current tickets in [from, to) whose helpdesk agent is not mapped to a Frontline user. */
export async function unknownAgentTickets(visibility: ImportVisibility, period: Pick<Scope, "from" | "to">): Promise<{ tickets: number; agents: number }> {
  const db = await getDb();
  const row = await db.get(
    UnknownRow,
    `SELECT COUNT(*) AS tickets, COUNT(DISTINCT h.agent_key) AS agents FROM helpdesk_tickets h
      WHERE h.is_current = 1 AND h.user_id IS NULL AND h.ticket_at >= ? AND h.ticket_at < ?
        AND h.import_id IN ${visibleImports(visibility)}`,
    [period.from, period.to, ...visibility.teamIds],
  );
  return row ?? { tickets: 0, agents: 0 };
}

/** Whether the viewer has any real outcome at all, at any date: their trainees' tickets or unmapped ones they may see. */
export async function hasRealOutcomes(visibility: ImportVisibility): Promise<boolean> {
  const db = await getDb();
  const teams = visibility.teamIds.length === 0 ? "NULL" : placeholders(visibility.teamIds);
  const row = await db.get(
    z.object({ found: z.number().int() }),
    `SELECT EXISTS (
              SELECT 1 FROM users u JOIN helpdesk_tickets h ON h.user_id = u.id AND h.is_current = 1
               WHERE u.role = 'trainee' AND u.id IN (SELECT user_id FROM team_members WHERE team_id IN (${teams}))
            ) OR EXISTS (
              SELECT 1 FROM helpdesk_tickets h
               WHERE h.is_current = 1 AND h.user_id IS NULL AND h.import_id IN ${visibleImports(visibility)}
            ) AS found`,
    [...visibility.teamIds, ...visibility.teamIds],
  );
  return row?.found === 1;
}

const PackedHistory = z.object({ user_id: z.number().int(), attempts: z.string() }).transform((row, ctx): MasteryHistory => {
  const unpacked = unpackAttempts(row.user_id, row.attempts);
  if (typeof unpacked === "string") {
    ctx.issues.push({ code: "custom", message: `not attempts' end times and five scores, near "${unpacked}"`, input: row.attempts });
    return z.NEVER;
  }
  return unpacked;
});

/**
 * Every finished attempt before `to` of the trainees of these teams, from their first: mastery at
 * a date depends on everything before it, whatever the page's start date. One packed row per
 * trainee: the sqlite3 binding spends far longer building a row object than SQLite spends on it.
 */
export async function masteryHistories(teamIds: readonly number[], to: string): Promise<MasteryHistory[]> {
  if (teamIds.length === 0) return [];
  const db = await getDb();
  const packedScores = SKILLS.map((skill) => `ifnull(a.${skill}, '')`).join(" || ',' || ");
  return db.all(
    PackedHistory,
    `SELECT a.user_id, group_concat(a.ended_at || ',' || ${packedScores}, ';' ORDER BY a.ended_at, a.id) AS attempts
       FROM attempts a
      WHERE a.status = 'completed' AND a.ended_at < ?
        AND a.user_id IN (SELECT u.id FROM users u WHERE u.role = 'trainee' AND ${memberOfTeams("u.id", teamIds)})
      GROUP BY a.user_id ORDER BY a.user_id`,
    [to, ...teamIds],
  );
}

const SimulatedRow = z.object({ user_id: z.number().int(), csat: z.number() });

/** Each trainee's average simulated CSAT (1–5) over conversations finished in the scope. */
export async function simulatedCsatByTrainee(scope: Scope): Promise<Map<number, number>> {
  if (scope.teamIds.length === 0) return new Map();
  const db = await getDb();
  const rows = await db.all(
    SimulatedRow,
    `SELECT a.user_id, AVG(a.csat) AS csat
       FROM users u JOIN attempts a ON a.user_id = u.id AND a.status = 'completed' AND a.ended_at >= ? AND a.ended_at < ?
      WHERE u.role = 'trainee' AND ${memberOfTeams("u.id", scope.teamIds)} AND a.csat IS NOT NULL
      GROUP BY a.user_id`,
    [scope.from, scope.to, ...scope.teamIds],
  );
  return new Map(rows.map((row) => [row.user_id, row.csat]));
}
