import * as z from "zod";
import { getDb } from "#db/db.server";
import { SKILLS } from "~/domain/vocabulary";
import { placeholders, type Scope } from "./analytics.server";

/**
 * The queries behind the real-outcomes report: helpdesk tickets (current versions only) of the
 * trainees of some teams, and those trainees' assessed scores, from which their mastery follows.
 */

const count = z.number().int().nonnegative();

const TraineeRow = z.object({ id: z.number().int(), email: z.string(), display_name: z.string() });
export type Trainee = { id: number; email: string; name: string };

/** Every trainee of these teams, by name. */
export async function traineesOfTeams(teamIds: readonly number[]): Promise<Trainee[]> {
  if (teamIds.length === 0) return [];
  const db = await getDb();
  const rows = await db.all(
    TraineeRow,
    `SELECT id, email, display_name FROM users WHERE role = 'trainee' AND team_id IN (${placeholders(teamIds)})
      ORDER BY display_name COLLATE NOCASE, id`,
    teamIds,
  );
  return rows.map((row) => ({ id: row.id, email: row.email, name: row.display_name }));
}

/**
 * One agent's current tickets, oldest first. Per ticket: its time, satisfied (1, 0, or -1 when
 * not rated), the rating on 0–1 (NaN when not rated) and resolved on first contact (1, 0, or -1
 * when unknown).
 */
export type AgentTickets = { userId: number; at: string[]; satisfied: Int8Array; rating: Float64Array; resolved: Int8Array };

const DIGIT_AT = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];
const isDigit = (code: number) => code >= 48 && code <= 57;

/** "YYYY-MM-DDTHH:MM:SS[.fraction]Z", checked by character: a regular expression per ticket cost a tenth of the page. */
export function isIsoInstant(text: string): boolean {
  const { length } = text;
  if (length < 20 || length > 30 || text.charCodeAt(length - 1) !== 90) return false;
  if (text[4] !== "-" || text[7] !== "-" || text[10] !== "T" || text[13] !== ":" || text[16] !== ":") return false;
  if (!DIGIT_AT.every((i) => isDigit(text.charCodeAt(i)))) return false;
  if (length === 20) return true;
  if (text[19] !== "." || length === 21) return false;
  for (let i = 20; i < length - 1; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

// A flag as packed below: "1", "0", or "-" for unknown.
const flag = (code: number) => (code === 49 ? 1 : code === 48 ? 0 : code === 45 ? -1 : Number.NaN);

/**
 * Reads "<satisfied><resolved><time> <rating>,…" (see ticketsOfTrainees) by scanning the text, and
 * puts the tickets in time order if they came in another. Gives the flawed ticket's text instead
 * when the text is not that shape.
 */
function unpackTickets(userId: number, packed: string): AgentTickets | string {
  let count = 1;
  for (let comma = packed.indexOf(","); comma >= 0; comma = packed.indexOf(",", comma + 1)) count++;
  const ticket = { at: new Array<string>(count), satisfied: new Int8Array(count), rating: new Float64Array(count), resolved: new Int8Array(count) };
  let sorted = true;
  for (let i = 0, start = 0; i < count; i++) {
    const comma = packed.indexOf(",", start);
    const end = comma < 0 ? packed.length : comma;
    const space = packed.indexOf(" ", start + 2);
    const [satisfied, resolved] = [flag(packed.charCodeAt(start)), flag(packed.charCodeAt(start + 1))];
    const at = space < 0 || space > end ? "" : packed.slice(start + 2, space);
    const rating = space + 1 === end ? Number.NaN : Number(packed.slice(space + 1, end));
    if (Number.isNaN(satisfied) || Number.isNaN(resolved) || !isIsoInstant(at) || (space + 1 < end && !(rating >= 0 && rating <= 1))) {
      return packed.slice(start, end);
    }
    if (i > 0 && at < ticket.at[i - 1]!) sorted = false;
    ticket.at[i] = at;
    ticket.satisfied[i] = satisfied;
    ticket.resolved[i] = resolved;
    ticket.rating[i] = rating;
    start = end + 1;
  }
  if (sorted) return { userId, ...ticket };
  const order = ticket.at.map((_, i) => i).sort((a, b) => (ticket.at[a]! < ticket.at[b]! ? -1 : ticket.at[a]! > ticket.at[b]! ? 1 : a - b));
  return {
    userId,
    at: order.map((i) => ticket.at[i]!),
    satisfied: Int8Array.from(order, (i) => ticket.satisfied[i]!),
    rating: Float64Array.from(order, (i) => ticket.rating[i]!),
    resolved: Int8Array.from(order, (i) => ticket.resolved[i]!),
  };
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
 * SQL does not promise it, so unpackTickets checks and sorts when it has to. Resolution is spelt out instead of read from the generated `resolved_first` column (it must
 * match that column's definition in migration 0005) because the expression needs only columns of
 * the partial covering index on (user_id, ticket_at, …), so the scan never reads the table.
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
        AND h.user_id IN (SELECT id FROM users WHERE role = 'trainee' AND team_id IN (${placeholders(teamIds)}))
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
               WHERE u.role = 'trainee' AND u.team_id IN (${teams})
            ) OR EXISTS (
              SELECT 1 FROM helpdesk_tickets h
               WHERE h.is_current = 1 AND h.user_id IS NULL AND h.import_id IN ${visibleImports(visibility)}
            ) AS found`,
    [...visibility.teamIds, ...visibility.teamIds],
  );
  return row?.found === 1;
}

// One finished attempt as packed below: its end time, then the five skill scores (empty: not assessed).
const PACKED_END = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/;
/** In MasteryHistory.scores: a skill the attempt did not assess. */
export const NOT_ASSESSED = -1;

/** A trainee's finished attempts, oldest first: end times, and five scores per attempt in SKILLS order. */
export type MasteryHistory = { userId: number; endedAt: string[]; scores: Int16Array };

/**
 * Reads "end,s1,s2,s3,s4,s5;end,…" character by character: splitting it into 50,000 small arrays
 * (an admin's organisation) cost as much as the query. Gives the text around the first flaw instead when it is not that shape.
 */
function unpackAttempts(packed: string): { endedAt: string[]; scores: Int16Array } | string {
  const endedAt: string[] = [];
  const scores: number[] = [];
  let at = 0;
  while (at < packed.length) {
    const comma = packed.indexOf(",", at);
    const end = comma < 0 ? "" : packed.slice(at, comma);
    if (!PACKED_END.test(end)) return packed.slice(at, at + 60);
    endedAt.push(end);
    at = comma + 1;
    for (let s = 0; s < SKILLS.length; s++) {
      let score = NOT_ASSESSED;
      let digits = 0;
      for (let code = packed.charCodeAt(at); code >= 48 && code <= 57; code = packed.charCodeAt(++at), digits++) {
        score = (digits === 0 ? 0 : score * 10) + code - 48;
      }
      const separator = packed.charCodeAt(at);
      const expected = s < SKILLS.length - 1 ? separator === 44 : separator === 59 || at === packed.length;
      if (!expected || digits > 3 || score > 100) return packed.slice(Math.max(0, at - 40), at + 20);
      scores.push(score);
      at++;
    }
  }
  return { endedAt, scores: Int16Array.from(scores) };
}

const PackedHistory = z.object({ user_id: z.number().int(), attempts: z.string() }).transform((row, ctx): MasteryHistory => {
  const unpacked = unpackAttempts(row.attempts);
  if (typeof unpacked === "string") {
    ctx.issues.push({ code: "custom", message: `not attempts' end times and five scores, near "${unpacked}"`, input: row.attempts });
    return z.NEVER;
  }
  return { userId: row.user_id, ...unpacked };
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
        AND a.user_id IN (SELECT id FROM users WHERE role = 'trainee' AND team_id IN (${placeholders(teamIds)}))
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
      WHERE u.role = 'trainee' AND u.team_id IN (${placeholders(scope.teamIds)}) AND a.csat IS NOT NULL
      GROUP BY a.user_id`,
    [scope.from, scope.to, ...scope.teamIds],
  );
  return new Map(rows.map((row) => [row.user_id, row.csat]));
}
