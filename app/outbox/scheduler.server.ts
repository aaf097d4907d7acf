import { randomBytes } from "node:crypto";
import { deleteSentDeliveriesBefore } from "~/models/outbox.server";
import { readOutboxConfig, type OutboxConfig } from "./config.server";
import { deliverDue } from "./deliver.server";

/** Sent rows are kept this long for the admin page, then deleted. */
export const SENT_KEPT_DAYS = 30;
const PRUNE_EVERY_MS = 3_600_000;

export type OutboxScheduler = { stop(): Promise<void> };

/**
 * Runs in every serving process: each polls for due rows, and the atomic claim decides who sends what, so a dead
 * process's rows are taken over when its claims run out. A round runs between requests on the event loop (its waits
 * are the database and the network), and its timers are unref'd, so it never keeps a stopping process alive.
 */
export function startOutboxScheduler(config: OutboxConfig = readOutboxConfig()): OutboxScheduler {
  const claimer = `${process.pid}-${randomBytes(4).toString("hex")}`;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let prunedAt = 0;

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round();
    }, ms);
    timer.unref();
  };

  async function round(): Promise<void> {
    let again = false;
    try {
      if (Date.now() - prunedAt > PRUNE_EVERY_MS) {
        prunedAt = Date.now();
        await deleteSentDeliveriesBefore(new Date(Date.now() - SENT_KEPT_DAYS * 86_400_000));
      }
      again = (await deliverDue({ claimer, config })).claimed > 0;
    } catch (error) {
      // The database was busy or closing: try again at the next poll.
      if (!stopped) console.error("Outbox: a delivery round failed; it is tried again shortly.", error);
    }
    schedule(again ? 0 : config.pollMs);
  }

  schedule(0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
