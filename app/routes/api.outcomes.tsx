import { json, type ActionFunctionArgs } from "@remix-run/node";
import { pushOutcomes, readPushOptions } from "~/outcomes/api-push.server";
import { readJsonBody, takeApiRequest } from "~/outcomes/api-request.server";
import { authenticateToken, type TokenRefusal } from "~/outcomes/api-tokens.server";

/**
 * POST /api/outcomes: a helpdesk integration pushes outcomes with an organisation token
 * (content/outcomes-api.md is the contract). Errors are always `{ error: { code, message } }`.
 *
 * No session, cookie or CSRF token is involved: the bearer token is the only credential, so a
 * browser on another site cannot borrow a signed-in admin's cookie to push here. The server's
 * cross-origin refusal (app/server/security.ts) answers 403 to a write whose Origin is another
 * site's; API clients (curl, a helpdesk's webhook) send no Origin and pass, which is what we want.
 */

const ALLOW = "POST";

function apiError(status: number, code: string, message: string, headers: Record<string, string> = {}) {
  return json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

const methodNotAllowed = () => apiError(405, "method_not_allowed", "Send outcomes with POST and a JSON array as the body.", { Allow: ALLOW });

const TOKEN_PROBLEMS: Record<TokenRefusal, string> = {
  missing: 'Send your token in an "Authorization: Bearer <token>" header.',
  malformed: 'The Authorization header must be "Bearer " followed by a Frontline API token (it starts with fl_).',
  unknown: "This token is not one Frontline issued. Check that it was copied whole, or ask an admin for a new one.",
  revoked: "This token has been revoked by an admin. Ask an admin for a new one.",
};

function tokenRefused(reason: TokenRefusal) {
  // RFC 6750: a request without credentials gets the bare challenge; a bad token also says why.
  const challenge = reason === "missing" ? 'Bearer realm="frontline"' : `Bearer realm="frontline", error="invalid_token", error_description="token ${reason}"`;
  return apiError(401, `token_${reason}`, TOKEN_PROBLEMS[reason], { "WWW-Authenticate": challenge });
}

export function loader() {
  return methodNotAllowed();
}

async function push(request: Request) {
  const auth = await authenticateToken(request.headers.get("authorization"));
  if (!auth.ok) return tokenRefused(auth.reason);

  const rate = await takeApiRequest(auth.token.id);
  if (!rate.ok) {
    return apiError(429, "rate_limited", `Too many requests with this token; try again in ${rate.retryAfterSeconds} s.`, { "Retry-After": String(rate.retryAfterSeconds) });
  }

  const options = readPushOptions(new URL(request.url).searchParams);
  if (!options.ok) return apiError(400, "invalid_query", options.message);
  const body = await readJsonBody(request);
  // After a 413 the rest of the body is left unread, so the connection cannot carry another request.
  if (!body.ok) return apiError(body.problem.status, body.problem.code, body.problem.message, body.problem.status === 413 ? { Connection: "close" } : {});
  const pushed = await pushOutcomes(body.value, options.options, auth.token.id);
  if (!pushed.ok) return apiError(400, "invalid_body", pushed.message);
  return json(pushed.answer, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed();
  try {
    return await push(request);
  } catch (error) {
    // Never a stack trace in an answer. A push may be repeated safely: stored outcomes come back "unchanged".
    console.error(error);
    return apiError(500, "server_error", "The outcomes could not be stored because of an error on our side. Try again later; repeating a push never duplicates outcomes.");
  }
}
