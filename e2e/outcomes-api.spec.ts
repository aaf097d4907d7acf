// The outcomes API end to end: an admin creates a token on its page (the secret shown once), a
// client without any cookie pushes outcomes with it, the same push again changes nothing, a
// revoked or missing token is refused, and the body's size and type are checked. A manager
// cannot reach the tokens page.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousViolations } from "./play-support";
import { originOf, stateFile, unique } from "./support";

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString().replace(/\.\d+Z$/, "Z");
}

const outcome = (ticket: string, extra: Record<string, unknown> = {}) => ({
  ticket_id: ticket,
  agent_email: "priya@frontline.test",
  date_time: daysAgo(10),
  rating: 5,
  scale: "1-5",
  solved_on_first_contact: true,
  ...extra,
});

const push = (api: APIRequestContext, token: string | null, data: unknown, headers: Record<string, string> = {}) =>
  api.post("/api/outcomes", {
    headers: { ...(token === null ? {} : { Authorization: `Bearer ${token}` }), "Content-Type": "application/json", ...headers },
    data: typeof data === "string" ? data : JSON.stringify(data),
  });

async function createTokenOnPage(page: Page, name: string): Promise<string> {
  await page.goto("/admin");
  await page.getByRole("link", { name: "Helpdesk API tokens" }).click();
  await expect(page).toHaveURL("/admin/api-tokens");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const heading = page.getByRole("heading", { name: `Your new token “${name}”` });
  await expect(heading).toBeFocused();
  const secret = await page.getByLabel("Token", { exact: true }).inputValue();
  expect(secret).toMatch(/^fl_[A-Za-z0-9_-]{43}$/);
  // Shown once: in the answer to the form, never in the address.
  expect(page.url()).not.toContain(secret);
  await expect(page.locator("pre").first()).toContainText(`Authorization: Bearer ${secret}`);
  return secret;
}

/** A token made through the form with an admin's cookie, read from the page the form answers with. */
async function createTokenViaForm(admin: APIRequestContext, baseURL: string | undefined, name: string): Promise<string> {
  const response = await admin.post("/admin/api-tokens", { form: { intent: "create", name }, headers: { Origin: originOf(baseURL) } });
  expect(response.status()).toBe(200);
  const secret = /value="(fl_[A-Za-z0-9_-]{43})"/.exec(await response.text())?.[1];
  if (!secret) throw new Error("no secret on the page after creating a token");
  return secret;
}

test.describe("as an admin", () => {
  test.use({ storageState: stateFile("admin") });

  test("creates a token, pushes outcomes with it, pushes again to no effect, and revokes it", async ({ page, playwright, baseURL }, testInfo) => {
    const tag = unique(testInfo);
    const name = `Zendesk sync ${tag}`;
    const secret = await createTokenOnPage(page, name);
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: testInfo.outputPath("api-tokens-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await expectNoHorizontalScroll(page, 375);
    await page.screenshot({ path: testInfo.outputPath("api-tokens-375.png"), fullPage: true });
    await page.goto("/admin");
    await page.screenshot({ path: testInfo.outputPath("admin-375.png") });
    await page.setViewportSize({ width: 1280, height: 800 });

    // A client of its own: no session cookie, no Origin, only the token.
    const api = await playwright.request.newContext({ baseURL });
    const body = [outcome(`${tag}-1`), outcome(`${tag}-2`, { rating: "3", solved_on_first_contact: "no", customer_email: "pat@customer.example" }), outcome(`${tag}-3`, { date_time: "last tuesday" })];
    const first = await push(api, secret, body);
    expect(first.status()).toBe(200);
    const answer = await first.json();
    expect(answer.rows).toEqual([
      { index: 0, ticket_id: `${tag}-1`, status: "accepted", result: "added" },
      { index: 1, ticket_id: `${tag}-2`, status: "accepted", result: "added" },
      { index: 2, ticket_id: `${tag}-3`, status: "refused", reason: 'date_time "last tuesday" is not a date and time like 2026-03-14T09:30:00Z' },
    ]);
    expect(answer.ignored_fields).toEqual(["customer_email"]);
    expect(answer.import_id).toEqual(expect.any(Number));

    const again = await (await push(api, secret, body)).json();
    expect(again.import_id).toBeNull();
    expect(again.totals).toMatchObject({ accepted: 2, added: 0, unchanged: 2, refused: 1 });

    // The list shows when the token was last used.
    await page.goto("/admin/api-tokens");
    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row.getByRole("cell").nth(2)).not.toHaveText("Never");
    await expect(row).toContainText(secret.slice(0, 11));
    await expect(row).not.toContainText(secret.slice(11));

    // Revoking takes a second, explicit step.
    await row.getByText("Revoke…").click();
    await expect(row).toContainText("will be refused from now on");
    await row.screenshot({ path: testInfo.outputPath("api-tokens-revoke-1280.png") });
    await row.getByRole("button", { name: `Revoke “${name}”` }).click();
    await expect(page.getByRole("status")).toHaveText(`Token “${name}” revoked. Requests that use it are now refused.`);
    await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Revoked");

    const revoked = await push(api, secret, body);
    expect(revoked.status()).toBe(401);
    expect(await revoked.json()).toEqual({ error: { code: "token_revoked", message: expect.stringContaining("revoked") } });
    await api.dispose();
  });

  test("the API refuses a missing token, a body that is too large or not JSON, and GET", async ({ page, playwright, baseURL }, testInfo) => {
    const secret = await createTokenViaForm(page.request, baseURL, `Limits ${unique(testInfo)}`);
    const api = await playwright.request.newContext({ baseURL });

    const missing = await push(api, null, [outcome("x")]);
    expect(missing.status()).toBe(401);
    expect(missing.headers()["www-authenticate"]).toBe('Bearer realm="frontline"');
    expect((await missing.json()).error.code).toBe("token_missing");
    expect((await push(api, "not-a-token", [])).status()).toBe(401);

    const tooLarge = await push(api, secret, `[${" ".repeat(1024 * 1024)}]`);
    expect(tooLarge.status()).toBe(413);
    expect((await tooLarge.json()).error.code).toBe("body_too_large");

    const csv = await push(api, secret, "ticket_id,agent_email\n1,a@b.c", { "Content-Type": "text/csv" });
    expect(csv.status()).toBe(415);
    expect((await csv.json()).error.code).toBe("unsupported_media_type");

    const notArray = await push(api, secret, { rows: [] });
    expect(notArray.status()).toBe(400);
    expect(await notArray.json()).toEqual({ error: { code: "invalid_body", message: "the body must be a JSON array of outcomes" } });

    const get = await api.get("/api/outcomes");
    expect(get.status()).toBe(405);
    expect(get.headers().allow).toBe("POST");
    await api.dispose();
  });
});

test.describe("as a manager", () => {
  test.use({ storageState: stateFile("manager") });

  test("cannot open the tokens page or create a token", async ({ page, baseURL }) => {
    const response = await page.goto("/admin/api-tokens");
    expect(response?.status()).toBe(403);
    const post = await page.request.post("/admin/api-tokens", { form: { intent: "create", name: "Sneaky" }, headers: { Origin: originOf(baseURL) }, maxRedirects: 0 });
    expect(post.status()).toBe(403);
    expect(await post.text()).not.toMatch(/fl_[A-Za-z0-9_-]{43}/);
  });
});
