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

/**
 * Whether an HTTP refusal is about the delivery itself and will not change with time: 400, 404, 422 and the like.
 * 401/403 (credentials being fixed), 408, 425, 429 and 5xx may pass on a later try.
 */
export const permanentRefusal = (status: number) => status >= 400 && status < 500 && ![401, 403, 408, 425, 429].includes(status);

/** fetch says only "fetch failed"; the reason (refused, unknown host, timeout) is its cause. */
export function unreachableReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** The start of a refusal's body, on one line, for the admin's queue page. */
export async function refusalDetail(response: Response): Promise<string> {
  const detail = (await response.text().catch(() => "")).replace(/\s+/g, " ").trim().slice(0, 300);
  return detail ? `: ${detail}` : "";
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
