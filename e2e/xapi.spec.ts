// xAPI statements to a learning record store: each test runs its own app server (two worker processes, both sending
// from the outbox) with retries in milliseconds, against a fake LRS (e2e/fakes/lrs.ts) that validates what it gets.
import path from "node:path";
import { test, type Browser, type Page } from "@playwright/test";
import { startFakeLrs, type FakeLrs, type StoredStatement } from "./fakes/lrs";
import { PATHS } from "./manager-support";
import {
  DEBRIEF_URL,
  PARCEL,
  PERFECT_PARCEL_CHOICES,
  expect,
  expectNoSeriousViolations,
  freePort,
  killRunningServers,
  makeTempDir,
  playByClicking,
  playViaApi,
  startAppServer,
  startViaApi,
  waitForHydration,
  type AppServer,
} from "./play-support";
import { DEMO_USERS, postSignIn } from "./support";

const PRIYA = { email: "priya@frontline.test", password: "frontline-trainee" };
const VERB = (name: string) => `http://adlnet.gov/expapi/verbs/${name}`;
const REPLIES = PERFECT_PARCEL_CHOICES.length;
// Milliseconds instead of minutes, so that an outage and its retries fit in a test.
const FAST_OUTBOX = { OUTBOX_POLL_MS: "100", OUTBOX_BACKOFF_BASE_MS: "100", OUTBOX_BACKOFF_MAX_MS: "400", OUTBOX_TIMEOUT_MS: "2000", WEB_CONCURRENCY: "2" };

// Seeding the demo data of a new database can take more than 30 s on a busy machine: the tests run one after the
// other on one database, each with servers of its own (only the first start seeds; later ones are restarts).
test.describe.configure({ mode: "serial", timeout: 180_000 });

let databasePath = "";
let removeTemp = async () => {};
test.beforeAll(async () => {
  const temp = await makeTempDir("xapi");
  databasePath = path.join(temp.dir, "frontline.db");
  removeTemp = temp.remove;
});
test.afterAll(() => removeTemp());

let lrs: FakeLrs | undefined;
test.afterEach(async () => {
  await killRunningServers();
  await lrs?.close();
  lrs = undefined;
});

/** The admin's queue page's counts line, e.g. "0 waiting, 1 failed, 9 sent in the last 30 days." */
async function sentSoFar(admin: Page): Promise<number> {
  await admin.goto("/admin/outbox");
  const line = await admin.getByText(/sent in the last 30 days/).innerText();
  return Number(/(\d+) sent/.exec(line)?.[1]);
}

async function signIn(browser: Browser, server: AppServer, email: string, password: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/sign-in/, { timeout: 15_000 });
  return page;
}

/** The admin connects the LRS through the settings page. */
async function connectLrs(admin: Page, fake: FakeLrs, secret = fake.secret): Promise<void> {
  await admin.goto("/admin/lrs");
  await admin.getByLabel("Send statements to this LRS").check();
  await admin.getByLabel("LRS endpoint").fill(fake.endpoint);
  await admin.getByLabel("Key (user name)").fill(fake.username);
  await admin.getByLabel("Secret").fill(secret);
  await admin.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByRole("status")).toHaveText("Settings saved.");
}

/** The queue page's counts, reloading until they match: a row is marked sent just after the LRS took it. */
async function expectCounts(admin: Page, counts: string): Promise<void> {
  await expect
    .poll(
      async () => {
        await admin.goto("/admin/outbox");
        return admin.getByText(/ sent in the last 30 days\.$/).innerText();
      },
      { timeout: 15_000 },
    )
    .toBe(`${counts} in the last 30 days.`);
}

/** The row of one section of the queue page (Failed, Waiting, Recently sent) whose text has `text`. */
const rowIn = (admin: Page, section: string, text: string) =>
  admin.locator("section", { has: admin.getByRole("heading", { name: section, exact: true }) }).locator("tr", { hasText: text });

/** launched, one responded per reply, completed: in this order, each statement once, all of one attempt. */
function expectWholeAttempt(statements: readonly StoredStatement[], replies: number): void {
  expect(statements.map((s) => s.verb.id)).toEqual([VERB("launched"), ...Array<string>(replies).fill(VERB("responded")), VERB("completed")]);
  expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
  const registration = statements[0]!.context?.registration;
  expect(registration).toMatch(/^[0-9a-f-]{36}$/);
  for (const statement of statements) expect(statement.context?.registration).toBe(registration);
  expect(statements.at(-1)!.result).toMatchObject({ score: { scaled: 1, raw: 100 }, success: true, completion: true });
}

test("a whole attempt reaches the LRS: launched, one responded per reply, completed, in order and once each", async ({ browser }) => {
  lrs = await startFakeLrs();
  const server = await startAppServer({ databasePath, port: await freePort(), env: FAST_OUTBOX, startTimeoutMs: 90_000 });
  const admin = await signIn(browser, server, DEMO_USERS.admin.email, DEMO_USERS.admin.password);
  await connectLrs(admin, lrs);
  // The secret is stored, never shown again.
  expect(await admin.getByLabel("Secret").inputValue()).toBe("");
  expect(await admin.content()).not.toContain(lrs.secret);
  await expect(admin.getByText("A secret is stored.")).toBeVisible();

  const trainee = await signIn(browser, server, PRIYA.email, PRIYA.password);
  await trainee.getByRole("link", { name: PARCEL.title }).click();
  await trainee.getByRole("button", { name: "Start the conversation" }).click();
  await waitForHydration(trainee);
  await playByClicking(trainee, PERFECT_PARCEL_CHOICES);
  await expect(trainee).toHaveURL(DEBRIEF_URL);

  await expect.poll(() => lrs!.statements().length, { timeout: 15_000 }).toBe(REPLIES + 2);
  const statements = lrs.statements();
  expectWholeAttempt(statements, REPLIES);
  expect(statements[0]!.actor).toMatchObject({ mbox: `mailto:${PRIYA.email}` });
  // Each statement was sent once: no retry, no duplicate.
  expect(lrs.requests().filter((r) => r.status === 204)).toHaveLength(REPLIES + 2);

  await expectCounts(admin, `0 waiting, 0 failed, ${REPLIES + 2} sent`);
  await expect(admin.getByText("Nothing has failed.")).toBeVisible();
  await server.stop("SIGTERM");
});

test("refused or down, statements wait, fail after their tries, survive a restart mid-queue, and arrive in order once the LRS is back", async ({ browser, playwright }) => {
  lrs = await startFakeLrs({ secret: "another-secret-456" });
  const port = await freePort();
  // Three tries, then failed: the queue stops at the first statement and the rest wait behind it.
  let server = await startAppServer({ databasePath, port, env: { ...FAST_OUTBOX, OUTBOX_MAX_ATTEMPTS: "3" } });
  const admin = await signIn(browser, server, DEMO_USERS.admin.email, DEMO_USERS.admin.password);
  const sent = await sentSoFar(admin);
  // A wrong secret first: the LRS refuses it, and nothing is stored.
  await connectLrs(admin, lrs, "not-the-secret");

  const request = await playwright.request.newContext({ baseURL: server.url });
  expect((await postSignIn(request, { ...PRIYA, origin: server.url })).status()).toBe(302);
  const attemptId = await startViaApi(request, server.url, PARCEL.id);
  await playViaApi(request, server.url, attemptId, PERFECT_PARCEL_CHOICES);

  await expect.poll(() => lrs!.requests().filter((r) => r.status === 401).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
  await expectCounts(admin, `${REPLIES + 1} waiting, 1 failed, ${sent} sent`);
  await expect(rowIn(admin, "Failed", "launched")).toContainText("The LRS answered 401");
  expect(lrs.statements()).toEqual([]);

  // The right secret, but the LRS goes down, and the server dies (SIGKILL) with everything still queued.
  await connectLrs(admin, lrs);
  lrs.setDown(true);
  await server.stop("SIGKILL");
  await request.dispose();

  // After a restart the failed statement holds the rest of its attempt back until an admin retries it.
  server = await startAppServer({ databasePath, port, env: { ...FAST_OUTBOX, OUTBOX_MAX_ATTEMPTS: "100" } });
  await expectCounts(admin, `${REPLIES + 1} waiting, 1 failed, ${sent} sent`);
  await admin.getByRole("button", { name: "Retry delivery" }).click();
  await expect(admin.getByRole("status")).toHaveText("1 delivery is back in the queue.");
  // Still down: tried again and again, kept waiting with the LRS's answer.
  await expect.poll(() => lrs!.requests().filter((r) => r.status === 503).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
  await admin.reload();
  await expect(rowIn(admin, "Waiting", "launched")).toContainText("The LRS answered 503");
  expect(lrs.statements()).toEqual([]);

  // Back up: everything arrives, in order, once each.
  lrs.setDown(false);
  await expect.poll(() => lrs!.statements().length, { timeout: 15_000 }).toBe(REPLIES + 2);
  expectWholeAttempt(lrs.statements(), REPLIES);
  await expectCounts(admin, `0 waiting, 0 failed, ${sent + REPLIES + 2} sent`);
});

test("the pass mark is set on the Grading page, checked there, shown on the LRS page, and decides a completed statement's success", async ({ browser, playwright }) => {
  lrs = await startFakeLrs();
  const server = await startAppServer({ databasePath, port: await freePort(), env: FAST_OUTBOX });
  const admin = await signIn(browser, server, DEMO_USERS.admin.email, DEMO_USERS.admin.password);
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "Grading", exact: true }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Grading");
  const field = admin.getByLabel("Pass mark");
  await expect(field).toHaveValue("70");
  await expect(admin.getByText("In force: 70 (the default)")).toBeVisible();
  await expectNoSeriousViolations(admin);

  // Refused, naming the field; nothing changes.
  await field.fill("101");
  await admin.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByText("Enter the pass mark as a whole number from 0 to 100.")).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(admin.getByText("In force: 70 (the default)")).toBeVisible();
  await expectNoSeriousViolations(admin);

  // 60: the mixed path's 65 passes, which it would not at the default 70.
  await field.fill("60");
  await admin.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByRole("status")).toHaveText("Pass mark saved: 60.");
  await expect(field).toHaveValue("60");
  await expect(admin.getByText(/^Last changed .+ by /)).toBeVisible();

  // The LRS page no longer edits it; it says what it is and where it is set.
  await connectLrs(admin, lrs);
  await expect(admin.getByLabel("Pass mark")).toHaveCount(0);
  await expect(admin.getByText("reaches the pass mark, now 60.")).toBeVisible();
  await expect(admin.getByRole("link", { name: "Change the pass mark" })).toHaveAttribute("href", "/admin/grading");

  const request = await playwright.request.newContext({ baseURL: server.url });
  expect((await postSignIn(request, { ...PRIYA, origin: server.url })).status()).toBe(302);
  const attemptId = await startViaApi(request, server.url, PARCEL.id);
  await playViaApi(request, server.url, attemptId, PATHS.mixed.choices);
  await request.dispose();

  await expect.poll(() => lrs!.statements().at(-1)?.verb.id, { timeout: 15_000 }).toBe(VERB("completed"));
  const completed = lrs.statements().at(-1)!;
  expect(completed.result).toMatchObject({ score: { raw: PATHS.mixed.overall }, success: true, extensions: { "https://frontline.training/xapi/extensions/pass-mark": 60 } });
});
