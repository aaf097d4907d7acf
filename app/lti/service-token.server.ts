import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import * as z from "zod";
import { findPlatformById } from "~/models/lti-platform.server";
import { SIGNING_ALG, signingKey } from "./keys.server";

/**
 * An OAuth 2 access token for the platform's services (AGS line items and scores), by the client-credentials grant
 * with a signed JWT assertion (RFC 7523, as LTI's security framework asks). Tokens are kept in memory until a minute
 * before they expire. Grade passback (score-delivery.server.ts) calls this.
 */

export const AGS_SCOPES = {
  lineItem: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
  score: "https://purl.imsglobal.org/spec/lti-ags/scope/score",
} as const;

export class ServiceTokenError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = "ServiceTokenError";
  }
}

const TokenAnswer = z.object({ access_token: z.string().min(1), token_type: z.string(), expires_in: z.coerce.number().positive().optional(), scope: z.string().optional() });

const cache = new Map<string, { token: string; expiresAt: number }>();
const EARLY_MS = 60_000;
const TIMEOUT_MS = 10_000;

const cacheKey = (platformId: number, scopes: readonly string[]) => `${platformId} ${[...scopes].sort().join(" ")}`;

/** Drops a held token the platform no longer accepts (it answered 401), so the next call asks for a new one. */
export function forgetServiceToken(platformId: number, scopes: readonly string[]): void {
  cache.delete(cacheKey(platformId, scopes));
}

export async function serviceToken(platformId: number, scopes: readonly string[], now: Date = new Date()): Promise<string> {
  const key = cacheKey(platformId, scopes);
  const held = cache.get(key);
  if (held && held.expiresAt - EARLY_MS > now.getTime()) return held.token;

  const platform = await findPlatformById(platformId);
  if (!platform) throw new ServiceTokenError(`No platform ${platformId}.`, null);
  const { kid, key: privateKey } = await signingKey();
  const seconds = Math.floor(now.getTime() / 1000);
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: SIGNING_ALG, kid, typ: "JWT" })
    .setIssuer(platform.clientId)
    .setSubject(platform.clientId)
    .setAudience(platform.tokenUrl)
    .setIssuedAt(seconds)
    .setExpirationTime(seconds + 5 * 60)
    .setJti(randomBytes(16).toString("base64url"))
    .sign(privateKey);
  const body = new URLSearchParams({
    grant_type: "client_credentials",
    client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    client_assertion: assertion,
    scope: scopes.join(" "),
  });
  let response: Response;
  try {
    response = await fetch(platform.tokenUrl, { method: "POST", body, headers: { Accept: "application/json" }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new ServiceTokenError(`The platform's token endpoint ${platform.tokenUrl} did not answer: ${error instanceof Error ? error.message : String(error)}`, null);
  }
  const text = await response.text();
  if (!response.ok) throw new ServiceTokenError(`The platform refused the token request (${response.status}): ${text.slice(0, 200)}`, response.status);
  let parsed: z.infer<typeof TokenAnswer>;
  try {
    parsed = TokenAnswer.parse(JSON.parse(text));
  } catch {
    throw new ServiceTokenError(`The platform's token answer is not an OAuth 2 token: ${text.slice(0, 200)}`, response.status);
  }
  cache.set(key, { token: parsed.access_token, expiresAt: now.getTime() + (parsed.expires_in ?? 3600) * 1000 });
  return parsed.access_token;
}
