// The team game (issue 12): an admin gives a new team a weekly goal and turns its leaderboard
// on; its trainees see the shared bar move when one of them finishes a conversation, and one who
// hides their name shows to the others as "A teammate". Another team, with the leaderboard off,
// sees nobody's XP; a trainee with no team gets a friendly note. The admin's game settings hold
// from the next UTC day. The brief opens on the play page without JavaScript, and adds no layout
// shift. With JavaScript and without at 375 px; axe on every new page in the runs with JavaScript.
//
// The game settings are one for the whole database: the file runs its tests one after the other
// and puts the daily cap back to its default at the end of each test that changes it.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { createCrew, type Crew } from "./manager-support";
import { createTrainee, expectNoHorizontalScroll, expectNoSeriousViolations, PARCEL, PERFECT_PARCEL_CHOICES, playByClicking, waitForHydration } from "./play-support";
import { stateFile } from "./support";

// Long flows (a crew signed in, a whole conversation, axe on each page) on two shared cores.
test.describe.configure({ mode: "serial", timeout: 300_000 });

const PHONE = { width: 375, height: 800 };
const DEFAULT_CAP = 400;

/** A day as the pages write it ("23 Nov 2026", UTC). */
const dayText = (offsetDays: number) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(Date.now() + offsetDays * 86_400_000));

/** Pages opened without JavaScript: axe cannot run in them (it waits forever for its script). */
const withoutScript = new WeakSet<Page>();

async function open(browser: Browser, baseURL: string | undefined, storageState: BrowserContextOptions["storageState"], javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ baseURL, storageState, javaScriptEnabled, viewport: PHONE });
  const page = await context.newPage();
  if (!javaScriptEnabled) withoutScript.add(page);
  return page;
}

/** axe (where it can run: the same pages are checked in the runs with JavaScript) and no sideways scroll at 375 px. */
async function checkPage(page: Page): Promise<void> {
  if (!withoutScript.has(page)) await expectNoSeriousViolations(page);
  await expectNoHorizontalScroll(page, PHONE.width);
}

/** axe on the team goal alone: the home page around it belongs to other features, checked by their own specs. */
async function checkTeamGoal(page: Page): Promise<void> {
  if (withoutScript.has(page)) return;
  const results = await new AxeBuilder({ page }).include(".team-goal").analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** The shared bar's sentence on the page now ("1 of 3 finished conversations"). */
function goalCount(page: Page) {
  return page.getByRole("region", { name: "Team goal this week" }).locator(".team-goal__count");
}

function leaderboard(page: Page) {
  return page.getByRole("table", { name: /^XP earned this week in / });
}

async function teamGoalAndLeaderboard({ browser, baseURL, playwright }: { browser: Browser; baseURL: string | undefined; playwright: Parameters<typeof createCrew>[0] }, js: boolean) {
  const crew: Crew = await createCrew(playwright, baseURL, [["Ada", "Ben"], ["Cleo"]]);
  const [ada, ben, cleo] = crew.trainees;
  const [team, otherTeam] = crew.teams;
  if (!ada || !ben || !cleo || !team || !otherTeam) throw new Error("the crew has two teams and three trainees");

  // The admin, on Teams: a goal that is not a whole number is refused, keeping what was typed.
  const admin = await open(browser, baseURL, stateFile("admin"), js);
  await admin.goto("/admin/teams");
  const card = admin.getByRole("region", { name: team.name });
  await expect(card.getByRole("checkbox", { name: "Show this team an XP leaderboard" })).not.toBeChecked();
  await expect(card.getByLabel("Team weekly goal")).toHaveValue("");
  await card.getByRole("checkbox", { name: "Show this team an XP leaderboard" }).check();
  await card.getByLabel("Team weekly goal").fill("0");
  await card.getByRole("button", { name: "Save team game" }).click();
  await expect(card.getByText("Enter the team weekly goal as a whole number from 1 to 10,000, or leave it empty for no goal.")).toBeVisible();
  await expect(card.getByLabel("Team weekly goal")).toHaveValue("0");
  await expect(card.getByLabel("Team weekly goal")).toHaveAttribute("aria-invalid", "true");
  await expect(card.getByRole("checkbox", { name: "Show this team an XP leaderboard" })).toBeChecked();
  await checkPage(admin);
  await card.getByLabel("Team weekly goal").fill("3");
  await card.getByRole("button", { name: "Save team game" }).click();
  await expect(admin.getByRole("status")).toHaveText(`Team game settings saved for ${team.name}.`);
  await expect(card.getByLabel("Team weekly goal")).toHaveValue("3");
  await expect(card.getByRole("checkbox", { name: "Show this team an XP leaderboard" })).toBeChecked();
  // The other team keeps the defaults: no goal, no leaderboard.
  await expect(admin.getByRole("region", { name: otherTeam.name }).getByRole("checkbox", { name: "Show this team an XP leaderboard" })).not.toBeChecked();

  // Both trainees see the goal at zero, on the home page and on My team (through the header).
  const adaPage = await open(browser, baseURL, ada.state, js);
  const benPage = await open(browser, baseURL, ben.state, js);
  for (const page of [adaPage, benPage]) {
    await page.goto("/train");
    await expect(goalCount(page)).toHaveText("0 of 3 finished conversations");
    if (page === adaPage) {
      await checkTeamGoal(page);
      await expectNoHorizontalScroll(page, PHONE.width);
    }
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My team", exact: true }).click();
    await expect(page).toHaveURL("/train/team");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My team");
    await expect(goalCount(page)).toHaveText("0 of 3 finished conversations");
    await expect(page.getByText("3 more to go.")).toBeVisible();
  }
  await expect(leaderboard(adaPage).getByRole("row")).toHaveCount(3);
  await expect(leaderboard(adaPage).getByRole("rowheader", { name: "You" })).toHaveCount(1);
  await expect(leaderboard(adaPage).getByRole("rowheader", { name: ben.name })).toHaveCount(1);

  // Ada finishes a conversation: the shared bar moves for both of them.
  await adaPage.goto(`/train/scenarios/${PARCEL.id}`);
  await adaPage.getByRole("button", { name: "Start the conversation" }).click();
  if (js) await waitForHydration(adaPage);
  await playByClicking(adaPage, PERFECT_PARCEL_CHOICES);
  for (const page of [adaPage, benPage]) {
    await page.goto("/train");
    await expect(goalCount(page)).toHaveText("1 of 3 finished conversations");
    await page.goto("/train/team");
    await expect(goalCount(page)).toHaveText("1 of 3 finished conversations");
    await expect(page.getByText("2 more to go.")).toBeVisible();
  }

  // Ben hides his name: Ada sees "A teammate" in his place, and Ben still sees himself as "You".
  await benPage.goto("/train/settings");
  await expect(benPage.getByText("Your team's leaderboard is on")).toBeVisible();
  await benPage.getByRole("checkbox", { name: "Hide my name on my team's leaderboard" }).check();
  await benPage.getByRole("button", { name: "Save", exact: true }).click();
  await expect(benPage.getByRole("status")).toHaveText("Saved. Your teammates see “A teammate” in your place.");
  await expect(benPage.getByRole("checkbox", { name: "Hide my name on my team's leaderboard" })).toBeChecked();
  await checkPage(benPage);
  // The time limit's form on the same page still works.
  await benPage.getByRole("radio", { name: "Extended" }).check();
  await benPage.getByRole("button", { name: "Save settings" }).click();
  await expect(benPage.getByRole("status")).toHaveText("Settings saved. Your next conversations use this time limit.");
  await expect(benPage.getByRole("checkbox", { name: "Hide my name on my team's leaderboard" })).toBeChecked();

  await adaPage.goto("/train/team");
  await expect(leaderboard(adaPage).getByRole("rowheader", { name: "A teammate" })).toHaveCount(1);
  await expect(leaderboard(adaPage).getByRole("rowheader", { name: "You" })).toHaveCount(1);
  // Not in the words, nor anywhere in the document (the data for hydration included).
  expect(await adaPage.content()).not.toContain(ben.name);
  await checkPage(adaPage);
  await benPage.goto("/train/team");
  await expect(leaderboard(benPage).getByRole("rowheader", { name: "You" })).toHaveCount(1);
  await expect(leaderboard(benPage).getByRole("rowheader", { name: ada.name })).toHaveCount(1);

  // The other team: no goal, no leaderboard, and nothing about anyone's XP.
  const cleoPage = await open(browser, baseURL, cleo.state, js);
  await cleoPage.goto("/train");
  await expect(cleoPage.getByRole("region", { name: "Team goal this week" })).toHaveCount(0);
  await cleoPage.goto("/train/team");
  await expect(cleoPage.getByText("Your team has no weekly goal at the moment. Together you have finished 0 conversations this week.")).toBeVisible();
  await expect(cleoPage.getByRole("heading", { name: "XP this week" })).toHaveCount(0);
  await expect(cleoPage.getByRole("table")).toHaveCount(0);
  const cleoHtml = await cleoPage.content();
  for (const name of [ada.name, ben.name]) expect(cleoHtml).not.toContain(name);
  await checkPage(cleoPage);
  await cleoPage.goto("/train/settings");
  await expect(cleoPage.getByText("Your team's leaderboard is off at the moment, so nobody sees your XP.")).toBeVisible();
}

test.describe("the team game with JavaScript", () => {
  test("a team goal moves for everyone in the team, and a hidden name shows as a teammate", async ({ browser, baseURL, playwright }) => {
    await teamGoalAndLeaderboard({ browser, baseURL, playwright }, true);
  });
});

test.describe("the team game without JavaScript", () => {
  test("the same with plain forms and pages", async ({ browser, baseURL, playwright }) => {
    await teamGoalAndLeaderboard({ browser, baseURL, playwright }, false);
  });
});

test("a trainee with no team gets a friendly note instead of a team page", async ({ browser, baseURL, playwright }) => {
  if (!baseURL) throw new Error("baseURL is not configured");
  const loner = await createTrainee(playwright, baseURL, "Loner");
  const page = await open(browser, baseURL, loner.state, false);
  await page.goto("/train/team");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My team");
  await expect(page.getByText("You are not in a team yet.")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await checkPage(page);
  // Another role's page, and the admin's settings for a trainee: 403.
  expect((await page.goto("/admin/game"))?.status()).toBe(403);
});

async function gameSettings(browser: Browser, baseURL: string | undefined, js: boolean, cap: number) {
  const admin = await open(browser, baseURL, stateFile("admin"), js);
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "Game settings", exact: true }).click();
  await expect(admin).toHaveURL("/admin/game");
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Game settings");
  await expect(admin.getByText(`A change holds from tomorrow, ${dayText(1)} (UTC), onwards.`)).toBeVisible();
  await checkPage(admin);

  // Refused, naming the field and its range, with what was typed kept.
  await admin.getByLabel("Daily XP cap").fill("12.5");
  await admin.getByLabel("Weekly practice goal").fill("51");
  await admin.getByRole("button", { name: "Save from tomorrow" }).click();
  await expect(admin.getByText("Enter the daily XP cap as a whole number from 0 to 100,000.")).toBeVisible();
  await expect(admin.getByText("Enter the weekly practice goal as a whole number from 1 to 50.")).toBeVisible();
  await expect(admin.getByLabel("Daily XP cap")).toHaveValue("12.5");
  await expect(admin.getByLabel("Weekly practice goal")).toHaveValue("51");
  await checkPage(admin);

  // Stored as a change from tomorrow; today keeps its value.
  await admin.getByLabel("Daily XP cap").fill(String(cap));
  await admin.getByLabel("Weekly practice goal").fill("3");
  await admin.getByRole("button", { name: "Save from tomorrow" }).click();
  await expect(admin.getByRole("status")).toHaveText(`Saved. The new values hold from ${dayText(1)}.`);
  await expect(admin.getByRole("region", { name: "In force today" })).toContainText(`from ${dayText(1)}: ${cap.toLocaleString("en-GB")} XP a day`);
  const history = admin.getByRole("table", { name: "Changes so far" });
  const row = history.getByRole("row").filter({ hasText: `${cap.toLocaleString("en-GB")} XP a day` });
  await expect(row).toContainText("Daily XP cap");
  await expect(row).toContainText(dayText(1));
  await expect(row).toContainText(`${dayText(0)} by Alex Rivera`);
  await checkPage(admin);

  // The same values again: nothing to save. Then the default cap is put back (from tomorrow too).
  await admin.getByRole("button", { name: "Save from tomorrow" }).click();
  await expect(admin.getByRole("status")).toHaveText(`Nothing to save: these are already the values from ${dayText(1)}.`);
  await admin.getByLabel("Daily XP cap").fill(String(DEFAULT_CAP));
  await admin.getByRole("button", { name: "Save from tomorrow" }).click();
  await expect(admin.getByRole("status")).toHaveText(`Saved. The new values hold from ${dayText(1)}.`);
  await expect(history.getByRole("row").filter({ hasText: `${DEFAULT_CAP} XP a day` }).first()).toContainText(`${dayText(0)} by Alex Rivera`);
}

test.describe("the admin's game settings", () => {
  // The settings are one for the whole server: the two tests take turns, and each run picks caps no earlier run has saved.
  test.describe.configure({ mode: "serial" });
  const uniqueCap = () => 1000 + Math.floor(Math.random() * 98_000);

  test("with JavaScript: a change holds from tomorrow and joins the history", async ({ browser, baseURL }) => {
    await gameSettings(browser, baseURL, true, uniqueCap());
  });

  test("without JavaScript: the same with a plain form", async ({ browser, baseURL }) => {
    await gameSettings(browser, baseURL, false, uniqueCap());
  });
});

/** The brief's opening words in the parcel scenario (scenarios/parcel-third-call.mdx). */
const BRIEF_WORDS = "Marta ordered a birthday present";

for (const js of [false, true]) {
  test(`the brief opens on the play page ${js ? "with" : "without"} JavaScript, closed at first and without moving anything`, async ({ browser, baseURL, playwright }) => {
    if (!baseURL) throw new Error("baseURL is not configured");
    const trainee = await createTrainee(playwright, baseURL, "Brief reader");
    const page = await open(browser, baseURL, trainee.state, js);
    if (js) {
      // Every layout shift from the start of the page, with the elements that moved.
      await page.addInitScript(() => {
        const shifts: string[] = [];
        (window as unknown as { shifts: string[] }).shifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as { sources?: { node?: Node }[] }[]) {
            for (const source of entry.sources ?? []) {
              const element = source.node instanceof Element ? source.node : source.node?.parentElement;
              if (element?.closest(".brief-panel")) shifts.push(element.outerHTML.slice(0, 80));
            }
          }
        }).observe({ type: "layout-shift", buffered: true });
      });
    }
    await page.goto(`/train/scenarios/${PARCEL.id}`);
    await page.getByRole("button", { name: "Start the conversation" }).click();
    await expect(page).toHaveURL(/\/train\/attempts\/\d+$/);
    if (js) await waitForHydration(page);

    const summary = page.locator("details.brief-panel > summary");
    await expect(summary).toHaveText("The situation");
    await expect(page.locator("details.brief-panel")).not.toHaveAttribute("open");
    await expect(page.getByText(BRIEF_WORDS)).toBeHidden();
    const closed = await summary.boundingBox();
    await checkPage(page);

    await summary.click();
    await expect(page.getByText(BRIEF_WORDS)).toBeVisible();
    // Opening it moves only what is below it.
    expect(await summary.boundingBox()).toEqual(closed);
    await checkPage(page);
    // By keyboard too: the summary closes it again.
    await summary.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByText(BRIEF_WORDS)).toBeHidden();

    if (js) {
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { shifts: string[] }).shifts)).toEqual([]);
    }
  });
}
