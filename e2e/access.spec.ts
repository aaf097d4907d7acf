// The role × route matrix: who may open which page.
import { expect, test, type PlaywrightWorkerArgs } from "@playwright/test";
import { BRIEF_PAGE, DEMO_USERS, PAGE_ROLES, ROLES, expectNone, findUserId, originOf, stateFile, textOf } from "./support";

let traineeId: number | undefined;

/** Fills in ":id" with the demo trainee's id, read once per worker from the admin's list. */
async function resolve(
  page: string,
  playwright: PlaywrightWorkerArgs["playwright"],
  baseURL: string | undefined,
): Promise<string> {
  if (!page.includes(":id")) return page;
  if (traineeId === undefined) {
    const admin = await playwright.request.newContext({ baseURL, storageState: stateFile("admin") });
    traineeId = await findUserId(admin, DEMO_USERS.trainee.email);
    await admin.dispose();
  }
  return page.replace(":id", String(traineeId));
}

test.describe("anonymous visitors", () => {
  for (const { page } of PAGE_ROLES) {
    test(`anonymous → ${page} redirects to sign-in`, async ({ request, playwright, baseURL }) => {
      const path = await resolve(page, playwright, baseURL);
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(302);
      expect(response.headers().location).toBe(`/sign-in?redirectTo=${encodeURIComponent(path)}`);
    });
  }

  test("anonymous → / goes to the sign-in page", async ({ request }) => {
    const response = await request.get("/", { maxRedirects: 0 });
    expect(response.status()).toBe(302);
    expect(response.headers().location).toBe("/sign-in");
  });
});

for (const role of ROLES) {
  test.describe(`signed in as ${role}`, () => {
    test.use({ storageState: stateFile(role) });

    for (const { page, roles } of PAGE_ROLES) {
      const allowed = roles.includes(role);
      test(`${role} → ${page} answers ${allowed ? 200 : 403}`, async ({ request, playwright, baseURL }) => {
        const path = await resolve(page, playwright, baseURL);
        const response = await request.get(path, { maxRedirects: 0 });
        expect(response.status()).toBe(allowed ? 200 : 403);
        expect(response.headers()["content-type"] ?? "").toContain("text/html");
        const text = textOf(await response.text());
        if (allowed) {
          expect(text).toContain(DEMO_USERS[role].name);
        } else {
          // The friendly page, with a way home: never a stack trace.
          expect(text).toContain("This page is not part of your role");
          expect(text).toContain("Go to my home page");
          expect(text).not.toMatch(/\bat .+\.(js|ts):\d+/);
        }
      });
    }

    test(`${role} → / goes to ${DEMO_USERS[role].home}`, async ({ request }) => {
      const response = await request.get("/", { maxRedirects: 0 });
      expect(response.status()).toBe(302);
      expect(response.headers().location).toBe(DEMO_USERS[role].home);
    });
  });
}

test.describe("a scenario's brief and its Start button belong to those who play: trainees, trainers and admins", () => {
  /** Text of the parcel scenario's brief page: its title, the brief, the customer's name. */
  const BRIEF_TEXTS = ["The parcel that never came", "Marta ordered a birthday present", "stuck at the regional depot"];
  const MISSING_BRIEF = "/train/scenarios/no-such-scenario";

  test("a trainee reads the brief (so the texts checked below are really on it)", async ({ playwright, baseURL }) => {
    const trainee = await playwright.request.newContext({ baseURL, storageState: stateFile("trainee") });
    const text = textOf(await (await trainee.get(BRIEF_PAGE)).text());
    for (const needle of BRIEF_TEXTS) expect(text).toContain(needle);
    await trainee.dispose();
  });

  test("an anonymous Start goes to sign-in", async ({ request, baseURL }) => {
    const response = await request.post(BRIEF_PAGE, { form: {}, headers: { Origin: originOf(baseURL) }, maxRedirects: 0 });
    expect(response.status()).toBe(302);
    expect(response.headers().location).toBe(`/sign-in?redirectTo=${encodeURIComponent(BRIEF_PAGE)}`);
  });

  // Trainers and admins play too (e2e/trainer-play.spec.ts); managers do not.
  for (const role of ROLES.filter((candidate) => candidate === "manager")) {
    test(`${role} → the brief and its Start: the 403 page, like a scenario that does not exist, and no attempt`, async ({
      playwright,
      baseURL,
    }) => {
      const request = await playwright.request.newContext({ baseURL, storageState: stateFile(role) });
      const headers = { Origin: originOf(baseURL) };
      const ask = {
        GET: (path: string) => request.get(path, { maxRedirects: 0 }),
        Start: (path: string) => request.post(path, { form: {}, headers, maxRedirects: 0 }),
      };
      for (const [what, send] of Object.entries(ask)) {
        const [response, missing] = [await send(BRIEF_PAGE), await send(MISSING_BRIEF)];
        for (const answer of [response, missing]) {
          expect(answer.status(), what).toBe(403);
          // A started attempt would redirect to its play page.
          expect(answer.headers().location, what).toBeUndefined();
        }
        const body = await response.text();
        expectNone(body, BRIEF_TEXTS, `${role}'s ${what}`);
        expect(textOf(body)).toContain("This page is not part of your role");
        // A refused post is answered inside the layout too: the page still knows who is signed in.
        expect(textOf(body), `${role}'s ${what} offers the way home`).toContain("Go to my home page");
        expect(textOf(body), `${role}'s ${what} reads like a missing scenario's`).toBe(textOf(await missing.text()));
      }
      await request.dispose();
    });
  }
});

test.describe("the 403 page in the browser", () => {
  test.use({ storageState: stateFile("trainee") });

  test("a trainee on an admin page sees a friendly 403 with a link home", async ({ page }) => {
    const response = await page.goto("/admin/teams");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page is not part of your role");
    await page.getByRole("link", { name: "Go to my home page" }).click();
    await expect(page).toHaveURL(DEMO_USERS.trainee.home);
  });
});

test.describe("unknown pages", () => {
  test("an unknown URL answers a friendly 404", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We could not find that page");
  });

  test("an admin edit page for a user who does not exist answers 404", async ({ playwright, baseURL }) => {
    const admin = await playwright.request.newContext({ baseURL, storageState: stateFile("admin") });
    expect((await admin.get("/admin/users/999999", { maxRedirects: 0 })).status()).toBe(404);
    expect((await admin.get("/admin/users/not-a-number", { maxRedirects: 0 })).status()).toBe(404);
    await admin.dispose();
  });
});

// The LMS standards' routes (issue 15) sit outside the role pages: some are public by design (a platform calls them
// before anyone is signed in), some answer with a file. Each answer is fixed per role, and none is ever a 500.
test.describe("the LTI and SCORM routes, for every role", () => {
  type Answer = { status: number; type?: string };
  type Endpoint = { path: string; method?: "GET" | "POST"; anonymous: Answer | "sign-in"; byRole: Record<(typeof ROLES)[number], Answer> };
  const all = (answer: Answer) => ({ trainee: answer, trainer: answer, manager: answer, admin: answer });
  const downloads = { trainee: { status: 403 }, manager: { status: 403 }, trainer: { status: 200, type: "application/zip" }, admin: { status: 200, type: "application/zip" } };
  const ENDPOINTS: readonly Endpoint[] = [
    // Frontline's public keys: platforms fetch them with no session.
    { path: "/lti/jwks", anonymous: { status: 200, type: "application/json" }, byRole: all({ status: 200, type: "application/json" }) },
    // A login or launch without its parameters names what is missing.
    { path: "/lti/login", anonymous: { status: 400, type: "text/html" }, byRole: all({ status: 400, type: "text/html" }) },
    { path: "/lti/launch", anonymous: { status: 400, type: "text/html" }, byRole: all({ status: 400, type: "text/html" }) },
    { path: "/lti/continue?token=not-a-handoff", anonymous: { status: 410, type: "text/html" }, byRole: all({ status: 410, type: "text/html" }) },
    // A deep-linking request belongs to the instructor it was made for: anyone else finds nothing.
    { path: "/lti/deep-link/not-a-request", anonymous: "sign-in", byRole: all({ status: 404, type: "text/html" }) },
    { path: "/lti/deep-link/not-a-request/answer", method: "POST", anonymous: "sign-in", byRole: all({ status: 410, type: "text/html" }) },
    { path: "/library/parcel-third-call/scorm?v=1.2", anonymous: "sign-in", byRole: downloads },
    { path: "/library/scorm?v=2004", anonymous: "sign-in", byRole: downloads },
    // The SCORM launch is for those who play; without its parameters it says which are wrong.
    { path: "/scorm/launch", anonymous: "sign-in", byRole: { trainee: { status: 400 }, trainer: { status: 400 }, admin: { status: 400 }, manager: { status: 403 } } },
  ];

  for (const who of ["anonymous", ...ROLES] as const) {
    test(`${who} → each LTI and SCORM route`, async ({ playwright, baseURL }) => {
      const request = await playwright.request.newContext({ baseURL, ...(who === "anonymous" ? {} : { storageState: stateFile(who) }) });
      for (const endpoint of ENDPOINTS) {
        const send = endpoint.method === "POST" ? request.post(endpoint.path, { form: {}, headers: { Origin: originOf(baseURL) }, maxRedirects: 0 }) : request.get(endpoint.path, { maxRedirects: 0 });
        const response = await send;
        const expected = who === "anonymous" ? endpoint.anonymous : endpoint.byRole[who];
        const where = `${who} → ${endpoint.method ?? "GET"} ${endpoint.path}`;
        if (expected === "sign-in") {
          expect(response.status(), where).toBe(302);
          expect(response.headers().location, where).toBe(`/sign-in?redirectTo=${encodeURIComponent(endpoint.path)}`);
          continue;
        }
        expect(response.status(), where).toBe(expected.status);
        if (expected.type) expect(response.headers()["content-type"] ?? "", where).toContain(expected.type);
        if (expected.type === "text/html") expect(textOf(await response.text()), where).not.toMatch(/\bat .+\.(js|ts):\d+/);
      }
      await request.dispose();
    });
  }
});
