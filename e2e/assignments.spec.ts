// Assignments and skill pathways, end to end, with JavaScript and without: a manager assigns a
// scenario with a due date to a fresh trainee of their team, the trainee finds it first on their
// home page, and once they finish it the manager sees it done; a trainer builds a pathway (and puts
// it in order with the move buttons) that the manager assigns to the whole team. axe and a 375 px
// phone on every new page. Screenshots go to /tmp/shots/assignments/ for a person to look at.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { createCrew, isoDay, PATHS, playAs, type Crew } from "./manager-support";
import { expectNoHorizontalScroll, expectNoSeriousViolations, PARCEL, RETURNS, signInThroughForm, waitForHydration } from "./play-support";
import { originOf, stateFile, textOf } from "./support";

const SHOTS_DIR = process.env.ASSIGNMENT_SHOTS_DIR || "/tmp/shots/assignments";
const SIGNED_OUT = { cookies: [], origins: [] };

/** A due day as the pages write it ("11 Dec 2026"). */
const shownDay = (day: string) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));

async function open(browser: Browser, baseURL: string | undefined, storageState: BrowserContextOptions["storageState"], javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ baseURL, storageState, javaScriptEnabled });
  return context.newPage();
}

async function visit(page: Page, url: string, heading: string | RegExp, js: boolean): Promise<void> {
  const response = await page.goto(url);
  expect(response?.status(), `${url} opens`).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  if (js) await waitForHydration(page);
}

/**
 * axe at 1280 px and at 375 px, no sideways scroll on the phone, and screenshots of both. axe runs
 * as a script in the page, so it runs in the JavaScript pass; the server's HTML is the same in both.
 */
async function checkPage(page: Page, name: string, js: boolean): Promise<void> {
  if (!js) return;
  await mkdir(SHOTS_DIR, { recursive: true });
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoSeriousViolations(page);
    if (width === 375) await expectNoHorizontalScroll(page, 375);
    await page.screenshot({ path: path.join(SHOTS_DIR, `${name}-${width}.png`), fullPage: true });
  }
}

function assignmentRow(page: Page, title: string) {
  return page.getByRole("table", { name: "Current assignments" }).locator("tbody tr").filter({ hasText: title });
}

async function assign(page: Page, item: string, target: string, dueOn?: string): Promise<void> {
  await page.getByLabel("What to practise").selectOption(item);
  await page.getByLabel("Who", { exact: true }).selectOption(target);
  if (dueOn) await page.getByLabel("Due date (optional)").fill(dueOn);
  await page.getByRole("button", { name: "Assign", exact: true }).click();
}

for (const js of [true, false]) {
  test.describe(js ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: js });
    test.describe.configure({ timeout: 120_000 });

    test("a manager assigns a scenario with a due date; the trainee sees it first and, once finished, it is done", async ({ browser, baseURL, playwright }) => {
      const crew: Crew = await createCrew(playwright, baseURL, [["Ada"]]);
      const ada = crew.trainees[0]!;
      const due = isoDay(7);
      const manager = await open(browser, baseURL, crew.manager.state, js);
      await visit(manager, "/team/assignments", "Assignments", js);
      await expect(assignmentRow(manager, PARCEL.title)).toHaveCount(0);

      // A past day is refused by name, and what was chosen stays chosen. (Without JavaScript the
      // date field's own minimum stops the browser first, so the server's answer is read directly.)
      if (js) {
        await assign(manager, `scenario:${PARCEL.id}`, `trainee:${ada.id}`, isoDay(-1));
        await expect(manager.getByText("That due date has already passed. Choose today or a later day.")).toBeVisible();
        await expect(manager.getByLabel("What to practise")).toHaveValue(`scenario:${PARCEL.id}`);
        await expect(manager.getByLabel("Who", { exact: true })).toHaveValue(`trainee:${ada.id}`);
      } else {
        const refused = await manager.request.post("/team/assignments", {
          form: { intent: "assign", item: `scenario:${PARCEL.id}`, target: `trainee:${ada.id}`, dueOn: isoDay(-1) },
          headers: { Origin: originOf(baseURL) },
          maxRedirects: 0,
        });
        expect(refused.status()).toBe(400);
        expect(textOf(await refused.text())).toContain("That due date has already passed. Choose today or a later day.");
      }

      await assign(manager, `scenario:${PARCEL.id}`, `trainee:${ada.id}`, due);
      await expect(manager.getByRole("status")).toHaveText(`${PARCEL.title} is assigned to ${ada.name}.`);
      const row = assignmentRow(manager, PARCEL.title);
      await expect(row).toContainText(ada.name);
      await expect(row).toContainText(shownDay(due));
      await expect(row).toContainText("Not done");

      // The trainee signs in: "Assigned to you" comes first, above the catalogue.
      const trainee = await open(browser, baseURL, SIGNED_OUT, js);
      await signInThroughForm(trainee, ada);
      if (js) await waitForHydration(trainee);
      await expect(trainee.locator("main h2").first()).toHaveText("Assigned to you");
      const assigned = trainee.getByRole("region", { name: "Assigned to you" });
      await expect(assigned).toContainText(PARCEL.title);
      await expect(assigned).toContainText(`Due ${shownDay(due)}`);
      await expect(assigned).toContainText(`From ${crew.manager.name}`);
      await expect(trainee.locator(".scenario-card").filter({ hasText: PARCEL.title })).toContainText("Assigned");
      await checkPage(trainee, `home-assigned-${js ? "js" : "nojs"}`, js);
      await trainee.setViewportSize({ width: 1280, height: 900 });
      await assigned.getByRole("link", { name: `Open ${PARCEL.title}` }).click();
      await expect(trainee).toHaveURL(`/train/scenarios/${PARCEL.id}`);

      await playAs(playwright, baseURL, ada, PATHS.best.choices);
      await visit(trainee, "/train", `Hello, ${ada.name}`, js);
      await expect(trainee.getByRole("region", { name: "Assigned to you" })).toHaveCount(0);

      await visit(manager, "/team/assignments", "Assignments", js);
      await expect(assignmentRow(manager, PARCEL.title)).toContainText("Done");
      await checkPage(manager, `assignments-${js ? "js" : "nojs"}`, js);

      // The overview's "Needs a look" is there, and nothing in it is overdue.
      await visit(manager, "/team", "Team overview", js);
      const attention = manager.getByRole("region", { name: "Needs a look" });
      await expect(attention).toContainText("No overdue assignments.");
      await checkPage(manager, `overview-${js ? "js" : "nojs"}`, js);
    });

    test("a trainer builds a pathway and puts it in order; the manager assigns it to the whole team, then removes it", async ({ browser, baseURL, playwright }) => {
      const crew: Crew = await createCrew(playwright, baseURL, [["Bea", "Cal"]]);
      const [bea] = crew.trainees;
      const title = `Steady start ${crew.tag}`;
      const trainer = await open(browser, baseURL, stateFile("trainer"), js);
      await visit(trainer, "/pathways", "Skill pathways", js);
      if (js) {
        // Nothing chosen: each field says what it needs.
        await trainer.getByRole("button", { name: "Create pathway" }).click();
        await expect(trainer.getByText("Enter a title for the pathway.")).toBeVisible();
        await expect(trainer.getByText("Choose the skill this pathway trains.")).toBeVisible();
        await expect(trainer.getByText("Choose at least one scenario.")).toBeVisible();
      }
      await trainer.getByLabel("Title", { exact: true }).fill(title);
      await trainer.getByLabel("Skill", { exact: true }).selectOption("calm");
      await trainer.getByRole("checkbox", { name: new RegExp(PARCEL.title) }).check();
      await trainer.getByRole("checkbox", { name: new RegExp(RETURNS.title.replace("?", "\\?")) }).check();
      await checkPage(trainer, `pathways-${js ? "js" : "nojs"}`, js);
      await trainer.setViewportSize({ width: 1280, height: 900 });
      await trainer.getByRole("button", { name: "Create pathway" }).click();
      await expect(trainer.getByRole("heading", { level: 1 })).toHaveText(title);
      const steps = trainer.locator(".pathway-step__title");
      // Gentlest first: the returns desk is level 1, the parcel level 2.
      await expect(steps).toHaveText([RETURNS.title, PARCEL.title]);
      await trainer.getByRole("button", { name: `Move up: ${PARCEL.title}` }).click();
      await expect(trainer.getByRole("status")).toHaveText(`${PARCEL.title} is now number 1 of 2.`);
      await expect(steps).toHaveText([PARCEL.title, RETURNS.title]);
      await expect(trainer.getByRole("button", { name: `Move up: ${PARCEL.title}` })).toBeDisabled();
      await checkPage(trainer, `pathway-${js ? "js" : "nojs"}`, js);

      const manager = await open(browser, baseURL, crew.manager.state, js);
      await visit(manager, "/team/assignments", "Assignments", js);
      const pathwayValue = await manager.getByLabel("What to practise").locator("option", { hasText: title }).getAttribute("value");
      expect(pathwayValue).toMatch(/^pathway:\d+$/);
      await assign(manager, pathwayValue!, `team:${crew.teams[0]!.id}`);
      const row = assignmentRow(manager, title);
      await expect(row).toContainText(`Everyone in ${crew.teams[0]!.name}`);
      await expect(row).toContainText("0 of 2 done");
      await expect(row).toContainText("No due date");

      const trainee = await open(browser, baseURL, bea!.state, js);
      await visit(trainee, "/train", `Hello, ${bea!.name}`, js);
      const assigned = trainee.getByRole("region", { name: "Assigned to you" });
      await expect(assigned).toContainText(title);
      await expect(assigned).toContainText("Calm pathway");
      await expect(assigned.getByRole("link", { name: `Next: ${PARCEL.title}` })).toBeVisible();

      await row.getByRole("button", { name: /^Remove/ }).click();
      await expect(manager.getByRole("status")).toHaveText("The assignment was removed.");
      await expect(assignmentRow(manager, title)).toHaveCount(0);
      await visit(trainee, "/train", `Hello, ${bea!.name}`, js);
      await expect(trainee.getByRole("region", { name: "Assigned to you" })).toHaveCount(0);
    });
  });
}

test("a manager cannot see or assign to another team, and a trainee or manager cannot edit pathways", async ({ playwright, baseURL }) => {
  const [mine, theirs] = await Promise.all([createCrew(playwright, baseURL, [["Dan"]]), createCrew(playwright, baseURL, [["Eve"]])]);
  const request = await playwright.request.newContext({ baseURL, storageState: mine.manager.state });
  const origin = originOf(baseURL);
  expect((await request.get(`/team/assignments?team=${theirs.teams[0]!.id}`)).status()).toBe(404);
  const post = (target: string) =>
    request.post("/team/assignments", { form: { intent: "assign", item: `scenario:${PARCEL.id}`, target }, headers: { Origin: origin }, maxRedirects: 0 });
  expect((await post(`team:${theirs.teams[0]!.id}`)).status()).toBe(404);
  expect((await post(`trainee:${theirs.trainees[0]!.id}`)).status()).toBe(404);
  const page = await (await request.get("/team/assignments")).text();
  expect(page).not.toContain(theirs.trainees[0]!.name);
  expect((await request.get("/pathways")).status()).toBe(403);
  const trainee = await playwright.request.newContext({ baseURL, storageState: mine.trainees[0]!.state });
  expect((await trainee.get("/pathways")).status()).toBe(403);
  expect((await trainee.get("/team/assignments")).status()).toBe(403);
  await Promise.all([request.dispose(), trainee.dispose()]);
});
