// LTI 1.3 launches from a strict fake platform on 127.0.0.1 into Frontline reached as localhost: another site, as a
// real platform is. The admin registers the platform on the "Learning platforms" page first.
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { INSTRUCTOR, startFakePlatform, type FakePlatform, type LaunchPlan } from "./fakes/lti-platform";
import { launchThrough, registerPlatform, removePlatform, TOOL } from "./lti-support";
import { stateFile } from "./support";

test.describe.configure({ mode: "serial" });

const SCENARIO = "parcel-third-call";
let platform: FakePlatform;

test.beforeAll(async ({ browser }) => {
  platform = await startFakePlatform({ toolOrigin: TOOL, clientId: `client-${Date.now()}` });
  await registerPlatform(browser, platform, `Fake platform ${platform.origin}`);
});

// Removing the platform on its admin page ends its launches (and its place in frame-ancestors).
test.afterAll(async ({ browser }) => {
  await removePlatform(browser, platform);
  const refused = await (await fetch(`${TOOL}/lti/login`, { method: "POST", body: new URLSearchParams({ iss: platform.issuer, login_hint: "x", target_link_uri: `${TOOL}/lti/launch` }) })).text();
  expect(refused).toContain("is not registered in Frontline");
  await platform.close();
});

async function sessionCookie(context: BrowserContext) {
  return (await context.cookies(TOOL)).find((cookie) => cookie.name === "frontline_session");
}

const launch = (page: Page, plan: LaunchPlan) => launchThrough(page, platform, plan);

test("a learner launched from the platform lands signed in on the deep-linked scenario", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const answer = await launch(page, { sub: "learner-1", name: "Lee Launched", custom: { scenario_id: SCENARIO } });
  expect(answer.status()).toBe(303);
  await expect(page).toHaveURL(`${TOOL}/train/scenarios/${SCENARIO}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("Lee Launched")).toBeVisible();
  const cookie = await sessionCookie(context);
  expect(cookie).toMatchObject({ sameSite: "None", secure: true, httpOnly: true });
  expect(platform.refusals).toEqual([]);
  await context.close();
});

test("the same person launching again is the same account, and the link still opens its scenario without the custom parameter", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await launch(page, { sub: "learner-1", name: "Lee Launched" });
  await expect(page).toHaveURL(`${TOOL}/train/scenarios/${SCENARIO}`);
  await page.goto(`${TOOL}/train/progress`);
  await expect(page.getByText("Lee Launched")).toBeVisible();
  await context.close();
});

const refusals: { name: string; plan: LaunchPlan; status: number; message: RegExp }[] = [
  { name: "a tampered id_token", plan: { sub: "learner-2", forgeSignature: true }, status: 401, message: /signature does not match the platform's keys/ },
  { name: "an unknown issuer", plan: { sub: "learner-3", mutate: (claims) => (claims.iss = "https://unknown-lms.example") }, status: 403, message: /not registered in Frontline/ },
  {
    name: "an expired token",
    plan: { sub: "learner-4", mutate: (claims) => ((claims.iat = Math.floor(Date.now() / 1000) - 900), (claims.exp = Math.floor(Date.now() / 1000) - 600)) },
    status: 401,
    message: /launch token has expired/,
  },
];

for (const refusal of refusals) {
  test(`${refusal.name} is refused with a page that names the problem, and no session`, async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const answer = await launch(page, refusal.plan);
    expect(answer.status()).toBe(refusal.status);
    await expect(page.getByRole("heading", { name: "This launch could not sign you in" })).toBeVisible();
    await expect(page.getByText(refusal.message)).toBeVisible();
    expect(answer.headers()["set-cookie"]).toBeUndefined();
    expect(await sessionCookie(context)).toBeUndefined();
    await context.close();
  });
}

test("a replayed launch (its nonce seen before) is refused, and signs no one in", async ({ browser }) => {
  const first = await browser.newContext();
  await launch(await first.newPage(), { sub: "learner-5" });
  expect(await sessionCookie(first)).toBeDefined();
  await first.close();

  const attacker = await browser.newContext();
  const page = await attacker.newPage();
  const answer = page.waitForResponse((response) => response.url() === `${TOOL}/lti/launch`);
  await page.goto(platform.replayPage(platform.posted.length - 1));
  expect((await answer).status()).toBe(401);
  await expect(page.getByText(/already used: each launch works once/)).toBeVisible();
  expect(await sessionCookie(attacker)).toBeUndefined();
  await attacker.close();
});

test("an instructor picks a scenario and the platform receives a signed resource link with a line item", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await launch(page, { sub: "teacher-1", name: "Tess Teacher", roles: [INSTRUCTOR], messageType: "LtiDeepLinkingRequest" });
  await expect(page.getByRole("heading", { name: "Choose what this link opens" })).toBeVisible();
  const row = page.getByRole("listitem").filter({ has: page.locator(`input[value="scenario:${SCENARIO}"]`) });
  await row.getByRole("button").click();
  await expect(page.getByRole("heading", { name: "Content added to the course" })).toBeVisible();
  expect(platform.refusals).toEqual([]);
  const [response] = platform.deepLinkResponses;
  expect(response).toMatchObject({
    iss: platform.clientId,
    aud: platform.issuer,
    "https://purl.imsglobal.org/spec/lti/claim/message_type": "LtiDeepLinkingResponse",
    "https://purl.imsglobal.org/spec/lti/claim/deployment_id": platform.deploymentId,
    "https://purl.imsglobal.org/spec/lti-dl/claim/data": "opaque-data",
  });
  const items = response!["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"] as Record<string, unknown>[];
  expect(items).toEqual([expect.objectContaining({ type: "ltiResourceLink", url: `${TOOL}/lti/launch`, custom: { scenario_id: SCENARIO }, lineItem: expect.objectContaining({ scoreMaximum: 100 }) })]);
  await context.close();
});

// Measured: this Chromium blocks third-party cookies and storage in the platform's frame, so the launch's SameSite=None
// cookie never comes back there. The frame then offers a new window, where a one-time handoff signs the person in.
test("inside the platform's frame, a browser that blocks third-party cookies is offered a new window that signs in", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(platform.framedLaunchPage({ sub: "learner-6", name: "Fran Framed", custom: { scenario_id: SCENARIO } }));
  const frame = page.frameLocator("iframe[name=tool]");
  const open = frame.getByRole("link", { name: "Open Frontline in a new window" });
  await expect(open).toBeVisible();
  const href = new URL((await open.getAttribute("href")) ?? "", TOOL).toString();
  const [popup] = await Promise.all([context.waitForEvent("page"), open.click()]);
  await expect(popup).toHaveURL(`${TOOL}/train/scenarios/${SCENARIO}`);
  await expect(popup.getByText("Fran Framed")).toBeVisible();
  // The handoff works once.
  const again = await context.newPage();
  expect((await again.goto(href))?.status()).toBe(410);
  const headers = (await page.request.get(`${TOOL}/sign-in`)).headers();
  expect(headers["content-security-policy"]).toMatch(new RegExp(`frame-ancestors [^;]*${platform.origin.replace(/[.:/]/g, "\\$&")}`));
  await context.close();
});

test("only the login and launch take cross-site posts, of at most 64 KB", async ({ request }) => {
  const foreign = { Origin: platform.origin, "Content-Type": "application/x-www-form-urlencoded" };
  const launchPost = (body: string) => request.post(`${TOOL}/lti/launch`, { headers: foreign, data: body, maxRedirects: 0 });
  const state = "s".repeat(40);
  // Past the form limit (32 KB) but within LTI's: read, and refused for what it says, not for its size or origin.
  const big = await launchPost(`state=${state}&id_token=${"a".repeat(40 * 1024)}`);
  expect(big.status()).toBe(400);
  expect(await big.text()).toContain("not a well-formed signed JSON Web Token");
  expect((await launchPost(`state=${state}&id_token=${"a".repeat(70 * 1024)}`)).status()).toBe(413);
  // Every other LTI path keeps the cross-origin refusal.
  for (const path of ["/lti/continue", "/lti/deep-link/x/answer", "/admin/platforms"]) {
    expect((await request.post(`${TOOL}${path}`, { headers: foreign, data: "intent=rotate", maxRedirects: 0 })).status(), path).toBe(403);
  }
});

test("the platform form names a bad address and a second registration of the same client", async ({ browser }) => {
  const admin = await browser.newContext({ storageState: stateFile("admin") });
  const page = await admin.newPage();
  await page.goto("/admin/platforms");
  const fill = async (authUrl: string) => {
    await page.getByLabel("Name", { exact: true }).fill("Duplicate");
    await page.getByLabel("Issuer (platform ID)").fill(platform.issuer);
    await page.getByLabel("Client ID").fill(platform.clientId);
    await page.getByLabel("Deployment IDs").fill("d-2");
    await page.getByLabel("Authentication request URL (OIDC)").fill(authUrl);
    await page.getByLabel("Access token URL").fill(platform.tokenUrl);
    await page.getByLabel("Public keyset URL of the platform").fill(platform.jwksUrl);
    await page.getByRole("button", { name: "Save platform" }).click();
  };
  // Plain http is for a test platform on this computer only.
  await fill("http://lms.example.com/auth");
  await expect(page.getByText("Enter a full web address starting with https://")).toBeVisible();
  await expect(page.getByLabel("Client ID")).toHaveValue(platform.clientId);
  await fill(platform.authUrl);
  await expect(page.getByRole("alert")).toContainText("already registered");
  await expect(page.getByRole("row", { name: /Duplicate/ })).toHaveCount(0);
  await admin.close();
});

test("the admin rotates Frontline's keys: the new key is published beside the old one", async ({ browser, request }) => {
  const before = ((await (await request.get(`${TOOL}/lti/jwks`)).json()) as { keys: { kid: string }[] }).keys.map((key) => key.kid);
  const admin = await browser.newContext({ storageState: stateFile("admin") });
  const page = await admin.newPage();
  await page.goto("/admin/platforms");
  await page.getByRole("button", { name: "Rotate keys" }).click();
  await expect(page.getByRole("status")).toContainText("A new key signs from now on");
  const after = ((await (await request.get(`${TOOL}/lti/jwks`)).json()) as { keys: { kid: string; d?: string }[] }).keys;
  expect(after.length).toBe(before.length + 1);
  expect(after.map((key) => key.kid)).toEqual(expect.arrayContaining(before));
  expect(after.every((key) => key.d === undefined)).toBe(true);
  await admin.close();
});
