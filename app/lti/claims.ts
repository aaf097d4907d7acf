import * as z from "zod";
import { SCENARIO_ID } from "~/workspace/source";
import { isServiceAddress } from "./web-address";

/** The LTI 1.3 claims Frontline reads from a verified id_token, and the checks jose does not make. */

export const CLAIM = "https://purl.imsglobal.org/spec/lti/claim/";
export const AGS_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
export const DL_CLAIM = "https://purl.imsglobal.org/spec/lti-dl/claim/";
export const LTI_VERSION = "1.3.0";
export const MESSAGE_TYPES = ["LtiResourceLinkRequest", "LtiDeepLinkingRequest"] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export type ProblemCode =
  | "missing-parameter"
  | "unknown-issuer"
  | "unknown-client"
  | "bad-login-url"
  | "not-a-token"
  | "state-unknown"
  | "state-used"
  | "state-expired"
  | "state-platform"
  | "bad-signature"
  | "unknown-key"
  | "keys-unreachable"
  | "bad-algorithm"
  | "expired"
  | "bad-issuer"
  | "bad-audience"
  | "bad-azp"
  | "bad-iat"
  | "bad-claim"
  | "bad-nonce"
  | "unknown-deployment"
  | "bad-message-type"
  | "bad-version"
  | "no-role"
  | "not-instructor";

/** A refused launch: the status it answers with and what its page names. */
export class LaunchProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly status: 400 | 401 | 403 | 502,
    readonly params: Record<string, string> = {},
  ) {
    super(`LTI launch refused: ${code} ${JSON.stringify(params)}`);
    this.name = "LaunchProblem";
  }
}

const Url = z.string().url().max(2048);
const serviceAddressOrNull = (value: string | undefined) => (value !== undefined && isServiceAddress(value) ? value : null);
const Text = z.string().max(1000);

const LaunchClaims = z.object({
  sub: z.string().min(1).max(255),
  nonce: z.string().min(1),
  name: Text.optional(),
  given_name: Text.optional(),
  family_name: Text.optional(),
  email: z.string().email().max(320).optional().catch(undefined),
  [`${CLAIM}message_type`]: z.string(),
  [`${CLAIM}version`]: z.string(),
  [`${CLAIM}deployment_id`]: z.string().min(1).max(255),
  [`${CLAIM}roles`]: z.array(z.string()),
  [`${CLAIM}target_link_uri`]: Url.optional(),
  [`${CLAIM}resource_link`]: z.object({ id: z.string().min(1).max(255), title: Text.nullish() }).optional(),
  [`${CLAIM}context`]: z.object({ id: z.string().min(1).max(255), title: Text.nullish(), label: Text.nullish() }).optional(),
  [`${CLAIM}custom`]: z.record(z.string(), z.unknown()).optional(),
  [AGS_CLAIM]: z.object({ scope: z.array(z.string()).default([]), lineitem: Url.optional(), lineitems: Url.optional() }).optional(),
  [`${DL_CLAIM}deep_linking_settings`]: z
    .object({ deep_link_return_url: Url, accept_types: z.array(z.string()).default([]), data: z.string().max(4096).optional() })
    .optional(),
});

export type Launch = {
  subject: string;
  nonce: string;
  name: string | null;
  email: string | null;
  messageType: MessageType;
  deploymentId: string;
  roles: string[];
  resourceLink: { id: string; title: string | null } | null;
  context: { id: string; title: string | null } | null;
  /** The scenario a deep-linked resource link opens (custom parameter `scenario_id`). */
  scenarioId: string | null;
  /** The skill pathway it opens instead (custom parameter `pathway_id`). */
  pathwayId: number | null;
  ags: { scopes: string[]; lineItemUrl: string | null; lineItemsUrl: string | null } | null;
  deepLinking: { returnUrl: string; acceptTypes: string[]; data: string | null } | null;
};

/**
 * Checks what a valid signature, issuer, audience and expiry (jose's part) leave open: azp, the nonce Frontline issued
 * for this launch, the deployment, the message type and version, and the claims each message type needs.
 */
export function checkLaunchClaims(
  payload: Record<string, unknown>,
  expected: { clientId: string; nonce: string; deploymentIds: readonly string[] },
): Launch {
  const aud = payload.aud;
  const audiences = Array.isArray(aud) ? aud : [aud];
  // With several audiences, azp must name Frontline; when present at all, it must be Frontline.
  if ((audiences.length > 1 || payload.azp !== undefined) && payload.azp !== expected.clientId) {
    throw new LaunchProblem("bad-azp", 401, { clientId: expected.clientId });
  }
  if (payload.nonce !== expected.nonce) throw new LaunchProblem("bad-nonce", 401);
  const version = payload[`${CLAIM}version`];
  if (version !== LTI_VERSION) throw new LaunchProblem("bad-version", 400, { version: String(version ?? "") });
  const messageType = payload[`${CLAIM}message_type`];
  if (!MESSAGE_TYPES.includes(messageType as MessageType)) throw new LaunchProblem("bad-message-type", 400, { messageType: String(messageType ?? "") });
  const deploymentId = payload[`${CLAIM}deployment_id`];
  if (typeof deploymentId === "string" && !expected.deploymentIds.includes(deploymentId)) {
    throw new LaunchProblem("unknown-deployment", 403, { deploymentId });
  }

  const parsed = LaunchClaims.safeParse(payload);
  if (!parsed.success) throw new LaunchProblem("bad-claim", 400, { claim: String(parsed.error.issues[0]?.path[0] ?? "") });
  const claims = parsed.data;
  const type = messageType as MessageType;
  const resourceLink = claims[`${CLAIM}resource_link`];
  const settings = claims[`${DL_CLAIM}deep_linking_settings`];
  if (type === "LtiResourceLinkRequest" && !resourceLink) throw new LaunchProblem("bad-claim", 400, { claim: `${CLAIM}resource_link` });
  if (type === "LtiDeepLinkingRequest" && !settings) throw new LaunchProblem("bad-claim", 400, { claim: `${DL_CLAIM}deep_linking_settings` });

  const name = claims.name?.trim() || [claims.given_name, claims.family_name].filter(Boolean).join(" ").trim() || null;
  const scenario = claims[`${CLAIM}custom`]?.scenario_id;
  // Platforms send custom values as strings (Moodle, Canvas) or, from JSON settings, as numbers.
  const pathway = String(claims[`${CLAIM}custom`]?.pathway_id ?? "");
  const context = claims[`${CLAIM}context`];
  const ags = claims[AGS_CLAIM];
  return {
    subject: claims.sub,
    nonce: claims.nonce,
    name,
    email: claims.email ?? null,
    messageType: type,
    deploymentId: claims[`${CLAIM}deployment_id`],
    roles: claims[`${CLAIM}roles`],
    resourceLink: resourceLink ? { id: resourceLink.id, title: resourceLink.title ?? null } : null,
    context: context ? { id: context.id, title: context.title ?? context.label ?? null } : null,
    scenarioId: typeof scenario === "string" && scenario.length <= 100 && SCENARIO_ID.test(scenario) ? scenario : null,
    pathwayId: /^[1-9]\d{0,14}$/.test(pathway) ? Number(pathway) : null,
    // A service address Frontline would not send a token to is treated as absent: the launch works, no grade is sent.
    ags: ags ? { scopes: ags.scope, lineItemUrl: serviceAddressOrNull(ags.lineitem), lineItemsUrl: serviceAddressOrNull(ags.lineitems) } : null,
    deepLinking: settings ? { returnUrl: settings.deep_link_return_url, acceptTypes: settings.accept_types, data: settings.data ?? null } : null,
  };
}
