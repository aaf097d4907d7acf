import * as z from "zod";
import { countDeliveriesByStatus, listDeliveries, requeueFailedDeliveries, type ListedDelivery, type OutboxStatus } from "~/models/outbox.server";
import { LISTED } from "./listing";

/** What the admin's queue page shows: the counts, the rows waiting and failed (oldest first) and the latest sent. */

export { LISTED };

export type DeliveryView = {
  id: number;
  kind: string;
  destination: string;
  summary: string;
  attempts: number;
  nextTryAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  /** The earlier unsent row of the same ordering key that this one waits for. */
  waitingBehind: number | null;
};

export type OutboxView = { counts: Record<OutboxStatus, number>; pending: DeliveryView[]; failed: DeliveryView[]; sent: DeliveryView[] };

const view = (row: ListedDelivery): DeliveryView => ({
  id: row.id,
  kind: row.kind,
  destination: row.destination,
  summary: row.summary,
  attempts: row.attempts,
  nextTryAt: row.next_try_at,
  lastError: row.last_error,
  createdAt: row.created_at,
  sentAt: row.sent_at,
  waitingBehind: row.waiting_behind,
});

/**
 * The whole queue, or only the deliveries of one kind; `withSent: false` skips the sent rows for a page that lists only
 * what still needs sending (the platforms page's grades).
 */
export async function outboxView(kind: string | null = null, { withSent = true }: { withSent?: boolean } = {}): Promise<OutboxView> {
  const [counts, pending, failed, sent] = await Promise.all([
    countDeliveriesByStatus(kind),
    listDeliveries("pending", LISTED.pending, kind),
    listDeliveries("failed", LISTED.failed, kind),
    withSent ? listDeliveries("sent", LISTED.sent, kind) : [],
  ]);
  return { counts, pending: pending.map(view), failed: failed.map(view), sent: sent.map(view) };
}

const RetryForm = z.union([
  z.object({ intent: z.literal("retry"), deliveryId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("retry-all") }),
]);

/** The row to retry, "all", or null when the form is not one of ours. */
export function parseRetryForm(form: FormData): number | "all" | null {
  const parsed = RetryForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return null;
  return parsed.data.intent === "retry-all" ? "all" : parsed.data.deliveryId;
}

/** Puts a failed row (or every failed row, of one kind unless null) back in the queue with a fresh count of tries; returns how many. */
export async function retryFailedDeliveries(which: number | "all", now: Date = new Date(), kind: string | null = null): Promise<number> {
  return requeueFailedDeliveries(which === "all" ? null : which, now, kind);
}
