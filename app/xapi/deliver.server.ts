import * as z from "zod";
import { DeliveryError, registerDeliverer, type Deliverer } from "~/outbox/registry.server";
import { lrsTarget } from "./settings.server";

/** Sends one queued statement to the organisation's LRS: PUT <endpoint>/statements?statementId=<id> (xAPI 1.0.3 §2.1). */

export const XAPI_KIND = "xapi-statement";
export const XAPI_VERSION = "1.0.3";

const QueuedStatement = z.object({ id: z.uuid() }).loose();

// 400 and the like are about the statement and will not change; 401/403 (a key being fixed), 408, 429 and 5xx may.
const isPermanent = (status: number) => status >= 400 && status < 500 && ![401, 403, 408, 425, 429].includes(status);

export const deliverStatement: Deliverer = async (delivery, { signal }) => {
  const target = await lrsTarget();
  if (!target) throw new DeliveryError("No LRS is switched on: the statement waits until one is.");
  const statement = QueuedStatement.parse(delivery.payload);
  const url = `${target.endpoint}/statements?statementId=${encodeURIComponent(statement.id)}`;
  const response = await fetch(url, {
    method: "PUT",
    headers: {
      "Content-Type": "application/json",
      "X-Experience-API-Version": XAPI_VERSION,
      Authorization: `Basic ${Buffer.from(`${target.username}:${target.secret}`).toString("base64")}`,
    },
    body: JSON.stringify(statement),
    signal,
    // A redirect could carry the credentials somewhere else.
    redirect: "error",
  }).catch((error: unknown) => {
    // fetch says only "fetch failed"; the reason (refused, unknown host, timeout) is its cause.
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
    throw new DeliveryError(`Could not reach the LRS at ${target.endpoint} (${reason})`);
  });
  // 409: the LRS already holds a statement with this id, which only we make: an earlier try whose answer was lost.
  if (response.ok || response.status === 409) return;
  const detail = (await response.text().catch(() => "")).replace(/\s+/g, " ").trim().slice(0, 300);
  throw new DeliveryError(`The LRS answered ${response.status} ${response.statusText}${detail ? `: ${detail}` : ""}`, isPermanent(response.status));
};

/** Called once by each serving process before its scheduler starts. */
export function registerXapiDeliverer(): void {
  registerDeliverer(XAPI_KIND, deliverStatement);
}
