import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import { getLibrary } from "~/library/catalog.server";
import { deleteDeepLinkRequest, findDeepLinkRequest } from "~/models/lti-deep-link.server";
import { findPlatformById } from "~/models/lti-platform.server";
import { CLAIM, DL_CLAIM, LTI_VERSION } from "./claims";
import { SIGNING_ALG, signingKey } from "./keys.server";
import { launchUrl } from "./login.server";

/** Deep linking: the instructor picks a scenario; Frontline answers the platform with a signed resource link. */

export type ScenarioChoice = { id: string; title: string };

export async function deepLinkChoices(requestId: string, userId: number): Promise<ScenarioChoice[] | null> {
  if (!(await findDeepLinkRequest(requestId, userId))) return null;
  const library = await getLibrary();
  return library.scenarios.map((entry) => ({ id: entry.scenario.id, title: entry.scenario.title })).sort((a, b) => a.title.localeCompare(b.title));
}

/**
 * The LtiDeepLinkingResponse for one scenario: an ltiResourceLink to Frontline's launch URL whose custom parameter names
 * the scenario, with a line item out of 100. Signed with Frontline's current key (kid in the header, so the platform
 * finds it in /lti/jwks). Null when the request is gone or the scenario is not in the library.
 */
export async function deepLinkResponse(requestId: string, userId: number, scenarioId: string, origin: string, now: Date = new Date()): Promise<{ returnUrl: string; jwt: string } | null> {
  const request = await findDeepLinkRequest(requestId, userId, now);
  if (!request) return null;
  const scenario = (await getLibrary()).scenarios.find((entry) => entry.scenario.id === scenarioId)?.scenario;
  const platform = await findPlatformById(request.platformId);
  if (!scenario || !platform) return null;
  // One answer per request: a second click must not place the link twice.
  if (!(await deleteDeepLinkRequest(request.id))) return null;
  const { kid, key } = await signingKey();
  const seconds = Math.floor(now.getTime() / 1000);
  const claims: Record<string, unknown> = {
    // The spec asks for a nonce on this message too; the jti below makes it single-use for the platform.
    nonce: randomBytes(16).toString("base64url"),
    [`${CLAIM}message_type`]: "LtiDeepLinkingResponse",
    [`${CLAIM}version`]: LTI_VERSION,
    [`${CLAIM}deployment_id`]: request.deploymentId,
    [`${DL_CLAIM}content_items`]: [
      {
        type: "ltiResourceLink",
        title: scenario.title,
        url: launchUrl(origin),
        custom: { scenario_id: scenario.id },
        lineItem: { scoreMaximum: 100, label: scenario.title, resourceId: scenario.id },
      },
    ],
  };
  if (request.data !== null) claims[`${DL_CLAIM}data`] = request.data;
  const jwt = await new SignJWT(claims)
    .setProtectedHeader({ alg: SIGNING_ALG, kid, typ: "JWT" })
    .setIssuer(platform.clientId)
    .setAudience(platform.issuer)
    .setIssuedAt(seconds)
    .setExpirationTime(seconds + 5 * 60)
    .setJti(randomBytes(16).toString("base64url"))
    .sign(key);
  return { returnUrl: request.returnUrl, jwt };
}
