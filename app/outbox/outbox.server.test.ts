import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "#db/connection.server";
import { getDb } from "#db/db.server";
import { useFreshDatabase } from "#db/test-database";
import { claimDueDeliveries, findDelivery, insertDeliveries, markDeliverySent, type NewDelivery } from "~/models/outbox.server";
import { outboxView, parseRetryForm, retryFailedDeliveries } from "./admin.server";
import type { OutboxConfig } from "./config.server";
import { deliverDue } from "./deliver.server";
import { DeliveryError, registerDeliverer, type Delivery } from "./registry.server";

let other: Database;
const T0 = new Date("2026-06-01T10:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);
const config: OutboxConfig = { pollMs: 10, backoffBaseMs: 1_000, backoffMaxMs: 8_000, maxAttempts: 3, claimMs: 5_000, timeoutMs: 1_000, batch: 10 };

beforeAll(async () => {
  const db = await useFreshDatabase();
  // A second writer on the same file, as another server process would have.
  other = await openDatabase(db.path);
});
afterAll(() => other.close());
beforeEach(async () => {
  await (await getDb()).write((tx) => tx.run("DELETE FROM outbox"));
});

const row = (key: string, n: number, kind = "test"): NewDelivery => ({ kind, destination: "d", orderingKey: key, payload: { key, n }, summary: `${key} #${n}` });
async function enqueue(rows: NewDelivery[], at = T0) {
  return (await getDb()).write((tx) => insertDeliveries(tx, rows, at));
}

describe("claiming", () => {
  it("never hands one row to two claimers, even on two connections at once", async () => {
    const claimed = { a: [] as number[], b: [] as number[] };
    // Rounds until both connections have won some claims, so that the race really took place.
    for (let round = 0; round < 20 && (claimed.a.length === 0 || claimed.b.length === 0); round++) {
      const ids = await enqueue(Array.from({ length: 20 }, (_, i) => row(`key-${round}-${i}`, 1)));
      const claims = (name: "a" | "b", connection?: Database) =>
        Array.from({ length: 10 }, async () => claimed[name].push(...(await claimDueDeliveries(name, T0, later(5_000), 2, connection)).map((r) => r.id)));
      await Promise.all([...claims("a"), ...claims("b", other)]);
      expect([...claimed.a, ...claimed.b].filter((id) => ids.includes(id)).sort((x, y) => x - y)).toEqual(ids);
    }
    expect(claimed.a.length).toBeGreaterThan(0);
    expect(claimed.b.length).toBeGreaterThan(0);
    expect(claimed.a.filter((id) => claimed.b.includes(id))).toEqual([]);
  });

  it("frees a claim that ran out (its process died) but not one still held", async () => {
    const [id] = await enqueue([row("k", 1)]);
    expect((await claimDueDeliveries("dead", T0, later(5_000), 10)).map((r) => r.id)).toEqual([id]);
    expect(await claimDueDeliveries("alive", later(4_999), later(10_000), 10)).toEqual([]);
    const taken = await claimDueDeliveries("alive", later(5_000), later(10_000), 10);
    expect(taken.map((r) => [r.id, r.claimed_by])).toEqual([[id, "alive"]]);
  });

  it("hands out one row per ordering key, in order, each once the one before it is sent", async () => {
    const [a1, a2, a3] = await enqueue([row("a", 1), row("a", 2), row("a", 3)]);
    const [b1] = await enqueue([row("b", 1)]);
    const first = await claimDueDeliveries("p", T0, later(5_000), 10);
    expect(first.map((r) => r.id)).toEqual([a1, b1]);
    // a2 waits for a1 even when a1's claim is held by someone else.
    expect(await claimDueDeliveries("q", T0, later(5_000), 10)).toEqual([]);
    await markDeliverySent(a1!, T0);
    expect((await claimDueDeliveries("q", T0, later(5_000), 10)).map((r) => r.id)).toEqual([a2]);
    await markDeliverySent(a2!, T0);
    expect((await claimDueDeliveries("q", T0, later(5_000), 10)).map((r) => r.id)).toEqual([a3]);
  });

  it("does not hand out a row before its next try", async () => {
    await enqueue([row("k", 1)], later(1_000));
    expect(await claimDueDeliveries("p", T0, later(5_000), 10)).toEqual([]);
    expect(await claimDueDeliveries("p", later(1_000), later(5_000), 10)).toHaveLength(1);
  });
});

describe("delivering", () => {
  const seen: Delivery[] = [];
  let failWith: Error | null = null;
  registerDeliverer("test", async (delivery) => {
    if (failWith) throw failWith;
    seen.push(delivery);
  });
  beforeEach(() => {
    seen.length = 0;
    failWith = null;
  });
  const round = (at: Date, random = () => 1) => deliverDue({ claimer: "me", config, now: () => at, random });

  it("sends a key's rows in order, one per round, and marks them sent", async () => {
    await enqueue([row("a", 1), row("a", 2), row("b", 1)]);
    expect(await round(T0)).toEqual({ claimed: 2, sent: 2 });
    expect(await round(T0)).toEqual({ claimed: 1, sent: 1 });
    expect(await round(T0)).toEqual({ claimed: 0, sent: 0 });
    expect(seen.map((d) => d.payload)).toEqual([{ key: "a", n: 1 }, { key: "b", n: 1 }, { key: "a", n: 2 }]);
    expect((await outboxView()).counts).toEqual({ pending: 0, sent: 3, failed: 0 });
  });

  it("retries with backoff and fails the row after the last try; later rows of its key wait", async () => {
    const [id, next] = await enqueue([row("a", 1), row("a", 2)]);
    failWith = new Error("connect ECONNREFUSED");
    await round(T0);
    let stored = await findDelivery(id!);
    expect([stored?.status, stored?.attempts, stored?.next_try_at, stored?.last_error]).toEqual(["pending", 1, later(1_000).toISOString(), "connect ECONNREFUSED"]);
    expect(await round(later(999))).toEqual({ claimed: 0, sent: 0 });
    await round(later(1_000));
    expect((await findDelivery(id!))?.next_try_at).toBe(later(3_000).toISOString());
    await round(later(3_000));
    stored = await findDelivery(id!);
    expect([stored?.status, stored?.attempts]).toEqual(["failed", 3]);
    failWith = null;
    expect(await round(later(60_000))).toEqual({ claimed: 0, sent: 0 });
    const view = await outboxView();
    expect(view.failed.map((d) => d.id)).toEqual([id]);
    expect(view.pending.map((d) => [d.id, d.waitingBehind])).toEqual([[next, id]]);
  });

  it("fails a row at once when the destination refuses it for good, and an admin's retry sends it", async () => {
    const [id] = await enqueue([row("a", 1)]);
    failWith = new DeliveryError("400 Bad Request: statement refused", true);
    await round(T0);
    expect((await findDelivery(id!))?.status).toBe("failed");
    failWith = null;
    expect(await retryFailedDeliveries(id!, later(10))).toBe(1);
    expect(await retryFailedDeliveries(id!, later(10))).toBe(0);
    expect((await findDelivery(id!))?.attempts).toBe(0);
    expect(await round(later(10))).toEqual({ claimed: 1, sent: 1 });
    expect((await findDelivery(id!))?.status).toBe("sent");
  });

  it("leaves a row of a kind nobody delivers pending, to be tried again", async () => {
    const [id] = await enqueue([row("a", 1, "unknown-kind")]);
    await round(T0);
    const stored = await findDelivery(id!);
    expect([stored?.status, stored?.last_error]).toEqual(["pending", 'nothing here delivers "unknown-kind"']);
  });

  it("reads the admin's retry form", () => {
    const form = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [name, value] of Object.entries(fields)) data.set(name, value);
      return data;
    };
    expect(parseRetryForm(form({ intent: "retry", deliveryId: "12" }))).toBe(12);
    expect(parseRetryForm(form({ intent: "retry-all" }))).toBe("all");
    expect(parseRetryForm(form({ intent: "retry", deliveryId: "x" }))).toBeNull();
    expect(parseRetryForm(form({ intent: "drop" }))).toBeNull();
  });
});
