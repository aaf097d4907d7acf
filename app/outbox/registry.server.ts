import type { OutboxRecord } from "~/models/outbox.server";

/**
 * Who sends each kind of delivery. A deliverer resolves when the destination has the delivery and throws otherwise;
 * a `DeliveryError` marked permanent (the destination refused it for good) fails the row at once.
 */
export type Delivery = Pick<OutboxRecord, "id" | "kind" | "destination" | "ordering_key" | "attempts"> & { payload: unknown };
export type Deliverer = (delivery: Delivery, options: { signal: AbortSignal }) => Promise<void>;

export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean = false,
  ) {
    super(message);
  }
}

// On globalThis: the server entry and the Remix bundle are built apart, and both may register or read.
const KEY = Symbol.for("frontline.outbox.deliverers");
type Holder = { [KEY]?: Map<string, Deliverer> };
const deliverers = () => ((globalThis as Holder)[KEY] ??= new Map());

export function registerDeliverer(kind: string, deliverer: Deliverer): void {
  deliverers().set(kind, deliverer);
}

export function delivererFor(kind: string): Deliverer | undefined {
  return deliverers().get(kind);
}
