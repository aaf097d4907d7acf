import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from "jose";
import { claimLaunchState } from "~/models/lti-launch-state.server";
import { findPlatformsByIssuer, type Platform } from "~/models/lti-platform.server";
import { checkLaunchClaims, LaunchProblem, type Launch } from "./claims";
import { SIGNING_ALG } from "./keys.server";

/** How long a login's state and nonce wait for the platform's answer. */
export const STATE_MINUTES = 10;
/** An id_token older than this (by iat) is refused even before it expires: launches are seconds apart from login. */
const MAX_TOKEN_AGE = "10 minutes";
/** Platforms' clocks drift a little. */
const CLOCK_TOLERANCE_SECONDS = 60;

// One key set per JWKS address, shared by every launch: jose keeps the keys for cacheMaxAge and refetches at most once
// per cooldown when a token names a key it has not seen (a platform that rotated).
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
function platformKeys(jwksUrl: string) {
  let keys = keySets.get(jwksUrl);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(jwksUrl), { cacheMaxAge: 10 * 60 * 1000, cooldownDuration: 30 * 1000, timeoutDuration: 5000 });
    keySets.set(jwksUrl, keys);
  }
  return keys;
}

/** Reads iss and aud before the signature is checked, only to find the registration whose keys check it. */
function unverifiedClaims(idToken: string): { payload: JWTPayload; kid: string; alg: string } {
  try {
    const header = decodeProtectedHeader(idToken);
    return { payload: decodeJwt(idToken), kid: header.kid ?? "", alg: header.alg ?? "" };
  } catch {
    throw new LaunchProblem("not-a-token", 400);
  }
}

function registrationFor(platforms: Platform[], payload: JWTPayload): Platform {
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  const platform = platforms.find((candidate) => audiences.includes(candidate.clientId));
  if (!platform) throw new LaunchProblem("bad-audience", 401, { clientId: platforms.map((candidate) => candidate.clientId).join(", ") });
  return platform;
}

/** jose's refusals, named for a person. */
function problemFrom(error: unknown, platform: Platform, { kid, alg }: { kid: string; alg: string }): LaunchProblem {
  if (error instanceof LaunchProblem) return error;
  if (error instanceof errors.JWSSignatureVerificationFailed) return new LaunchProblem("bad-signature", 401);
  if (error instanceof errors.JWKSNoMatchingKey) return new LaunchProblem("unknown-key", 401, { kid });
  if (error instanceof errors.JOSEAlgNotAllowed) return new LaunchProblem("bad-algorithm", 401, { alg: alg || "none" });
  // jose reports a token older than maxTokenAge as expired too, naming iat.
  if (error instanceof errors.JWTExpired) return error.claim === "iat" ? new LaunchProblem("bad-iat", 401) : new LaunchProblem("expired", 401);
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "iss") return new LaunchProblem("bad-issuer", 401);
    if (error.claim === "aud") return new LaunchProblem("bad-audience", 401, { clientId: platform.clientId });
    if (error.claim === "iat" || error.claim === "nbf") return new LaunchProblem("bad-iat", 401);
    return new LaunchProblem("bad-claim", 400, { claim: error.claim });
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return new LaunchProblem("not-a-token", 400);
  // The key set could not be fetched or read: the platform's side, not the person's.
  return new LaunchProblem("keys-unreachable", 502, { url: platform.jwksUrl });
}

/**
 * Verifies a launch (the id_token and state the platform posted) and returns the platform and the launch's claims.
 * The state is claimed first and once: a refused launch still uses it up, so a replay is refused as one.
 */
export async function verifyLaunch({ idToken, state }: { idToken: string; state: string }, now: Date = new Date()): Promise<{ platform: Platform; launch: Launch }> {
  const { payload, ...header } = unverifiedClaims(idToken);
  const issuer = typeof payload.iss === "string" ? payload.iss : "";
  const platforms = issuer ? await findPlatformsByIssuer(issuer) : [];
  if (platforms.length === 0) throw new LaunchProblem("unknown-issuer", 403, { issuer });

  const claimed = await claimLaunchState(state, now);
  if (claimed.status === "unknown") throw new LaunchProblem("state-unknown", 401);
  if (claimed.status === "used") throw new LaunchProblem("state-used", 401);
  if (claimed.status === "expired") throw new LaunchProblem("state-expired", 401);
  const platform = registrationFor(platforms, payload);
  if (platform.id !== claimed.platformId) throw new LaunchProblem("state-platform", 401);

  try {
    const { payload: verified } = await jwtVerify(idToken, platformKeys(platform.jwksUrl), {
      issuer: platform.issuer,
      audience: platform.clientId,
      algorithms: [SIGNING_ALG],
      requiredClaims: ["iat", "exp", "nonce", "sub"],
      maxTokenAge: MAX_TOKEN_AGE,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: now,
    });
    return { platform, launch: checkLaunchClaims(verified, { clientId: platform.clientId, nonce: claimed.nonce, deploymentIds: platform.deploymentIds }) };
  } catch (error) {
    throw problemFrom(error, platform, header);
  }
}
