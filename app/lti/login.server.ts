import { randomBytes } from "node:crypto";
import * as z from "zod";
import { insertLaunchState } from "~/models/lti-launch-state.server";
import { findPlatformsByIssuer } from "~/models/lti-platform.server";
import { LaunchProblem } from "./claims";
import { STATE_MINUTES } from "./verify.server";

/** Third-party initiated login (OIDC), by GET or POST: the platform names itself and Frontline sends the browser back with a state and nonce. */

const Params = z.object({
  iss: z.string().min(1).max(2048),
  login_hint: z.string().min(1).max(4096),
  target_link_uri: z.string().url().max(2048),
  lti_message_hint: z.string().max(4096).optional(),
  client_id: z.string().min(1).max(255).optional(),
  lti_deployment_id: z.string().min(1).max(255).optional(),
});

export const launchUrl = (origin: string) => `${origin}/lti/launch`;

/** Returns the address of the platform's authorization endpoint to redirect to. */
export async function initiateLogin(params: URLSearchParams, origin: string): Promise<string> {
  const parsed = Params.safeParse(Object.fromEntries(params));
  if (!parsed.success) {
    const name = String(parsed.error.issues[0]?.path[0] ?? "iss");
    throw params.get(name) ? new LaunchProblem("bad-login-url", 400, { name }) : new LaunchProblem("missing-parameter", 400, { name });
  }
  const login = parsed.data;
  const registrations = await findPlatformsByIssuer(login.iss);
  if (registrations.length === 0) throw new LaunchProblem("unknown-issuer", 403, { issuer: login.iss });
  // With several registrations of one issuer the platform must say which client it launches; with one, it may omit it.
  const platform = login.client_id ? registrations.find((candidate) => candidate.clientId === login.client_id) : registrations.length === 1 ? registrations[0] : undefined;
  if (!platform) throw new LaunchProblem("unknown-client", 403, { issuer: login.iss, clientId: login.client_id ?? "" });
  if (login.lti_deployment_id && !platform.deploymentIds.includes(login.lti_deployment_id)) {
    throw new LaunchProblem("unknown-deployment", 403, { deploymentId: login.lti_deployment_id });
  }

  const state = randomBytes(32).toString("base64url");
  const nonce = randomBytes(32).toString("base64url");
  await insertLaunchState({ state, nonce, platformId: platform.id, expiresAt: new Date(Date.now() + STATE_MINUTES * 60 * 1000) });
  const auth = new URL(platform.authUrl);
  const query: Record<string, string> = {
    scope: "openid",
    response_type: "id_token",
    response_mode: "form_post",
    prompt: "none",
    client_id: platform.clientId,
    redirect_uri: launchUrl(origin),
    login_hint: login.login_hint,
    state,
    nonce,
  };
  if (login.lti_message_hint) query.lti_message_hint = login.lti_message_hint;
  for (const [name, value] of Object.entries(query)) auth.searchParams.set(name, value);
  return auth.toString();
}
