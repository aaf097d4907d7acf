// Certification (issue 12): an admin marks a core scenario, a fresh trainee plays it with the best
// reply at every turn and earns a certificate, and its verification address works for anyone,
// signed out, showing the name and date and nothing else. With JavaScript and without, at 375 px.
//
// The core set is one for the whole database, which other specs share: the file runs its tests
// one after the other, sets the core set it needs, and puts back the set it found at the end.
import { expect, test, type APIRequestContext, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { authoredPath, authoredScenario } from "./authored";
import { adminRequest, createCrew, type Crew } from "./manager-support";
import { PARCEL, PERFECT_PARCEL_CHOICES, SIGNED_OUT, expectNoHorizontalScroll, expectNoSeriousViolations, playByClicking, waitForHydration } from "./play-support";
import { expectNone, originOf, stateFile, textOf } from "./support";

test.describe.configure({ mode: "serial", timeout: 150_000 });

const PHONE = { width: 375, height: 800 };
const RETURNS_TITLE = "No receipt, no problem?";
const CODE_URL = /\/certificates\/[A-Za-z0-9_-]{24}$/;

/** The scenario ids ticked on the admin's certification page now. */
async function coreSetNow(admin: APIRequestContext): Promise<string[]> {
  const response = await admin.get("/admin/certification");
  expect(response.status()).toBe(200);
  const inputs = (await response.text()).match(/<input[^>]*name="scenarioIds"[^>]*>/g) ?? [];
  return inputs.filter((input) => /\schecked(=|\s|>|\/)/.test(input)).map((input) => /value="([^"]+)"/.exec(input)?.[1] ?? "");
}

async function saveCoreSet(admin: APIRequestContext, origin: string, ids: readonly string[]): Promise<void> {
  const form = new URLSearchParams(ids.map((id) => ["scenarioIds", id]));
  const response = await admin.post("/admin/certification", {
    data: form.toString(),
    headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
    maxRedirects: 0,
  });
  expect(response.status(), "saving the core set should redirect").toBe(302);
}

let found: string[] | null = null;

test.beforeAll(async ({ playwright, baseURL }) => {
  const admin = await adminRequest(playwright, baseURL);
  found = await coreSetNow(admin);
  await admin.dispose();
});

test.afterAll(async ({ playwright, baseURL }) => {
  if (found === null) return;
  const admin = await adminRequest(playwright, baseURL);
  await saveCoreSet(admin, originOf(baseURL), found);
  expect((await coreSetNow(admin)).sort()).toEqual([...found].sort());
  await admin.dispose();
});

/** Today as the pages write it ("23 Nov 2026", UTC). */
const today = () => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date());

async function open(browser: Browser, baseURL: string | undefined, storageState: BrowserContextOptions["storageState"], javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ baseURL, storageState, javaScriptEnabled, viewport: PHONE });
  return context.newPage();
}

/**
 * axe and the width at 375 px. axe runs as a script in the page, so a page opened without
 * JavaScript is checked through a twin: the same address and session with scripts on, which
 * renders the same server HTML.
 */
async function checkPage(page: Page, js: boolean): Promise<void> {
  if (js) {
    await expectNoSeriousViolations(page);
    await expectNoHorizontalScroll(page, PHONE.width);
    return;
  }
  const twin = await page.context().browser()!.newContext({ storageState: await page.context().storageState(), viewport: PHONE });
  try {
    const copy = await twin.newPage();
    await copy.goto(page.url());
    await expectNoSeriousViolations(copy);
    await expectNoHorizontalScroll(copy, PHONE.width);
  } finally {
    await twin.close();
  }
}

/** The admin ticks exactly these scenarios on the certification page and saves. */
async function tickCoreSet(page: Page, ids: readonly string[], saved: string): Promise<void> {
  await page.goto("/admin/certification");
  const boxes = page.locator('input[type="checkbox"][name="scenarioIds"]');
  for (const box of await boxes.all()) await box.setChecked(ids.includes((await box.getAttribute("value")) ?? ""));
  await page.getByRole("button", { name: "Save the core set" }).click();
  await expect(page.getByRole("status")).toHaveText(saved);
}

async function earnAndVerify({ browser, baseURL, playwright }: { browser: Browser; baseURL: string | undefined; playwright: Parameters<typeof createCrew>[0] }, js: boolean) {
  // The parcel scenario's best path scores 100 in all five skills, so one core scenario can
  // meet both conditions of the rule.
  const best = authoredPath(authoredScenario(PARCEL.id), PERFECT_PARCEL_CHOICES).result;
  expect(best.overall).toBe(100);
  expect(Object.values(best.skills).map((skill) => skill?.score ?? null)).toEqual([100, 100, 100, 100, 100]);

  // The admin: from People to Certification; with no core scenario, nobody can earn one.
  const admin = await open(browser, baseURL, stateFile("admin"), js);
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "Certification", exact: true }).click();
  await expect(admin).toHaveURL("/admin/certification");
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Certification");
  await tickCoreSet(admin, [], "Saved. There are no core scenarios now, so certification is closed.");
  await expect(admin.getByText("No core scenarios are set, so nobody can earn a certificate yet.")).toBeVisible();
  await expect(admin.getByText("A best overall score of 80 or more in every core scenario.")).toBeVisible();
  await checkPage(admin, js);

  const crew: Crew = await createCrew(playwright, baseURL, [["Certa"]]);
  const [trainee] = crew.trainees;
  if (!trainee) throw new Error("the crew has a trainee");
  const learner = await open(browser, baseURL, trainee.state, js);
  await learner.goto("/train/certificate");
  await expect(learner.getByText("Certification is not open yet")).toBeVisible();

  // One core scenario: the parcel.
  await tickCoreSet(admin, [PARCEL.id], "Saved. The core set now has 1 scenario.");
  await expect(admin.getByRole("checkbox", { name: new RegExp(PARCEL.title) })).toBeChecked();
  await checkPage(admin, js);

  // Before playing: what remains.
  await learner.goto("/train/certificate");
  await expect(learner.getByRole("heading", { level: 1 })).toHaveText("Certificate");
  const row = learner.getByRole("table", { name: "Your best overall score in each core scenario" }).getByRole("row", { name: new RegExp(PARCEL.title) });
  await expect(row).toContainText("Not finished yet");
  await expect(row).toContainText("Still to reach");
  await checkPage(learner, js);

  // The trainee plays the core scenario with the best reply at every turn.
  await row.getByRole("link", { name: `Open ${PARCEL.title}` }).click();
  await learner.getByRole("button", { name: "Start the conversation" }).click();
  if (js) await waitForHydration(learner);
  await playByClicking(learner, PERFECT_PARCEL_CHOICES);

  // My progress says so (the conversation's end, or this visit, has stored it), and leads to it.
  await learner.goto("/train/progress");
  const summary = learner.getByRole("region", { name: "Certificate", exact: true });
  await expect(summary).toContainText(`You earned your certificate on ${today()}.`);
  await summary.getByRole("link", { name: "See your certificate" }).click();
  await expect(learner).toHaveURL("/train/certificate");
  await expect(learner.getByRole("heading", { level: 1 })).toHaveText("You earned your certificate");
  const certificate = learner.getByRole("article", { name: "Certificate of practice" });
  await expect(certificate).toContainText(trainee.name);
  await expect(certificate).toContainText(`Earned on ${today()}`);
  await expect(certificate).toContainText(PARCEL.title);
  const address = (await certificate.locator(".certificate__url").innerText()).trim();
  expect(address.startsWith(`${originOf(baseURL)}/certificates/`), `${address} is shown in full`).toBe(true);
  expect(address).toMatch(CODE_URL);
  // A Print button once JavaScript runs; the browser's own Print command either way.
  await expect(learner.getByRole("button", { name: "Print the certificate" })).toHaveCount(js ? 1 : 0);
  await expect(learner.getByText("use your browser's Print command")).toBeVisible();
  await checkPage(learner, js);
  // On paper: the certificate alone.
  await learner.emulateMedia({ media: "print" });
  await expect(certificate).toBeVisible();
  await expect(learner.locator(".app-header")).toBeHidden();
  await expect(learner.getByText("use your browser's Print command")).toBeHidden();
  await learner.emulateMedia({ media: "screen" });

  // Anyone, signed out, can check it: the name, the date and what it certifies, nothing else.
  const stranger = await open(browser, baseURL, SIGNED_OUT, js);
  const response = await stranger.goto(address);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["x-robots-tag"]).toContain("noindex");
  await expect(stranger).toHaveURL(address);
  await expect(stranger.getByRole("heading", { name: "This certificate is genuine" })).toBeVisible();
  await expect(stranger.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  const verified = stranger.getByRole("region", { name: "This certificate is genuine" });
  await expect(verified).toContainText(trainee.name);
  await expect(verified).toContainText(today());
  await expect(verified).toContainText(PARCEL.title);
  // The whole document, the data for hydration included; scores checked in the words without the name.
  const html = await stranger.content();
  expectNone(html, [trainee.email, crew.teams[0]!.name, crew.manager.name, "Sign out"], "the verification page");
  expectNone(textOf(html).replaceAll(trainee.name, ""), ["100", "Best", "Mastery"], "the verification page's words");
  await checkPage(stranger, js);

  // An unknown or malformed code is a friendly 404.
  for (const wrong of ["/certificates/AAAAAAAAAAAAAAAAAAAAAAAA", "/certificates/not-a-code"]) {
    const missing = await stranger.goto(wrong);
    expect(missing?.status()).toBe(404);
    await expect(stranger.getByRole("heading", { level: 1 })).toHaveText("We could not find this certificate");
  }
  await checkPage(stranger, js);

  // The trainee's manager sees the date on the overview and on the trainee's page.
  const manager = await open(browser, baseURL, crew.manager.state, js);
  await manager.goto("/team");
  const overviewRow = manager.getByRole("table", { name: "Team overview" }).locator("tbody tr").filter({ has: manager.getByRole("link", { name: trainee.name, exact: true }) });
  await expect(overviewRow).toContainText(`Certified on ${today()}`);
  await overviewRow.getByRole("link", { name: trainee.name, exact: true }).click();
  await expect(manager.getByRole("heading", { level: 1 })).toHaveText(trainee.name);
  await expect(manager.getByText(`Certified on ${today()}`)).toBeVisible();

  return { admin, learner, stranger, address };
}

test.describe("certification with JavaScript", () => {
  test("a trainee earns a certificate on the core set, and it stays as earned when the set changes", async ({ browser, baseURL, playwright }) => {
    const { admin, learner, stranger, address } = await earnAndVerify({ browser, baseURL, playwright }, true);

    // A second core scenario later changes nothing for a certificate already earned.
    const more = authoredScenario(RETURNS_TITLE);
    await tickCoreSet(admin, [PARCEL.id, more.id], "Saved. The core set now has 2 scenarios.");
    await learner.reload();
    const certificate = learner.getByRole("article", { name: "Certificate of practice" });
    await expect(certificate).toContainText(PARCEL.title);
    await expect(certificate).not.toContainText(more.title);
    await stranger.goto(address);
    await expect(stranger.getByRole("region", { name: "This certificate is genuine" })).not.toContainText(more.title);
  });
});

test.describe("certification without JavaScript", () => {
  test("a trainee earns a certificate and the check works signed out, with plain pages", async ({ browser, baseURL, playwright }) => {
    await earnAndVerify({ browser, baseURL, playwright }, false);
  });
});
