import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { DEMO_USERS, ROLES, ROLE_PAGES, findUserId, originOf, postSignIn, stateFile, textOf, unique } from "./support";

const EVIL = "http://evil.example";

test.describe("cross-origin POSTs are refused", () => {
  test("a cross-origin POST to /sign-in gets 403 and no session; the same origin signs in", async ({ request, baseURL }) => {
    const { email, password } = DEMO_USERS.trainer;
    const refused = await postSignIn(request, { email, password, origin: EVIL });
    expect(refused.status()).toBe(403);
    expect(refused.headers()["set-cookie"] ?? "", "no session for a cross-origin POST").not.toContain("frontline_session");
    expect(textOf(await refused.text())).toContain("Nothing was changed");
    expect((await request.get("/library", { maxRedirects: 0 })).status(), "still signed out").toBe(302);

    const accepted = await postSignIn(request, { email, password, origin: originOf(baseURL) });
    expect(accepted.status()).toBe(302);
    expect(accepted.headers().location).toBe(DEMO_USERS.trainer.home);
    expect(accepted.headers()["set-cookie"] ?? "").toContain("frontline_session=");
  });

  test.describe("admin actions", () => {
    test.use({ storageState: stateFile("admin") });

    test("a cross-origin POST to create a team gets 403 and creates nothing; the same origin creates it", async ({
      request,
      baseURL,
    }, testInfo) => {
      const name = `Cross-origin ${unique(testInfo)}`;
      const post = (origin: string) =>
        request.post("/admin/teams", { form: { intent: "create", name }, headers: { Origin: origin }, maxRedirects: 0 });

      const refused = await post(EVIL);
      expect(refused.status()).toBe(403);
      expect(textOf(await (await request.get("/admin/teams")).text())).not.toContain(name);

      // An Origin of "null" (sandboxed frames, some redirects) is not the app's own either.
      expect((await post("null")).status()).toBe(403);
      expect(textOf(await (await request.get("/admin/teams")).text())).not.toContain(name);

      const accepted = await post(originOf(baseURL));
      expect(accepted.status()).toBe(302);
      expect(textOf(await (await request.get("/admin/teams")).text())).toContain(name);
    });

    test("a cross-origin POST to disable a user gets 403 and the user stays active", async ({ request, baseURL }) => {
      const traineeId = await findUserId(request, DEMO_USERS.trainee.email);
      const refused = await request.post(`/admin/users/${traineeId}`, {
        form: { intent: "disable" },
        headers: { Origin: EVIL },
        maxRedirects: 0,
      });
      expect(refused.status()).toBe(403);
      const page = textOf(await (await request.get(`/admin/users/${traineeId}`)).text());
      expect(page).toContain(DEMO_USERS.trainee.email);
      expect(page).toMatch(/· Active\b/);
      // The admin's own page opens fine afterwards: the session was not harmed either.
      expect((await request.get("/admin", { maxRedirects: 0, headers: { Origin: originOf(baseURL) } })).status()).toBe(200);
    });

    test("a cross-origin sign-out is refused and the session survives", async ({ request }) => {
      const refused = await request.post("/sign-out", { headers: { Origin: EVIL }, maxRedirects: 0 });
      expect(refused.status()).toBe(403);
      expect((await request.get("/admin", { maxRedirects: 0 })).status()).toBe(200);
    });
  });
});

/** The parsed Content-Security-Policy: directive name → sources. */
function parseCsp(response: APIResponse): Map<string, string[]> {
  const header = response.headers()["content-security-policy"];
  expect(header, `${response.url()} has a Content-Security-Policy header`).toBeTruthy();
  const directives = new Map<string, string[]>();
  for (const part of (header ?? "").split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

function scriptNonces(html: string): Array<string | null> {
  return [...html.matchAll(/<script\b([^>]*)>/gi)].map((match) => /\bnonce="([^"]*)"/.exec(match[1] ?? "")?.[1] ?? null);
}

test.describe("security headers on HTML responses", () => {
  const pages: Array<{ label: string; path: string; role?: "admin" | "trainee"; status: number }> = [
    { label: "the sign-in page", path: "/sign-in", status: 200 },
    { label: "the 404 page", path: "/no-such-page", status: 404 },
    { label: "the admin's people page", path: "/admin", role: "admin", status: 200 },
    { label: "the 403 page", path: "/admin", role: "trainee", status: 403 },
  ];

  for (const { label, path, role, status } of pages) {
    test(`${label}: a nonce-based CSP without unsafe-inline or unsafe-eval, nosniff and same-origin referrers`, async ({
      playwright,
      baseURL,
    }) => {
      const request = await playwright.request.newContext({ baseURL, storageState: role ? stateFile(role) : undefined });
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(status);
      expect(response.headers()["content-type"]).toContain("text/html");
      const header = response.headers()["content-security-policy"] ?? "";
      const csp = parseCsp(response);

      const scriptSrc = csp.get("script-src") ?? [];
      const nonceSources = scriptSrc.filter((source) => /^'nonce-[^']+'$/.test(source));
      expect(nonceSources, `script-src has exactly one nonce: ${header}`).toHaveLength(1);
      const nonce = nonceSources[0]?.slice("'nonce-".length, -1) ?? "";
      expect(nonce.length, "the nonce is long enough to be unguessable").toBeGreaterThanOrEqual(16);
      expect(scriptSrc).toContain("'strict-dynamic'");
      expect(csp.get("object-src")).toEqual(["'none'"]);
      expect(csp.get("base-uri")).toEqual(["'none'"]);
      // FRAME_ANCESTORS ('self' here), then the origins of learning platforms registered for LTI: the LTI spec registers
      // fake platforms on 127.0.0.1 while this runs, and nothing else may appear.
      const [first, ...platforms] = csp.get("frame-ancestors") ?? [];
      expect(first).toBe("'self'");
      for (const origin of platforms) expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(header).not.toContain("'unsafe-inline'");
      expect(header).not.toContain("'unsafe-eval'");
      expect(header).not.toMatch(/script-src[^;]*(\*|https?:|data:)/);

      const nonces = scriptNonces(await response.text());
      expect(nonces.length, "the page has scripts (Remix hydration)").toBeGreaterThan(0);
      expect(nonces, "every script tag carries the header's nonce").toEqual(nonces.map(() => nonce));

      expect(response.headers()["x-content-type-options"]).toBe("nosniff");
      expect(response.headers()["referrer-policy"]).toBe("same-origin");

      // A new nonce for every response.
      const again = parseCsp(await request.get(path, { maxRedirects: 0 }));
      expect(again.get("script-src")?.find((source) => source.startsWith("'nonce-"))).not.toBe(nonceSources[0]);
      await request.dispose();
    });
  }

  test("the refusal page for a cross-origin POST carries the same headers", async ({ request }) => {
    const response = await request.post("/sign-in", { form: { email: "x", password: "y" }, headers: { Origin: EVIL } });
    expect(response.status()).toBe(403);
    const header = response.headers()["content-security-policy"] ?? "";
    expect(header).toContain("object-src 'none'");
    expect(header).not.toContain("unsafe-inline");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["referrer-policy"]).toBe("same-origin");
  });
});

/** Collects CSP violations, console errors and uncaught exceptions from a page (and its later navigations). */
async function watchForProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (message.type() === "error" || /content security policy|refused to/i.test(text))
      problems.push(`console ${message.type()}: ${text}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  // Fired by the browser for every blocked script, eval, style, image or connection, even when the
  // page's code catches the resulting exception.
  await page.exposeFunction("__reportCspViolation", (text: string) => problems.push(`CSP violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      void (window as unknown as { __reportCspViolation: (text: string) => Promise<void> }).__reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline code"} on ${event.documentURI}`,
      );
    });
  });
  return problems;
}

test.describe("in the browser", () => {
  test("the sign-in page hydrates under the CSP: client validation on blur, no violations, then sign-in", async ({ page }) => {
    const problems = await watchForProblems(page);

    await page.goto("/sign-in");
    const email = page.getByLabel("Email");
    const password = page.getByLabel("Password");
    const emailError = page.locator(`[id="${await email.getAttribute("id")}-error"]`);

    // Before hydration a blur does nothing, so retry until React has taken over the form.
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() !== "GET") posts.push(`${request.method()} ${request.url()}`);
    });
    await expect(async () => {
      await email.focus();
      await password.focus();
      await expect(emailError).toHaveText("Enter your email address.", { timeout: 500 });
    }).toPass({ timeout: 10_000 });
    await expect(email).toHaveAttribute("aria-invalid", "true");
    expect(posts, "the field error came from client-side validation, without a round trip").toEqual([]);

    await email.fill(DEMO_USERS.trainee.email);
    await password.fill(DEMO_USERS.trainee.password);
    await expect(emailError).toHaveText("");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(DEMO_USERS.trainee.home);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${DEMO_USERS.trainee.name}`);

    expect(problems).toEqual([]);
  });

  for (const role of ROLES) {
    test(`no CSP violation or script error on the ${role}'s pages`, async ({ browser }) => {
      // Every page of the role, each to network idle: the admin has about twenty.
      test.setTimeout(120_000);
      const context = await browser.newContext({ storageState: stateFile(role) });
      const page = await context.newPage();
      const problems = await watchForProblems(page);
      const traineeId = role === "admin" ? await findUserId(page.request, DEMO_USERS.trainee.email) : 0;
      const paths = ROLE_PAGES[role].map((path) => path.replace(":id", String(traineeId)));
      for (const path of paths) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await page.waitForLoadState("networkidle");
      }
      await context.close();
      expect(problems).toEqual([]);
    });
  }
});
