import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "#db/test-database";
import { startFakePlatform, type FakePlatform, type LaunchPlan } from "../../e2e/fakes/lti-platform";
import { insertLaunchState } from "~/models/lti-launch-state.server";
import { insertPlatform } from "~/models/lti-platform.server";
import { CLAIM, LaunchProblem } from "./claims";
import { verifyLaunch } from "./verify.server";

let platform: FakePlatform;
let platformId = 0;
let counter = 0;

beforeAll(async () => {
  await useFreshDatabase();
  platform = await startFakePlatform({ toolOrigin: "http://localhost:9" });
  platformId = await insertPlatform({
    name: "Fake",
    issuer: platform.issuer,
    clientId: platform.clientId,
    authUrl: platform.authUrl,
    tokenUrl: platform.tokenUrl,
    jwksUrl: platform.jwksUrl,
    mapAdministrators: false,
    deploymentIds: [platform.deploymentId],
  });
});
afterAll(() => platform.close());

/** A fresh login (state and nonce as Frontline stores them) and the platform's answer to it. */
async function launch(plan: Partial<LaunchPlan> = {}, { expiresIn = 600_000 } = {}) {
  counter += 1;
  const state = `state-${counter}`;
  const nonce = `nonce-${counter}`;
  await insertLaunchState({ state, nonce, platformId, expiresAt: new Date(Date.now() + expiresIn) });
  return { state, idToken: await platform.idToken({ sub: "learner-1", ...plan }, nonce) };
}

async function problemOf(promise: Promise<unknown>): Promise<{ code: string; status: number }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LaunchProblem) return { code: error.code, status: error.status };
    throw error;
  }
  throw new Error("the launch was accepted");
}

const now = () => Math.floor(Date.now() / 1000);

describe("verifyLaunch", () => {
  it("accepts a good launch and reads its claims", async () => {
    const { platform: found, launch: claims } = await verifyLaunch(await launch({ name: "Lee Learner", email: "lee@example.test", custom: { scenario_id: "parcel-third-call" } }));
    expect(found.id).toBe(platformId);
    expect(claims).toMatchObject({
      subject: "learner-1",
      name: "Lee Learner",
      email: "lee@example.test",
      messageType: "LtiResourceLinkRequest",
      deploymentId: platform.deploymentId,
      resourceLink: { id: "link-1" },
      context: { id: "course-1", title: "Customer care 101" },
      scenarioId: "parcel-third-call",
      ags: { lineItemUrl: `${platform.origin}/lineitems/link-1` },
    });
  });

  it("reads a pathway link's custom parameter, and keeps no grade address Frontline would not send a token to", async () => {
    const { launch: claims } = await verifyLaunch(
      await launch({
        custom: { pathway_id: "12" },
        mutate: (c) => {
          c["https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"] = { scope: [], lineitem: "http://lms.example.test/lineitems/1", lineitems: "file:///etc/passwd" };
        },
      }),
    );
    expect(claims).toMatchObject({ scenarioId: null, pathwayId: 12, ags: { lineItemUrl: null, lineItemsUrl: null } });
    const odd = await verifyLaunch(await launch({ custom: { pathway_id: "12; drop" } }));
    expect(odd.launch.pathwayId).toBeNull();
  });

  it("takes an audience array when azp names Frontline, and refuses one without azp or with another azp", async () => {
    const both = (claims: Record<string, unknown>) => (claims.aud = [platform.clientId, "another-tool"]);
    await expect(verifyLaunch(await launch({ mutate: (c) => (both(c), (c.azp = platform.clientId)) }))).resolves.toBeTruthy();
    expect(await problemOf(verifyLaunch(await launch({ mutate: both })))).toEqual({ code: "bad-azp", status: 401 });
    expect(await problemOf(verifyLaunch(await launch({ mutate: (c) => (c.azp = "another-tool") })))).toEqual({ code: "bad-azp", status: 401 });
  });

  it("refuses a token whose signature does not match the platform's keys", async () => {
    expect(await problemOf(verifyLaunch(await launch({ forgeSignature: true })))).toEqual({ code: "bad-signature", status: 401 });
  });

  it("refuses a token changed after signing", async () => {
    const good = await launch();
    const [header, payload, signature] = good.idToken.split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString()) as Record<string, unknown>;
    claims.sub = "someone-else";
    const tampered = [header, Buffer.from(JSON.stringify(claims)).toString("base64url"), signature].join(".");
    expect(await problemOf(verifyLaunch({ state: good.state, idToken: tampered }))).toEqual({ code: "bad-signature", status: 401 });
  });

  it("refuses an unknown issuer, a token for another client and something that is not a JWT", async () => {
    expect(await problemOf(verifyLaunch(await launch({ mutate: (c) => (c.iss = "https://unknown.example") })))).toEqual({ code: "unknown-issuer", status: 403 });
    expect(await problemOf(verifyLaunch(await launch({ mutate: (c) => (c.aud = "another-tool") })))).toEqual({ code: "bad-audience", status: 401 });
    expect(await problemOf(verifyLaunch({ state: "x", idToken: "not.a.token" }))).toEqual({ code: "not-a-token", status: 400 });
  });

  it("refuses an expired token, one issued in the future and one issued too long ago", async () => {
    expect(await problemOf(verifyLaunch(await launch({ mutate: (c) => ((c.iat = now() - 600), (c.exp = now() - 300)) })))).toEqual({ code: "expired", status: 401 });
    expect(await problemOf(verifyLaunch(await launch({ mutate: (c) => ((c.iat = now() + 600), (c.exp = now() + 900)) })))).toEqual({ code: "bad-iat", status: 401 });
    expect(await problemOf(verifyLaunch(await launch({ mutate: (c) => ((c.iat = now() - 3600), (c.exp = now() + 600)) })))).toEqual({ code: "bad-iat", status: 401 });
  });

  it("uses a state once, and refuses an unknown or expired one and a nonce that is not the state's", async () => {
    const good = await launch();
    await verifyLaunch(good);
    expect(await problemOf(verifyLaunch(good))).toEqual({ code: "state-used", status: 401 });
    expect(await problemOf(verifyLaunch({ ...(await launch()), state: "never-issued" }))).toEqual({ code: "state-unknown", status: 401 });
    expect(await problemOf(verifyLaunch(await launch({}, { expiresIn: -1000 })))).toEqual({ code: "state-expired", status: 401 });
    expect(await problemOf(verifyLaunch(await launch({ mutate: (c) => (c.nonce = "another-nonce") })))).toEqual({ code: "bad-nonce", status: 401 });
  });

  it("refuses an unregistered deployment, another message type or version, and a launch without its resource link", async () => {
    expect(await problemOf(verifyLaunch(await launch({ mutate: (c) => (c[`${CLAIM}deployment_id`] = "other") })))).toEqual({ code: "unknown-deployment", status: 403 });
    expect(await problemOf(verifyLaunch(await launch({ mutate: (c) => (c[`${CLAIM}message_type`] = "LtiSubmissionReviewRequest") })))).toEqual({ code: "bad-message-type", status: 400 });
    expect(await problemOf(verifyLaunch(await launch({ mutate: (c) => (c[`${CLAIM}version`] = "1.1") })))).toEqual({ code: "bad-version", status: 400 });
    expect(await problemOf(verifyLaunch(await launch({ mutate: (c) => delete c[`${CLAIM}resource_link`] })))).toEqual({ code: "bad-claim", status: 400 });
    expect(await problemOf(verifyLaunch(await launch({ mutate: (c) => (c[`${CLAIM}roles`] = "Learner") })))).toEqual({ code: "bad-claim", status: 400 });
  });

  it("reads a deep linking request's settings", async () => {
    const { launch: claims } = await verifyLaunch(await launch({ messageType: "LtiDeepLinkingRequest" }));
    expect(claims.deepLinking).toEqual({ returnUrl: `${platform.origin}/deep-link-return`, acceptTypes: ["ltiResourceLink"], data: "opaque-data" });
  });
});
