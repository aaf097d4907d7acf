/**
 * A strict fake LTI 1.3 platform for tests: its own RS256 keys (jose), a JWKS, an OIDC authorization endpoint that
 * answers Frontline's login with an auto-posted id_token, a deep-linking return endpoint and a token endpoint that check
 * Frontline's signatures against Frontline's JWKS, and line items with a scores endpoint that records what it gets.
 * It listens on 127.0.0.1 while tests reach Frontline as localhost: another site, as a real platform is.
 */
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWK, type JWTPayload } from "jose";

const CLAIM = "https://purl.imsglobal.org/spec/lti/claim/";
export const LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
export const INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

export type LaunchPlan = {
  sub: string;
  name?: string;
  email?: string;
  roles?: string[];
  messageType?: "LtiResourceLinkRequest" | "LtiDeepLinkingRequest";
  context?: { id: string; title: string };
  resourceLinkId?: string;
  custom?: Record<string, string>;
  /** Changes the claims after they are made (a wrong audience, an old token, …). */
  mutate?: (claims: JWTPayload) => void;
  /** Signs with a key the JWKS does not publish under this kid's real key. */
  forgeSignature?: boolean;
  /** Posts this state instead of the one Frontline sent. */
  state?: string;
};

type Recorded = { path: string; body: unknown; headers: http.IncomingHttpHeaders };

export type FakePlatform = {
  origin: string;
  issuer: string;
  clientId: string;
  deploymentId: string;
  authUrl: string;
  tokenUrl: string;
  jwksUrl: string;
  /** The page a test opens to launch: it starts third-party login at Frontline (a form POST, like Moodle). */
  launchPage(plan: LaunchPlan): string;
  /** A course page that frames the launch, as a platform embedding the tool does. */
  framedLaunchPage(plan: LaunchPlan): string;
  /** A page that posts an earlier launch's id_token and state to Frontline again, as an attacker replaying it would. */
  replayPage(index: number): string;
  /** An id_token for the plan, signed now (for unit tests that post it themselves). */
  idToken(plan: LaunchPlan, nonce: string): Promise<string>;
  /** Every id_token+state form the auth endpoint posted, in order. */
  posted: { idToken: string; state: string }[];
  /** Deep linking answers Frontline posted back, verified. */
  deepLinkResponses: JWTPayload[];
  /** Scores, token requests and line item requests, as received. */
  received: Recorded[];
  /** Scores the scores endpoint accepted, in the order they came. */
  scores: { lineItem: string; score: Record<string, unknown> }[];
  /** Problems the fake found in what Frontline sent (a test expects this empty). */
  refusals: string[];
  /** Line items that answer 404 (deleted from the course) while listed here. */
  goneLineItems: Set<string>;
  /** While down, the token and line item endpoints answer 503, as a platform in maintenance does. */
  setDown(down: boolean): void;
  close(): Promise<void>;
};

function html(res: http.ServerResponse, status: number, body: string) {
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8" });
  res.end(`<!doctype html><html><head><meta charset="utf-8"><title>Fake platform</title></head><body>${body}</body></html>`);
}

function json(res: http.ServerResponse, status: number, body: unknown, type = "application/json") {
  res.writeHead(status, { "Content-Type": type });
  res.end(JSON.stringify(body));
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function autoPost(action: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join("");
  return `<form id="f" method="post" action="${escape(action)}">${inputs}<button type="submit">Continue</button></form><script>document.getElementById("f").submit()</script>`;
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFakePlatform({ toolOrigin, clientId = "frontline-client", deploymentId = "deployment-1" }: { toolOrigin: string; clientId?: string; deploymentId?: string }): Promise<FakePlatform> {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const forger = await generateKeyPair("RS256");
  const kid = randomBytes(8).toString("hex");
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  const toolKeys = createRemoteJWKSet(new URL(`${toolOrigin}/lti/jwks`), { cooldownDuration: 0 });
  const plans = new Map<string, LaunchPlan>();
  const seenJti = new Set<string>();
  const state = { posted: [] as FakePlatform["posted"], deepLinkResponses: [] as JWTPayload[], received: [] as Recorded[], scores: [] as FakePlatform["scores"], refusals: [] as string[] };
  // Access tokens this platform issued, with the scopes granted.
  const tokens = new Map<string, string[]>();
  let down = false;
  const goneLineItems = new Set<string>();

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = origin;

  async function idToken(plan: LaunchPlan, nonce: string): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const messageType = plan.messageType ?? "LtiResourceLinkRequest";
    const claims: JWTPayload = {
      iss: issuer,
      aud: clientId,
      sub: plan.sub,
      iat: now,
      exp: now + 300,
      nonce,
      name: plan.name,
      email: plan.email,
      [`${CLAIM}message_type`]: messageType,
      [`${CLAIM}version`]: "1.3.0",
      [`${CLAIM}deployment_id`]: deploymentId,
      [`${CLAIM}target_link_uri`]: `${toolOrigin}/lti/launch`,
      [`${CLAIM}roles`]: plan.roles ?? [LEARNER],
      [`${CLAIM}context`]: plan.context ?? { id: "course-1", title: "Customer care 101" },
      [`${CLAIM}custom`]: plan.custom ?? {},
      "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint": {
        scope: ["https://purl.imsglobal.org/spec/lti-ags/scope/lineitem", "https://purl.imsglobal.org/spec/lti-ags/scope/score"],
        lineitems: `${origin}/lineitems`,
        lineitem: `${origin}/lineitems/${plan.resourceLinkId ?? "link-1"}`,
      },
    };
    if (messageType === "LtiResourceLinkRequest") claims[`${CLAIM}resource_link`] = { id: plan.resourceLinkId ?? "link-1", title: "Practice" };
    else claims["https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"] = { deep_link_return_url: `${origin}/deep-link-return`, accept_types: ["ltiResourceLink"], data: "opaque-data" };
    plan.mutate?.(claims);
    return new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid, typ: "JWT" }).sign(plan.forgeSignature ? (forger.privateKey as CryptoKey) : privateKey);
  }

  async function verifyToolJwt(token: string, audience: string): Promise<JWTPayload | null> {
    try {
      const { payload } = await jwtVerify(token, toolKeys, { issuer: clientId, audience, algorithms: ["RS256"] });
      if (typeof payload.jti === "string") {
        if (seenJti.has(payload.jti)) throw new Error("jti replayed");
        seenJti.add(payload.jti);
      }
      return payload;
    } catch (error) {
      state.refusals.push(error instanceof Error ? error.message : String(error));
      return null;
    }
  }

  server.on("request", (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", origin);
      const raw = req.method === "POST" ? await readBody(req) : "";
      const form = req.method === "POST" ? new URLSearchParams(raw) : url.searchParams;
      if (down && (url.pathname === "/token" || url.pathname.startsWith("/lineitems"))) return json(res, 503, { error: "maintenance" });
      if (url.pathname === "/jwks") return json(res, 200, { keys: [jwk] });
      if (url.pathname === "/start") {
        const hint = url.searchParams.get("hint") ?? "";
        return html(res, 200, autoPost(`${toolOrigin}/lti/login`, { iss: issuer, login_hint: hint, target_link_uri: `${toolOrigin}/lti/launch`, lti_message_hint: `m-${hint}`, client_id: clientId, lti_deployment_id: deploymentId }));
      }
      if (url.pathname === "/replay") {
        const earlier = state.posted[Number(url.searchParams.get("i"))];
        if (!earlier) return html(res, 404, "<p>No such launch</p>");
        return html(res, 200, autoPost(`${toolOrigin}/lti/launch`, { id_token: earlier.idToken, state: earlier.state }));
      }
      if (url.pathname === "/course") {
        const hint = url.searchParams.get("hint") ?? "";
        return html(res, 200, `<h1>Course page</h1><iframe title="Frontline" name="tool" width="900" height="600" src="${escape(`${origin}/start?hint=${encodeURIComponent(hint)}`)}"></iframe>`);
      }
      if (url.pathname === "/auth") {
        const plan = plans.get(form.get("login_hint") ?? "");
        const problems = [
          form.get("scope") !== "openid" && "scope",
          form.get("response_type") !== "id_token" && "response_type",
          form.get("response_mode") !== "form_post" && "response_mode",
          form.get("prompt") !== "none" && "prompt",
          form.get("client_id") !== clientId && "client_id",
          form.get("redirect_uri") !== `${toolOrigin}/lti/launch` && "redirect_uri",
          !form.get("nonce") && "nonce",
          !form.get("state") && "state",
          !plan && "login_hint",
          plan && form.get("lti_message_hint") !== `m-${form.get("login_hint")}` && "lti_message_hint",
        ].filter(Boolean);
        if (problems.length > 0 || !plan) {
          state.refusals.push(`auth: ${problems.join(", ")}`);
          return html(res, 400, `<p>Bad authentication request: ${escape(problems.join(", "))}</p>`);
        }
        const token = await idToken(plan, form.get("nonce")!);
        const postedState = plan.state ?? form.get("state")!;
        state.posted.push({ idToken: token, state: postedState });
        return html(res, 200, autoPost(form.get("redirect_uri")!, { id_token: token, state: postedState }));
      }
      if (url.pathname === "/deep-link-return" && req.method === "POST") {
        const payload = await verifyToolJwt(form.get("JWT") ?? "", issuer);
        if (!payload) return html(res, 400, "<p>Refused deep linking response</p>");
        state.deepLinkResponses.push(payload);
        return html(res, 200, "<h1>Content added to the course</h1>");
      }
      if (url.pathname === "/token" && req.method === "POST") {
        const ok = form.get("grant_type") === "client_credentials" && form.get("client_assertion_type") === "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
        const assertion = ok ? await verifyToolJwt(form.get("client_assertion") ?? "", `${origin}/token`) : null;
        state.received.push({ path: url.pathname, body: Object.fromEntries(form), headers: req.headers });
        if (!assertion) return json(res, 400, { error: "invalid_client" });
        const token = `at-${randomUUID()}`;
        tokens.set(token, (form.get("scope") ?? "").split(" ").filter(Boolean));
        return json(res, 200, { access_token: token, token_type: "Bearer", expires_in: 3600, scope: form.get("scope") ?? "" });
      }
      if (url.pathname.startsWith("/lineitems")) {
        state.received.push({ path: url.pathname, body: raw ? (JSON.parse(raw) as unknown) : null, headers: req.headers });
        const scores = /^\/lineitems\/([^/]+)\/scores$/.exec(url.pathname);
        if (!scores || req.method !== "POST") return json(res, 404, { error: "only the scores endpoint is served" });
        if (goneLineItems.has(decodeURIComponent(scores[1]!))) return json(res, 404, { error: "no such line item" });
        // Strict, as AGS asks: a token from this platform's token endpoint with the score scope, the score media type,
        // and a score a gradebook can take.
        const granted = tokens.get((req.headers.authorization ?? "").replace(/^Bearer /, ""));
        if (!granted?.includes("https://purl.imsglobal.org/spec/lti-ags/scope/score")) {
          state.refusals.push(`score without a valid token: ${req.headers.authorization ?? "none"}`);
          return json(res, 401, { error: "invalid_token" });
        }
        const score = JSON.parse(raw) as Record<string, unknown>;
        const problems = [
          req.headers["content-type"] !== "application/vnd.ims.lis.v1.score+json" && `content type ${req.headers["content-type"]}`,
          typeof score.userId !== "string" && "userId",
          (typeof score.scoreGiven !== "number" || score.scoreGiven < 0 || score.scoreGiven > Number(score.scoreMaximum)) && "scoreGiven",
          typeof score.timestamp !== "string" && "timestamp",
          !["Initialized", "Started", "InProgress", "Submitted", "Completed"].includes(String(score.activityProgress)) && "activityProgress",
          !["FullyGraded", "Pending", "PendingManual", "Failed", "NotReady"].includes(String(score.gradingProgress)) && "gradingProgress",
        ].filter(Boolean);
        if (problems.length > 0) {
          state.refusals.push(`bad score: ${problems.join(", ")}`);
          return json(res, 400, { error: problems.join(", ") });
        }
        state.scores.push({ lineItem: decodeURIComponent(scores[1]!), score });
        res.writeHead(204).end();
        return;
      }
      res.writeHead(404).end();
    })().catch((error: unknown) => {
      state.refusals.push(`crash: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  function plan(planned: LaunchPlan): string {
    const hint = randomBytes(8).toString("hex");
    plans.set(hint, planned);
    return hint;
  }

  return {
    origin,
    issuer,
    clientId,
    deploymentId,
    authUrl: `${origin}/auth`,
    tokenUrl: `${origin}/token`,
    jwksUrl: `${origin}/jwks`,
    launchPage: (planned) => `${origin}/start?hint=${plan(planned)}`,
    replayPage: (index) => `${origin}/replay?i=${index}`,
    framedLaunchPage: (planned) => `${origin}/course?hint=${plan(planned)}`,
    idToken,
    ...state,
    goneLineItems,
    setDown: (value) => {
      down = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
