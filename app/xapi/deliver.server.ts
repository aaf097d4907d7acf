import * as z from "zod";
import { DeliveryError, permanentRefusal, refusalDetail, registerDeliverer, unreachableReason, type Deliverer } from "~/outbox/registry.server";
import { lrsTarget } from "./settings.server";

/** Sends one queued statement to the organisation's LRS: PUT <endpoint>/statements?statementId=<id> (xAPI 1.0.3 §2.1). */

export const XAPI_KIND = "xapi-statement";
export const XAPI_VERSION = "1.0.3";

const QueuedStatement = z.object({ id: z.uuid() }).loose();

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
    throw new DeliveryError(`Could not reach the LRS at ${target.endpoint} (${unreachableReason(error)})`);
  });
  // 409: the LRS already holds a statement with this id, which only we make: an earlier try whose answer was lost.
  if (response.ok || response.status === 409) return;
  throw new DeliveryError(`The LRS answered ${response.status} ${response.statusText}${await refusalDetail(response)}`, permanentRefusal(response.status));
};

/** Called once by each serving process before its scheduler starts. */
export function registerXapiDeliverer(): void {
  registerDeliverer(XAPI_KIND, deliverStatement);
}
