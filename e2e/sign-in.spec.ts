import { expect, test } from "@playwright/test";
import {
  DEMO_USERS,
  ROLES,
  createTraineeViaForm,
  originOf,
  postSignIn,
  setActiveViaForm,
  stateFile,
  textOf,
  unique,
} from "./support";

test.describe("signing in and out in the browser", () => {
  for (const role of ROLES) {
    const user = DEMO_USERS[role];

    test(`the demo ${role} signs in with the form, lands on ${user.home}, and signs out`, async ({ page, request }) => {
      await page.goto("/");
      await expect(page).toHaveURL(/\/sign-in$/);
      await expect(page).toHaveTitle("Sign in · Frontline");

      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Sign in" }).click();

      await expect(page).toHaveURL(user.home);
      await expect(page.getByRole("banner")).toContainText(user.name);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // The home page's title is made in the browser after a client-side navigation, in the page's language.
      await expect(page).toHaveTitle(/^\S.* · Frontline$/);
      await expect(page).not.toHaveTitle("Sign in · Frontline");

      const session = (await page.context().cookies()).find((cookie) => cookie.name === "frontline_session");
      expect(session, "signing in sets the session cookie").toBeDefined();
      expect(session?.httpOnly, "the session cookie is HttpOnly").toBe(true);
      expect(session?.sameSite, "the session cookie is SameSite=Lax").toBe("Lax");
      const cookieHeader = `frontline_session=${session?.value ?? ""}`;

      // With the cookie, the home page opens; a GET to /sign-out changes nothing.
      const before = await request.get(user.home, { headers: { Cookie: cookieHeader }, maxRedirects: 0 });
      expect(before.status()).toBe(200);
      const getSignOut = await request.get("/sign-out", { headers: { Cookie: cookieHeader }, maxRedirects: 0 });
      expect(getSignOut.headers()["set-cookie"] ?? "", "GET /sign-out must not touch the cookie").not.toContain(
        "frontline_session",
      );
      expect((await request.get(user.home, { headers: { Cookie: cookieHeader }, maxRedirects: 0 })).status()).toBe(200);

      const signOutRequest = page.waitForRequest((req) => new URL(req.url()).pathname === "/sign-out");
      await page.getByRole("button", { name: "Sign out" }).click();
      expect((await signOutRequest).method(), "signing out is a POST").toBe("POST");
      await expect(page).toHaveURL(/\/sign-in\?reason=signed-out$/);
      await expect(page.getByRole("status")).toHaveText("You have signed out. See you soon.");
      await expect(page.getByRole("banner")).not.toContainText(user.name);

      // The old cookie was ended on the server: it no longer opens the home page.
      const after = await request.get(user.home, { headers: { Cookie: cookieHeader }, maxRedirects: 0 });
      expect(after.status()).toBe(302);
      expect(after.headers().location ?? "").toMatch(/^\/sign-in\?/);
      await page.goto(user.home);
      await expect(page).toHaveURL(/\/sign-in\?redirectTo=/);
    });
  }

  test("a signed-in user who opens the sign-in page goes to their home page", async ({ browser }) => {
    const context = await browser.newContext({ storageState: stateFile("manager") });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await expect(page).toHaveURL(DEMO_USERS.manager.home);
    await context.close();
  });

  test("after sign-in the visitor returns to the page they asked for", async ({ page }) => {
    await page.goto("/admin/teams");
    await expect(page).toHaveURL("/sign-in?redirectTo=%2Fadmin%2Fteams");
    await page.getByLabel("Email").fill(DEMO_USERS.admin.email);
    await page.getByLabel("Password").fill(DEMO_USERS.admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL("/admin/teams");
    await expect(page.getByRole("heading", { level: 1, name: "Teams" })).toBeVisible();
  });
});

test.describe("where sign-in leads", () => {
  // Each is what an attacker could put in a link: /sign-in?redirectTo=…
  const offSite = ["//evil.example", "/\\evil.example", "https://evil.example", "/\t/evil.example", "/\n/evil.example"];

  test("redirectTo never sends a signed-in user to another site, and never breaks sign-in", async ({ request, baseURL }) => {
    const origin = originOf(baseURL);
    const { email, password, home } = DEMO_USERS.trainer;
    const outcomes: string[] = [];
    for (const redirectTo of offSite) {
      const response = await request.post("/sign-in", { form: { email, password, redirectTo }, maxRedirects: 0 });
      const location = response.headers().location ?? "";
      const target = location ? new URL(location, origin) : null;
      const ok = response.status() === 302 && target?.origin === origin;
      outcomes.push(
        `${JSON.stringify(redirectTo)} → ${response.status()} ${JSON.stringify(location)}${target ? ` (${target.href})` : ""}${
          ok ? "" : "  ✘"
        }`,
      );
    }
    expect(
      outcomes.filter((outcome) => outcome.endsWith("✘")),
      outcomes.join("\n"),
    ).toEqual([]);

    const ownPage = await request.post("/sign-in", {
      form: { email, password, redirectTo: `${home}?from=link` },
      maxRedirects: 0,
    });
    expect(ownPage.headers().location).toBe(`${home}?from=link`);
  });
});

test.describe("refused sign-ins", () => {
  // Failed attempts here come from their own made-up IP, so 127.0.0.1 never nears the rate limit.
  const IP = "198.51.100.20";

  test("an unknown email and a wrong password get the same message", async ({ page }, testInfo) => {
    await page.context().setExtraHTTPHeaders({ "X-Forwarded-For": IP });
    const messages: string[] = [];
    for (const attempt of [
      { email: `nobody-${unique(testInfo)}@frontline.test`, password: "frontline-trainee" },
      { email: DEMO_USERS.trainer.email, password: "not-the-trainer-password" },
    ]) {
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill(attempt.email);
      await page.getByLabel("Password").fill(attempt.password);
      const response = page.waitForResponse(
        (res) => new URL(res.url()).pathname === "/sign-in" && res.request().method() === "POST",
      );
      await page.getByRole("button", { name: "Sign in" }).click();
      expect((await response).status()).toBe(401);
      const alert = page.getByRole("alert");
      await expect(alert).toBeVisible();
      messages.push((await alert.innerText()).trim());
      await expect(page).toHaveURL(/\/sign-in/);
    }
    expect(messages[0]).toBe("That email and password do not match an account. Check them and try again.");
    expect(messages[1]).toBe(messages[0]);
  });

  test("a disabled user cannot sign in, and can again once re-enabled", async ({ playwright, baseURL, request }, testInfo) => {
    const origin = originOf(baseURL);
    const admin = await playwright.request.newContext({ baseURL, storageState: stateFile("admin") });
    const person = {
      name: "Dana Disabled",
      email: `disabled-${unique(testInfo)}@frontline.test`,
      password: "e2e-disabled-password",
    };
    const id = await createTraineeViaForm(admin, origin, person);
    await setActiveViaForm(admin, origin, id, false);

    const refused = await postSignIn(request, { email: person.email, password: person.password, ip: IP });
    expect(refused.status()).toBe(403);
    expect(refused.headers()["set-cookie"] ?? "").not.toContain("frontline_session=");
    expect(textOf(await refused.text())).toContain("This account has been disabled. Ask your administrator to re-enable it.");

    // A wrong password for a disabled account says only what any wrong password says.
    const wrong = await postSignIn(request, { email: person.email, password: "not-the-password", ip: IP });
    expect(wrong.status()).toBe(401);
    const wrongHtml = await wrong.text();
    expect(textOf(wrongHtml)).toContain("That email and password do not match an account.");
    expect(wrongHtml, "the password is never sent back in the page").not.toContain("not-the-password");

    await setActiveViaForm(admin, origin, id, true);
    const accepted = await postSignIn(request, { email: person.email, password: person.password, ip: IP });
    expect(accepted.status()).toBe(302);
    expect(accepted.headers().location).toBe("/train");
    await admin.dispose();
  });
});
