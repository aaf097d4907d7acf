import { getDb } from "#db/db.server";

/**
 * Tickets written straight into the tables, for the report's tests: the import's own checks and
 * matching are not what those tests are about. One committed import per call.
 */
export type FixtureTicket = {
  userId: number | null;
  at: string;
  /** 1–5 stars (4 or 5 is satisfied); null: not rated. */
  stars?: number | null;
  solved?: 0 | 1 | null;
  reopened?: 0 | 1 | null;
  /** Not current: an older version replaced by a later import. */
  replaced?: boolean;
  agentKey?: string;
};

let ticketNumber = 0;

/** One committed import made for `teamIds` (none: for the whole organisation) holding these tickets; returns its id. */
export async function insertFixtureImport(tickets: readonly FixtureTicket[], teamIds: readonly number[] = []): Promise<number> {
  const db = await getDb();
  return db.write(async (tx) => {
    const now = new Date().toISOString();
    const { lastID: importId } = await tx.run(
      `INSERT INTO outcome_imports (source, kind, format, created_at, status, rows_read, rows_added, finished_at)
       VALUES ('fixture', 'csv', 'generic', ?, 'committed', ?, ?, ?)`,
      [now, tickets.length, tickets.length, now],
    );
    for (const teamId of teamIds) await tx.run("INSERT INTO outcome_import_teams (import_id, team_id) VALUES (?, ?)", [importId, teamId]);
    for (const ticket of tickets) {
      const stars = ticket.stars ?? null;
      await tx.run(
        `INSERT INTO helpdesk_tickets (import_id, source, ticket_id, agent_key, user_id, ticket_at, rating_raw, scale, rating, satisfied,
                                       solved_first_contact, reopened, is_current)
         VALUES (?, 'fixture', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          importId,
          `F${++ticketNumber}`,
          ticket.agentKey ?? (ticket.userId === null ? "stranger@helpdesk.test" : `user${ticket.userId}`),
          ticket.userId,
          ticket.at,
          stars === null ? null : String(stars),
          stars === null ? null : "1-5",
          stars === null ? null : (stars - 1) / 4,
          stars === null ? null : stars >= 4 ? 1 : 0,
          ticket.solved ?? null,
          ticket.reopened ?? null,
          ticket.replaced ? 0 : 1,
        ],
      );
    }
    return importId;
  });
}
