import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import { parseAssignmentItem } from "~/assignments/assign.server";
import type { Skill } from "~/domain/vocabulary";
import { getLibrary } from "~/library/catalog.server";
import type { AssignmentItem } from "~/models/assignment.server";
import { findPathway, listPathways } from "~/models/pathway.server";
import { deleteDeepLinkRequest, findDeepLinkRequest } from "~/models/lti-deep-link.server";
import { findPlatformById } from "~/models/lti-platform.server";
import { CLAIM, DL_CLAIM, LTI_VERSION } from "./claims";
import { SIGNING_ALG, signingKey } from "./keys.server";
import { launchUrl } from "./login.server";

/** Deep linking: the instructor picks a scenario or a skill pathway; Frontline answers the platform with a signed resource link. */

export type DeepLinkChoice = { value: string; title: string };
export type PathwayChoice = DeepLinkChoice & { skill: Skill; steps: number };

/** What the instructor may place: every published scenario, and every skill pathway that has scenarios. */
export async function deepLinkChoices(requestId: string, userId: number): Promise<{ scenarios: DeepLinkChoice[]; pathways: PathwayChoice[] } | null> {
  if (!(await findDeepLinkRequest(requestId, userId))) return null;
  const [library, pathways] = await Promise.all([getLibrary(), listPathways()]);
  return {
    scenarios: library.scenarios.map((entry) => ({ value: `scenario:${entry.scenario.id}`, title: entry.scenario.title })).sort((a, b) => a.title.localeCompare(b.title)),
    pathways: pathways
      .filter((pathway) => pathway.scenarioIds.length > 0)
      .map((pathway) => ({ value: `pathway:${pathway.id}`, title: pathway.title, skill: pathway.skill, steps: pathway.scenarioIds.length })),
  };
}

/** The link's title and the custom parameter that tells a launch what it opens; null when it is not (or no longer) offered. */
async function placed(item: AssignmentItem): Promise<{ title: string; resourceId: string; custom: Record<string, string> } | null> {
  if (item.kind === "scenario") {
    const scenario = (await getLibrary()).scenarios.find((entry) => entry.scenario.id === item.scenarioId)?.scenario;
    return scenario ? { title: scenario.title, resourceId: scenario.id, custom: { scenario_id: scenario.id } } : null;
  }
  const pathway = await findPathway(item.pathwayId);
  if (!pathway || pathway.scenarioIds.length === 0) return null;
  return { title: pathway.title, resourceId: `pathway-${pathway.id}`, custom: { pathway_id: String(pathway.id) } };
}

/**
 * The LtiDeepLinkingResponse for one scenario or pathway (`choice` as the page sends it): an ltiResourceLink to
 * Frontline's launch URL whose custom parameter names it, with a line item out of 100. Signed with Frontline's current
 * key (kid in the header, so the platform finds it in /lti/jwks). Null when the request is gone or the choice is not offered.
 */
export async function deepLinkResponse(requestId: string, userId: number, choice: string, origin: string, now: Date = new Date()): Promise<{ returnUrl: string; jwt: string } | null> {
  const request = await findDeepLinkRequest(requestId, userId, now);
  if (!request) return null;
  const item = parseAssignmentItem(choice);
  const [link, platform] = await Promise.all([item && placed(item), findPlatformById(request.platformId)]);
  if (!link || !platform) return null;
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
        title: link.title,
        url: launchUrl(origin),
        custom: link.custom,
        lineItem: { scoreMaximum: 100, label: link.title, resourceId: link.resourceId },
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
