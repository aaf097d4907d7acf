import * as z from "zod";
import { findPlatformById } from "~/models/lti-platform.server";
import { DeliveryError, permanentRefusal, refusalDetail, registerDeliverer, unreachableReason, type Deliverer } from "~/outbox/registry.server";
import { LTI_SCORE_KIND } from "./grades.server";
import { SCORE_MEDIA_TYPE } from "./score";
import { isServiceAddress } from "./web-address";
import { AGS_SCOPES, forgetServiceToken, serviceToken, ServiceTokenError } from "./service-token.server";

/**
 * Sends one queued score: POST <line item>/scores with a client-credentials token (AGS 2.0, score publish service).
 * A platform that is down, or whose token endpoint refuses for now, gets the score on a later try.
 */

const QueuedScore = z.object({
  platformId: z.number().int(),
  lineItemUrl: z.url(),
  score: z.object({ userId: z.string(), scoreGiven: z.number(), timestamp: z.string() }).loose(),
});

/** The scores endpoint is the line item's URL with /scores added to its path; its query stays (AGS §3.4). */
export function scoresUrl(lineItemUrl: string): string {
  const url = new URL(lineItemUrl);
  url.pathname = `${url.pathname.replace(/\/$/, "")}/scores`;
  return url.toString();
}

export const deliverScore: Deliverer = async (delivery, { signal }) => {
  const queued = QueuedScore.safeParse(delivery.payload);
  if (!queued.success) throw new DeliveryError(`Not sent: the queued score is not one Frontline made (${queued.error.issues[0]?.message ?? "unknown"})`, true);
  const { platformId, lineItemUrl, score } = queued.data;
  if (!(await findPlatformById(platformId))) throw new DeliveryError("Not sent: the platform was removed from Frontline.", true);
  if (!isServiceAddress(lineItemUrl)) throw new DeliveryError(`Not sent: the line item ${lineItemUrl} is not an https address.`, true);

  const scopes = [AGS_SCOPES.score];
  let token: string;
  try {
    token = await serviceToken(platformId, scopes);
  } catch (error) {
    // A refused token request is usually a registration being fixed (client id, keys): worth trying again.
    throw new DeliveryError(error instanceof ServiceTokenError ? error.message : `No access token: ${unreachableReason(error)}`);
  }
  const target = scoresUrl(lineItemUrl);
  const response = await fetch(target, {
    method: "POST",
    headers: { "Content-Type": SCORE_MEDIA_TYPE, Authorization: `Bearer ${token}` },
    body: JSON.stringify(score),
    signal,
    // The token must not follow a redirect to another host.
    redirect: "error",
  }).catch((error: unknown) => {
    throw new DeliveryError(`Could not reach the platform at ${target} (${unreachableReason(error)})`);
  });
  if (response.ok) return;
  if (response.status === 401) forgetServiceToken(platformId, scopes);
  throw new DeliveryError(`The platform answered ${response.status} ${response.statusText}${await refusalDetail(response)}`, permanentRefusal(response.status));
};

/** Called once by each serving process before its scheduler starts. */
export function registerScoreDeliverer(): void {
  registerDeliverer(LTI_SCORE_KIND, deliverScore);
}
