// Trainers and admins play the published scenarios from the catalogue, as trainees do, with and
// without JavaScript; nothing of the game is shown to them, each page of an attempt says it is not
// counted, and a manager's figures do not move. Managers still get 403 on /train.
//
// The tests share the demo trainer, whose new start puts their unfinished attempt at the same
// scenario aside, so they run one after the other in one worker.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createCrew, parseCsv, PATHS, playAs, requestAs, startedCount } from "./manager-support";
import {
  ATTEMPT_URL,
  DEBRIEF_URL,
  PARCEL,
  PERFECT_PARCEL_CHOICES,
  PERFECT_PARCEL_DEBRIEF,
  RETURNS,
  attemptIdOf,
  expectDebrief,
  expectNoSeriousViolations,
  playByClicking,
  playViaApi,
  startViaApi,
  transcriptItems,
  turnInput,
  waitForHydration,
} from "./play-support";
import { DEMO_USERS, originOf, stateFile, textOf } from "./support";

test.describe.configure({ mode: "default", timeout: 90_000 });

const NOTE = "You are playing as a trainer: this attempt is not counted in any trainee's figures.";
const CATALOGUE_NOTE = "You are playing as a trainer: your attempts are not counted in any trainee's figures, and no XP, badges or review cards are kept for you.";
/** Words of the game layer, none of which a trainer's pages may show. */
const GAME_WORDS = /\bXP\b|Next up|Towards mastered|streak|badge earned|Assigned to you|due for review|leaderboard/i;

async function open(browser: Browser, baseURL: string | undefined, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ baseURL, storageState: stateFile("trainer"), javaScriptEnabled });
  return context.newPage();
}

/** The main content's text, without the note's own "no XP" sentence (the one place the words may appear). */
async function gameWordsOn(page: Page): Promise<string | null> {
  const text = (await page.getByRole("main").innerText()).replace(CATALOGUE_NOTE, "");
  return GAME_WORDS.exec(text)?.[0] ?? null;
}

/** From the trainer's home (the library) through the catalogue to a scenario's brief, checking the catalogue on the way. */
async function openBriefFromCatalogue(page: Page, title: string): Promise<void> {
  await page.goto("/library");
  await page.getByRole("link", { name: "Play scenarios", exact: true }).click();
  await expect(page).toHaveURL("/train");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Play scenarios");
  await expect(page.getByRole("note")).toHaveText(CATALOGUE_NOTE);
  await expect(page.getByRole("heading", { name: "Practice conversations" })).toBeVisible();
  expect(await gameWordsOn(page), "nothing of the game on the trainer's catalogue").toBeNull();
  // No locks for trainers: every card opens.
  await expect(page.locator(".lock-note")).toHaveCount(0);
  // Exact: other specs may publish copies of a scenario meanwhile.
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("note")).toHaveText(NOTE);
}

async function expectTrainerDebrief(page: Page): Promise<void> {
  await expect(page.getByRole("note")).toHaveText(NOTE);
  await expect(page.getByRole("heading", { name: "XP from this conversation" })).toHaveCount(0);
  expect(await gameWordsOn(page), "nothing of the game on the trainer's debrief").toBeNull();
}

test("without JavaScript the demo trainer plays a scenario from the catalogue to the debrief", async ({ browser, baseURL }) => {
  const page = await open(browser, baseURL, false);
  await openBriefFromCatalogue(page, PARCEL.title);
  await page.getByRole("button", { name: /^(Start the conversation|Start over)$/ }).click();
  await expect(page).toHaveURL(ATTEMPT_URL);
  await playByClicking(page, PERFECT_PARCEL_CHOICES);
  await expectDebrief(page, PERFECT_PARCEL_DEBRIEF);
  await expectTrainerDebrief(page);
  // Their own result is on their catalogue, as a trainee's is on theirs.
  await page.getByRole("link", { name: "Back to all scenarios" }).click();
  await expect(page.locator("li.scenario-card").filter({ has: page.getByRole("link", { name: PARCEL.title, exact: true }) })).toContainText("Best score 100");
  await page.context().close();
});

test("with JavaScript the demo trainer starts, leaves, resumes and finishes a conversation; axe passes on every page", async ({ browser, baseURL }) => {
  const page = await open(browser, baseURL, true);
  await openBriefFromCatalogue(page, RETURNS.title);
  await waitForHydration(page);
  await expectNoSeriousViolations(page);
  await page.getByRole("button", { name: /^(Start the conversation|Start over)$/ }).click();
  await expect(page).toHaveURL(ATTEMPT_URL);
  const attemptId = attemptIdOf(page);
  await waitForHydration(page);
  await expectNoSeriousViolations(page);
  // The play page is exactly a trainee's: no note over the conversation.
  await expect(page.getByRole("note")).toHaveCount(0);
  const returnsPath = [4, 3, 2, 3, 2];
  await playByClicking(page, returnsPath.slice(0, 1), { toEnding: false });

  // Back to the catalogue: the card continues the conversation where it was left.
  await page.goto("/train");
  await waitForHydration(page);
  await expectNoSeriousViolations(page);
  await page.getByRole("link", { name: `${RETURNS.title} (In progress)` }).click();
  await expect(page).toHaveURL(`/train/attempts/${attemptId}`);
  await expect(turnInput(page)).toHaveValue("2");
  await expect(transcriptItems(page)).not.toHaveCount(0);
  await waitForHydration(page);
  await playByClicking(page, returnsPath.slice(1));
  await expect(page).toHaveURL(DEBRIEF_URL);
  await expectTrainerDebrief(page);
  await expect(page.getByRole("heading", { level: 2, name: /^Outcome:/ })).toHaveText("Outcome: Satisfied");
  await waitForHydration(page);
  await expectNoSeriousViolations(page);

  // Settings: the time limit only (it also governs previews); the leaderboard box is the trainees'.
  await page.goto("/train/settings");
  await expect(page.getByRole("group", { name: "Time to reply" })).toBeVisible();
  await expect(page.getByText(/applies to the scenarios you play and to your previews/)).toBeVisible();
  expect(await gameWordsOn(page)).toBeNull();
  await waitForHydration(page);
  await expectNoSeriousViolations(page);
  await page.context().close();
});

test("a trainer's and an admin's conversations leave a manager's overview, exports and scenario analytics as they were", async ({ playwright, baseURL }) => {
  const origin = originOf(baseURL);
  const crew = await createCrew(playwright, baseURL, [["Tia"]]);
  await playAs(playwright, baseURL, crew.trainees[0]!, PATHS.mixed.choices);
  const manager = await requestAs(playwright, baseURL, crew.manager.state);
  const get = async (path: string) => {
    const response = await manager.get(path);
    expect(response.status(), path).toBe(200);
    return response.text();
  };
  // Only what is about the crew and the parcel scenario: other specs may publish scenarios meanwhile,
  // which changes the library's size (scenarios_available) and the list of scenarios.
  const read = async () => ({
    overview: parseCsv(await get("/team/overview.csv")).rows.map((row) => Object.entries(row).filter(([column]) => column !== "scenarios_available")),
    attempts: parseCsv(await get("/team/attempts.csv")),
    items: parseCsv(await get(`/analytics/scenarios/${PARCEL.id}/items.csv`)),
    parcelRow: await startedCount(manager, PARCEL.title),
    parcelPage: textOf(await get(`/analytics/scenarios/${PARCEL.id}`)),
  });
  const before = await read();
  // The crew's trainee is in the figures, so an unchanged page below is not an empty one.
  expect(before.attempts.rows).toHaveLength(1);
  expect(before.parcelRow.started).toBe(1);

  const played: { who: "trainer" | "admin"; attemptId: number }[] = [];
  for (const who of ["trainer", "admin"] as const) {
    const request = await requestAs(playwright, baseURL, stateFile(who));
    const attemptId = await startViaApi(request, origin, PARCEL.id);
    await playViaApi(request, origin, attemptId, PATHS.best.choices);
    const debrief = await request.get(`/train/attempts/${attemptId}/debrief`);
    expect(debrief.status()).toBe(200);
    expect(textOf(await debrief.text())).toContain(`You are playing as ${who === "admin" ? "an admin" : "a trainer"}: this attempt is not counted in any trainee's figures.`);
    // And one left in progress: started attempts count on scenario analytics too.
    await playViaApi(request, origin, await startViaApi(request, origin, RETURNS.id), [1]);
    played.push({ who, attemptId });
    await request.dispose();
  }
  expect(await read()).toEqual(before);

  // A manager cannot open these attempts either way, nor any page of /train.
  for (const { attemptId } of played) {
    expect((await manager.get(`/team/attempts/${attemptId}`, { maxRedirects: 0 })).status()).toBe(404);
    for (const path of [`/train/attempts/${attemptId}`, `/train/attempts/${attemptId}/debrief`]) {
      expect((await manager.get(path, { maxRedirects: 0 })).status(), path).toBe(403);
    }
  }
  for (const path of ["/train", "/train/settings", `/train/scenarios/${PARCEL.id}`]) {
    expect((await manager.get(path, { maxRedirects: 0 })).status(), path).toBe(403);
  }
  await manager.dispose();
});

test("the game's own pages stay the trainees': a trainer gets 403 on them and on the leaderboard choice", async ({ playwright, baseURL }) => {
  const trainer = await requestAs(playwright, baseURL, stateFile("trainer"));
  for (const path of ["/train/progress", "/train/review", "/train/team", "/train/certificate"]) {
    const response = await trainer.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(403);
    expect(textOf(await response.text())).toContain("This page is not part of your role");
  }
  const refused = await trainer.post("/train/settings", {
    form: { intent: "leaderboard-name", hidden: "on" },
    headers: { Origin: originOf(baseURL) },
    maxRedirects: 0,
  });
  expect(refused.status()).toBe(403);
  // Their home stays the library.
  const home = await trainer.get("/", { maxRedirects: 0 });
  expect(home.headers().location).toBe(DEMO_USERS.trainer.home);
  await trainer.dispose();
});
