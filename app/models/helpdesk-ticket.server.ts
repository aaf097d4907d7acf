import * as z from "zod";
import type { WriteTx } from "#db/connection.server";
import { getDb } from "#db/db.server";
import { RATING_SCALES } from "~/domain/outcomes";
import { placeholders } from "./analytics.server";

/** What an import compares a new row with: the version of the ticket that counts now. */
const CurrentTicketRow = z.object({
  ticket_id: z.string(),
  import_id: z.number().int(),
  ticket_at: z.string(),
  agent_key: z.string(),
  rating_raw: z.string().nullable(),
  scale: z.enum(RATING_SCALES).nullable(),
  solved_first_contact: z.number().int().nullable(),
  reopened: z.number().int().nullable(),
  channel: z.string().nullable(),
});
export type CurrentTicket = z.infer<typeof CurrentTicketRow>;

export type TicketVersion = {
  ticketId: string;
  agentKey: string;
  userId: number | null;
  ticketAt: string;
  ratingRaw: string | null;
  scale: string | null;
  rating: number | null;
  satisfied: 0 | 1 | null;
  solvedFirstContact: 0 | 1 | null;
  reopened: 0 | 1 | null;
  channel: string | null;
};

// SQLite allows 32,766 parameters per statement; 500 ids stay far below and keep statements cached.
export const KEY_CHUNK = 500;

export async function currentTickets(source: string, ticketIds: readonly string[], tx?: WriteTx): Promise<CurrentTicket[]> {
  const reader = tx ?? (await getDb());
  const rows: CurrentTicket[] = [];
  for (let i = 0; i < ticketIds.length; i += KEY_CHUNK) {
    const chunk = ticketIds.slice(i, i + KEY_CHUNK);
    rows.push(
      ...(await reader.all(
        CurrentTicketRow,
        `SELECT ticket_id, import_id, ticket_at, agent_key, rating_raw, scale, solved_first_contact, reopened, channel
           FROM helpdesk_tickets WHERE is_current = 1 AND source = ? AND ticket_id IN (${placeholders(chunk)})`,
        [source, ...chunk],
      )),
    );
  }
  return rows;
}

const COLUMNS = 13;
const INSERT_CHUNK = 200;

/**
 * Writes one batch of an import inside the caller's transaction: the ticket versions it replaces
 * stop counting, and its own versions count from now on.
 */
export async function writeTicketVersions(tx: WriteTx, importId: number, source: string, versions: readonly TicketVersion[], replacing: readonly string[]): Promise<void> {
  for (let i = 0; i < replacing.length; i += KEY_CHUNK) {
    const chunk = replacing.slice(i, i + KEY_CHUNK);
    await tx.run(`UPDATE helpdesk_tickets SET is_current = 0 WHERE is_current = 1 AND source = ? AND ticket_id IN (${placeholders(chunk)})`, [source, ...chunk]);
  }
  for (let i = 0; i < versions.length; i += INSERT_CHUNK) {
    const chunk = versions.slice(i, i + INSERT_CHUNK);
    const row = `(${Array.from({ length: COLUMNS }, () => "?").join(", ")})`;
    await tx.run(
      `INSERT INTO helpdesk_tickets (import_id, source, ticket_id, agent_key, user_id, ticket_at, rating_raw, scale, rating, satisfied,
                                     solved_first_contact, reopened, channel, is_current)
       VALUES ${chunk.map(() => row.replace(/\)$/, ", 1)")).join(", ")}`,
      chunk.flatMap((v) => [importId, source, v.ticketId, v.agentKey, v.userId, v.ticketAt, v.ratingRaw, v.scale, v.rating, v.satisfied, v.solvedFirstContact, v.reopened, v.channel]),
    );
  }
}

const KeyRow = z.object({ source: z.string(), ticket_id: z.string() });

/** Up to `limit` tickets whose counting version belongs to the import. */
export async function currentKeysOfImport(tx: WriteTx, importId: number, limit: number): Promise<z.infer<typeof KeyRow>[]> {
  return tx.all(KeyRow, "SELECT source, ticket_id FROM helpdesk_tickets WHERE import_id = ? AND is_current = 1 LIMIT ?", [importId, limit]);
}

/**
 * After an import stops counting: each of these tickets counts its best remaining version, the
 * newest ticket time among committed imports (the latest import on a tie), or none.
 */
export async function recountTickets(tx: WriteTx, source: string, ticketIds: readonly string[]): Promise<void> {
  for (let i = 0; i < ticketIds.length; i += KEY_CHUNK) {
    const chunk = ticketIds.slice(i, i + KEY_CHUNK);
    await tx.run(`UPDATE helpdesk_tickets SET is_current = 0 WHERE is_current = 1 AND source = ? AND ticket_id IN (${placeholders(chunk)})`, [source, ...chunk]);
    await tx.run(
      `UPDATE helpdesk_tickets SET is_current = 1 WHERE id IN (
         SELECT (SELECT t.id FROM helpdesk_tickets t JOIN outcome_imports i ON i.id = t.import_id
                  WHERE t.source = k.source AND t.ticket_id = k.ticket_id AND i.status = 'committed'
                  ORDER BY t.ticket_at DESC, t.import_id DESC LIMIT 1)
           FROM (SELECT DISTINCT source, ticket_id FROM helpdesk_tickets WHERE source = ? AND ticket_id IN (${placeholders(chunk)})) k)`,
      [source, ...chunk],
    );
  }
}

/** Gives every version from this helpdesk agent to a user (or takes them away with null). */
export async function assignAgentTickets(tx: WriteTx, agentKey: string, userId: number | null): Promise<number> {
  const { changes } = await tx.run("UPDATE helpdesk_tickets SET user_id = ? WHERE agent_key = ?", [userId, agentKey]);
  return changes;
}

/**
 * Gives a new account the tickets its email already stands on (imported before it existed),
 * unless a saved mapping has given that agent to someone.
 */
export async function claimTicketsByEmail(email: string, userId: number): Promise<number> {
  const db = await getDb();
  // Almost every new account has no tickets waiting: a read spares it a write transaction.
  const waiting = await db.get(z.object({ id: z.number().int() }), "SELECT id FROM helpdesk_tickets WHERE user_id IS NULL AND agent_key = lower(?) LIMIT 1", [email]);
  if (!waiting) return 0;
  return db.write(async (tx) => {
    const { changes } = await tx.run(
      `UPDATE helpdesk_tickets SET user_id = ?
        WHERE user_id IS NULL AND agent_key = lower(?) AND NOT EXISTS (SELECT 1 FROM helpdesk_agents a WHERE a.agent_key = helpdesk_tickets.agent_key)`,
      [userId, email],
    );
    return changes;
  });
}

const UnknownAgentRow = z.object({ agent_key: z.string(), tickets: z.number().int(), last_at: z.string() });
export type UnknownAgent = z.infer<typeof UnknownAgentRow>;

/**
 * Helpdesk agents with counting tickets but no user, from the given imports' rows (a manager's
 * own imports), or from every import when `importIds` is null (an admin).
 */
export async function unknownAgents(importIds: readonly number[] | null): Promise<UnknownAgent[]> {
  const db = await getDb();
  if (importIds !== null && importIds.length === 0) return [];
  const where = importIds === null ? "" : `AND import_id IN (${placeholders(importIds)})`;
  return db.all(
    UnknownAgentRow,
    `SELECT agent_key, COUNT(*) AS tickets, MAX(ticket_at) AS last_at FROM helpdesk_tickets
      WHERE is_current = 1 AND user_id IS NULL ${where} GROUP BY agent_key ORDER BY tickets DESC, agent_key LIMIT 500`,
    importIds ?? [],
  );
}

/** Deletes versions older than the retention cut-off, with the imports they emptied left as records. */
export async function deleteTicketsBefore(cutoff: string): Promise<number> {
  const db = await getDb();
  return db.write(async (tx) => (await tx.run("DELETE FROM helpdesk_tickets WHERE ticket_at < ?", [cutoff])).changes);
}
