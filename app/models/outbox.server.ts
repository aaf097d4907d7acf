import * as z from "zod";
import type { Database, WriteTx } from "#db/connection.server";
import { getDb } from "#db/db.server";
import { isoNow } from "./time.server";

/**
 * Deliveries to other systems (migration 0010, `outbox`). Rows are added inside the transaction of the event that
 * causes them; a process claims due rows, sends them and records the result. Rows of one ordering key are handed out
 * one at a time, in id order: a row is claimable only when every earlier row of its key has been sent.
 */

export const OUTBOX_STATUSES = ["pending", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

const OutboxRow = z.object({
  id: z.number().int(),
  kind: z.string(),
  destination: z.string(),
  ordering_key: z.string(),
  payload: z.string(),
  summary: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  next_try_at: z.string(),
  claimed_by: z.string().nullable(),
  claimed_until: z.string().nullable(),
  last_error: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  sent_at: z.string().nullable(),
});
export type OutboxRecord = z.infer<typeof OutboxRow>;

export type NewDelivery = {
  kind: string;
  destination: string;
  orderingKey: string;
  payload: unknown;
  summary: string;
  /** A delivery known to be unsendable when it is made (e.g. a statement that failed validation) starts as failed. */
  failedWith?: string;
};

export async function insertDeliveries(tx: WriteTx, deliveries: readonly NewDelivery[], at: Date = new Date()): Promise<number[]> {
  const now = isoNow(at);
  const ids: number[] = [];
  for (const delivery of deliveries) {
    const { lastID } = await tx.run(
      `INSERT INTO outbox (kind, destination, ordering_key, payload, summary, status, next_try_at, last_error, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        delivery.kind,
        delivery.destination,
        delivery.orderingKey,
        JSON.stringify(delivery.payload),
        delivery.summary.slice(0, 500),
        delivery.failedWith === undefined ? "pending" : "failed",
        now,
        delivery.failedWith ?? null,
        now,
        now,
      ],
    );
    ids.push(lastID);
  }
  return ids;
}

/**
 * Claims up to `limit` due rows for `claimer` until `until`, in one write transaction (BEGIN IMMEDIATE), so two
 * processes never claim one row. Only the first unsent row of each ordering key is due; an expired claim is free.
 */
export async function claimDueDeliveries(claimer: string, at: Date, until: Date, limit: number, connection?: Database): Promise<OutboxRecord[]> {
  // `connection`: a test's second connection to the file stands for another process.
  const db = connection ?? (await getDb());
  const now = isoNow(at);
  const rows = await db.write((tx) =>
    tx.all(
      OutboxRow,
      `UPDATE outbox SET claimed_by = ?, claimed_until = ?, updated_at = ?
        WHERE id IN (
          SELECT o.id FROM outbox o
           WHERE o.status = 'pending' AND o.next_try_at <= ? AND (o.claimed_until IS NULL OR o.claimed_until <= ?)
             AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.ordering_key = o.ordering_key AND e.id < o.id AND e.status <> 'sent')
           ORDER BY o.id LIMIT ?)
        RETURNING *`,
      [claimer, isoNow(until), now, now, now, limit],
    ),
  );
  return rows.sort((a, b) => a.id - b.id);
}

/** Sent is the truth whoever holds the claim: a second sender of the same row sent the same content. */
export async function markDeliverySent(id: number, at: Date = new Date()): Promise<boolean> {
  const db = await getDb();
  const now = isoNow(at);
  const { changes } = await db.write((tx) =>
    tx.run(
      `UPDATE outbox SET status = 'sent', sent_at = ?, updated_at = ?, attempts = attempts + 1, claimed_by = NULL, claimed_until = NULL
        WHERE id = ? AND status = 'pending'`,
      [now, now, id],
    ),
  );
  return changes === 1;
}

/**
 * Records a failed try by the row's claimer: another try at `nextTryAt`, or `failed` for good. A claimer whose
 * claim ran out and was taken over writes nothing (the new claimer's result counts).
 */
export async function markDeliveryFailedTry(
  id: number,
  claimer: string,
  outcome: { error: string; nextTryAt: Date; giveUp: boolean },
  at: Date = new Date(),
): Promise<boolean> {
  const db = await getDb();
  const { changes } = await db.write((tx) =>
    tx.run(
      `UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_try_at = ?, status = ?, updated_at = ?, claimed_by = NULL, claimed_until = NULL
        WHERE id = ? AND claimed_by = ? AND status = 'pending'`,
      [outcome.error.slice(0, 2000), isoNow(outcome.nextTryAt), outcome.giveUp ? "failed" : "pending", isoNow(at), id, claimer],
    ),
  );
  return changes === 1;
}

/**
 * Puts failed rows (one, or all when `id` is null; of one kind unless `kind` is null) back in the queue, due now, with a
 * fresh count of tries.
 */
export async function requeueFailedDeliveries(id: number | null, at: Date = new Date(), kind: string | null = null): Promise<number> {
  const db = await getDb();
  const now = isoNow(at);
  const { changes } = await db.write((tx) =>
    tx.run(
      `UPDATE outbox SET status = 'pending', attempts = 0, next_try_at = ?, updated_at = ?, claimed_by = NULL, claimed_until = NULL
        WHERE status = 'failed' AND (? IS NULL OR id = ?) AND (? IS NULL OR kind = ?)`,
      [now, now, id, id, kind, kind],
    ),
  );
  return changes;
}

export async function findDelivery(id: number): Promise<OutboxRecord | undefined> {
  const db = await getDb();
  return db.get(OutboxRow, "SELECT * FROM outbox WHERE id = ?", [id]);
}

/** `kind` null: every kind. */
export async function countDeliveriesByStatus(kind: string | null = null): Promise<Record<OutboxStatus, number>> {
  const db = await getDb();
  const rows = await db.all(
    z.object({ status: z.enum(OUTBOX_STATUSES), n: z.number().int() }),
    "SELECT status, count(*) AS n FROM outbox WHERE ? IS NULL OR kind = ? GROUP BY status",
    [kind, kind],
  );
  const counts = { pending: 0, sent: 0, failed: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

const ListedRow = OutboxRow.extend({ waiting_behind: z.number().int().nullable() });
export type ListedDelivery = z.infer<typeof ListedRow>;

/** Rows of one status (of one kind, unless null): unsent ones oldest first (the order they go out), sent ones newest first. */
export async function listDeliveries(status: OutboxStatus, limit: number, kind: string | null = null): Promise<ListedDelivery[]> {
  const db = await getDb();
  return db.all(
    ListedRow,
    `SELECT o.*, (SELECT min(e.id) FROM outbox e WHERE e.ordering_key = o.ordering_key AND e.id < o.id AND e.status <> 'sent') AS waiting_behind
       FROM outbox o WHERE o.status = ? AND (? IS NULL OR o.kind = ?) ORDER BY ${status === "sent" ? "o.sent_at DESC, o.id DESC" : "o.id"} LIMIT ?`,
    [status, kind, kind, limit],
  );
}

/** Deletes sent rows older than `before`: the record of what went out is kept for a while, not for ever. */
export async function deleteSentDeliveriesBefore(before: Date): Promise<number> {
  const db = await getDb();
  const { changes } = await db.write((tx) => tx.run("DELETE FROM outbox WHERE status = 'sent' AND sent_at < ?", [isoNow(before)]));
  return changes;
}
