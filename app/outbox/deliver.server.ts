import { claimDueDeliveries, markDeliveryFailedTry, markDeliverySent, type OutboxRecord } from "~/models/outbox.server";
import { backoffDelay } from "./backoff";
import type { OutboxConfig } from "./config.server";
import { delivererFor, DeliveryError } from "./registry.server";

export type RoundOptions = { claimer: string; config: OutboxConfig; now?: () => Date; random?: () => number };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)) || "unknown error";

/** Sends one claimed row and records what happened. Never throws: a failure is the row's, not the round's. */
async function deliverOne(row: OutboxRecord, { claimer, config, now = () => new Date(), random }: RoundOptions): Promise<"sent" | "retry" | "failed"> {
  const deliverer = delivererFor(row.kind);
  let problem: { error: string; permanent: boolean };
  if (!deliverer) {
    // Another version of Frontline may know the kind: this is not the row's fault, so it is tried again later.
    problem = { error: `nothing here delivers "${row.kind}"`, permanent: false };
  } else {
    try {
      const payload: unknown = JSON.parse(row.payload);
      await deliverer({ ...row, payload }, { signal: AbortSignal.timeout(config.timeoutMs) });
      await markDeliverySent(row.id, now());
      return "sent";
    } catch (error) {
      problem = { error: messageOf(error), permanent: error instanceof DeliveryError && error.permanent };
    }
  }
  const tries = row.attempts + 1;
  const giveUp = problem.permanent || tries >= config.maxAttempts;
  const at = now();
  const nextTryAt = new Date(at.getTime() + backoffDelay(tries, { baseMs: config.backoffBaseMs, maxMs: config.backoffMaxMs }, random));
  await markDeliveryFailedTry(row.id, claimer, { error: problem.error, nextTryAt, giveUp }, at);
  return giveUp ? "failed" : "retry";
}

/**
 * One round: claims the due rows (at most one per ordering key, so a key's rows keep their order) and sends them
 * side by side. Returns how many rows were claimed; the scheduler goes again at once while there were some.
 */
export async function deliverDue(options: RoundOptions): Promise<{ claimed: number; sent: number }> {
  const { config, claimer, now = () => new Date() } = options;
  const at = now();
  const rows = await claimDueDeliveries(claimer, at, new Date(at.getTime() + config.claimMs), config.batch);
  const results = await Promise.all(rows.map((row) => deliverOne(row, options)));
  return { claimed: rows.length, sent: results.filter((result) => result === "sent").length };
}
