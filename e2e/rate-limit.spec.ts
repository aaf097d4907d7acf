// After 10 failed sign-ins for one email, or from one IP, within 10 minutes: HTTP 429.
// Each test uses its own documentation-range IPs (RFC 5737) and emails no other test uses,
// sent as X-Forwarded-For (the test server trusts the loopback proxy), so 127.0.0.1 is never locked out.
import { expect, test, type APIResponse } from "@playwright/test";
import { DEMO_USERS, postSignIn, textOf } from "./support";

const LIMIT = 10;

async function expectRateLimited(response: APIResponse) {
  expect(response.status()).toBe(429);
  expect(response.headers()["set-cookie"] ?? "").not.toContain("frontline_session=");
  const text = textOf(await response.text());
  expect(text).toContain("Too many failed sign-ins");
  // The message says when: a clock time and how long from now.
  expect(text).toMatch(/try again after \d{2}:\d{2}\b/i);
  expect(text).toMatch(/in about \d+ min/i);
  expectRetryAfter(response.headers()["retry-after"]);
}

function expectRetryAfter(header: string | undefined) {
  const seconds = Number(header);
  expect(Number.isInteger(seconds) && seconds > 0, `Retry-After should be a number of seconds, got ${header}`).toBe(true);
  expect(seconds).toBeLessThanOrEqual(10 * 60);
}

test("the 11th failed sign-in for one email, from varied IPs, gets 429", async ({ request }) => {
  const email = "rate-limit-by-email@frontline.test";
  for (let i = 1; i <= LIMIT; i += 1) {
    const response = await postSignIn(request, { email, password: `wrong-${i}`, ip: `203.0.113.${i}` });
    expect(response.status(), `attempt ${i} is judged on its merits`).toBe(401);
  }
  await expectRateLimited(await postSignIn(request, { email, password: "wrong-11", ip: "203.0.113.11" }));
  // Another email from a fresh IP is not affected.
  const other = await postSignIn(request, {
    email: "rate-limit-bystander@frontline.test",
    password: "wrong",
    ip: "203.0.113.12",
  });
  expect(other.status()).toBe(401);
});

test("the 11th failed sign-in from one IP, for varied emails, gets 429, even with a right password", async ({ request }) => {
  const ip = "198.51.100.77";
  for (let i = 1; i <= LIMIT; i += 1) {
    const response = await postSignIn(request, { email: `rate-limit-ip-${i}@frontline.test`, password: "wrong", ip });
    expect(response.status(), `attempt ${i} is judged on its merits`).toBe(401);
  }
  await expectRateLimited(await postSignIn(request, { email: "rate-limit-ip-11@frontline.test", password: "wrong", ip }));
  // The limit is checked before the password: a real account's right password from that IP is refused too.
  await expectRateLimited(
    await postSignIn(request, { email: DEMO_USERS.trainer.email, password: DEMO_USERS.trainer.password, ip }),
  );
  // Another IP still signs in.
  const elsewhere = await postSignIn(request, {
    email: DEMO_USERS.trainer.email,
    password: DEMO_USERS.trainer.password,
    ip: "198.51.100.78",
  });
  expect(elsewhere.status()).toBe(302);
});

test("the 429 page shows the message in the browser", async ({ page }) => {
  const ip = "198.51.100.99";
  const email = "rate-limit-browser@frontline.test";
  await page.context().setExtraHTTPHeaders({ "X-Forwarded-For": ip });
  for (let i = 1; i <= LIMIT; i += 1) {
    expect((await postSignIn(page.request, { email, password: `wrong-${i}`, ip })).status()).toBe(401);
  }
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong-11");
  const response = page.waitForResponse((res) => new URL(res.url()).pathname === "/sign-in" && res.request().method() === "POST");
  await page.getByRole("button", { name: "Sign in" }).click();
  expect((await response).status()).toBe(429);
  await expect(page.getByRole("alert")).toContainText(/Too many failed sign-ins\. .*try again after \d{2}:\d{2}/);
  expectRetryAfter((await response).headers()["retry-after"]);
});
