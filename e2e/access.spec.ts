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
