// Each attempt shows the replies in an order of its own: a permutation of the authored replies that
// stays put for the attempt (reloads, no JavaScript, a server restart), differs between attempts,
// drives keys 1–9 and is the order the debrief lists them in. Also the keys hint and the focus on
// the customer's first line after Start.
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { authoredScenario, inAuthoredOrder } from "./authored";
import { createCrew } from "./manager-support";
import {
  ATTEMPT_URL,
  DEBRIEF_URL,
  PARCEL,
  PERFECT_PARCEL_CHOICES,
  RETURNS,
  SHOTS_DIR,
  attemptIdOf,
  authoredButton,
  choiceButtons,
  expect,
  expectNoSeriousViolations,
  freePort,
  killRunningServers,
  latestLine,
  makeTempDir,
  readPlayPage,
  shownChoiceIds,
  signInState,
  startAppServer,
  startViaApi,
  test,
  transcriptItems,
  turnInput,
  waitForHydration,
  type StorageState,
} from "./play-support";
import { originOf } from "./support";

/** The ids of a step's replies in the order the scenario file lists them. */
function authoredIds(scenarioId: string, stepId: string): string[] {
  return authoredScenario(scenarioId).steps.find((step) => step.id === stepId)?.choices.map((choice) => choice.id) ?? [];
}

/** The reply texts of the turn in the order on screen. */
async function shownTexts(page: Page): Promise<string[]> {
  return (await choiceButtons(page).locator(".choice__text").allInnerTexts()).map((text) => text.trim());
}

/** The play page as a browser without JavaScript sees it, with the same session. */
async function idsWithoutJavaScript(browser: Browser, baseURL: string | undefined, state: StorageState, attemptId: number): Promise<string[]> {
  const context = await browser.newContext({ baseURL, storageState: state, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`/train/attempts/${attemptId}`);
    return await shownChoiceIds(page);
  } finally {
    await context.close();
  }
}

test.describe("the order of replies", () => {
  test.describe.configure({ timeout: 60_000 });

  test("is a permutation of the authored replies, the same after a reload and without JavaScript", async ({ page, browser, baseURL, trainee }) => {
    await page.goto(`/train/scenarios/${RETURNS.id}`);
    await page.getByRole("button", { name: "Start the conversation" }).click();
    await expect(page).toHaveURL(ATTEMPT_URL);
    const attemptId = attemptIdOf(page);
    await waitForHydration(page);

    const shown = await shownChoiceIds(page);
    expect([...shown].sort()).toEqual([...authoredIds(RETURNS.id, "ask")].sort());
    expect(inAuthoredOrder(authoredScenario(RETURNS.id), shown)).toEqual(authoredIds(RETURNS.id, "ask"));
    const texts = await shownTexts(page);

    await page.reload();
    await waitForHydration(page);
    expect(await shownChoiceIds(page)).toEqual(shown);
    expect(await shownTexts(page)).toEqual(texts);
    expect(await idsWithoutJavaScript(browser, baseURL, trainee.state, attemptId)).toEqual(shown);
    // The keys follow the order on screen: each button announces its place.
    for (const [index, id] of shown.entries()) {
      await expect(page.locator(`button[name="choiceId"][value="${id}"]`)).toHaveAttribute("aria-keyshortcuts", String(index + 1));
    }
  });

  test("differs between attempts, including two by the same trainee", async ({ request, baseURL }) => {
    const origin = originOf(baseURL);
    // Four replies at the first step: 24 orders. Ten attempts all showing one order, or all showing
    // the authored first reply first, would happen about once in a million runs by chance.
    const orders: string[][] = [];
    for (let i = 0; i < 10; i++) orders.push((await readPlayPage(request, await startViaApi(request, origin, RETURNS.id))).choiceIds);
    for (const order of orders) expect([...order].sort()).toEqual([...authoredIds(RETURNS.id, "ask")].sort());
    expect(new Set(orders.map((order) => order.join(","))).size).toBeGreaterThan(1);
    expect(orders.some((order) => order[0] !== authoredIds(RETURNS.id, "ask")[0])).toBe(true);
  });

  test("keys 1–9 pick the reply at that place on screen", async ({ page }) => {
    await page.goto(`/train/scenarios/${RETURNS.id}`);
    await page.getByRole("button", { name: "Start the conversation" }).click();
    await expect(page).toHaveURL(ATTEMPT_URL);
    await waitForHydration(page);
    const texts = await shownTexts(page);
    const ids = await shownChoiceIds(page);
    // A reply after the first on screen, whichever it is in the file (ask.2 would end the visit: not that one).
    const place = ids.findIndex((id, index) => index >= 1 && id !== "ask.2");
    await page.keyboard.press(String(place + 1));
    await expect(turnInput(page)).not.toHaveValue("1");
    await expect(transcriptItems(page).last()).toContainText(texts[place] ?? "(missing)");
  });

  test("is the order the debrief lists each turn's replies in, for the trainee and their manager", async ({ browser, playwright, baseURL }) => {
    const crew = await createCrew(playwright, baseURL, [["Ada"]]);
    const [ada] = crew.trainees;
    if (!ada) throw new Error("the crew has a trainee");
    const context = await browser.newContext({ baseURL, storageState: ada.state });
    const page = await context.newPage();
    await page.goto(`/train/scenarios/${PARCEL.id}`);
    await page.getByRole("button", { name: "Start the conversation" }).click();
    await expect(page).toHaveURL(ATTEMPT_URL);
    const attemptId = attemptIdOf(page);
    await waitForHydration(page);

    // The best path (PERFECT_PARCEL_CHOICES, in authored positions), remembering what was on screen at each turn.
    const seen: string[][] = [];
    while (!DEBRIEF_URL.test(page.url())) {
      const turn = Number(await turnInput(page).inputValue());
      const position = PERFECT_PARCEL_CHOICES[turn - 1];
      if (position === undefined) throw new Error(`the best path has no reply for turn ${turn}`);
      seen.push(await shownTexts(page));
      await (await authoredButton(page, position)).click();
      // On to the next turn, or to the debrief after the last reply.
      await expect
        .poll(async () => DEBRIEF_URL.test(page.url()) || (await turnInput(page).getAttribute("value", { timeout: 500 }).catch(() => null)) === String(turn + 1))
        .toBe(true);
    }

    const offered = async (debrief: Page) => {
      const lists: string[][] = [];
      for (const review of await debrief.locator("ol.review-list > li").all()) {
        const details = review.locator("details.review__offered");
        if ((await details.count()) === 0) {
          lists.push([]);
          continue;
        }
        await details.locator("summary").click();
        lists.push((await details.locator(".offered__text").allInnerTexts()).map((text) => text.trim()));
      }
      return lists;
    };
    // A turn with a single reply has nothing to compare, so the debrief lists none there.
    const expected = seen.map((texts) => (texts.length > 1 ? texts : []));
    await expect(page.locator("ol.review-list > li")).toHaveCount(seen.length);
    expect(await offered(page)).toEqual(expected);
    await expect(page.locator("details.review__offered summary").first()).toHaveText("Replies offered, in the order they were shown");
    // Opened, the lists pass axe; a screenshot for a person to look at.
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: path.join(SHOTS_DIR, "debrief-offered-1280.png"), fullPage: true, animations: "disabled" });
    await context.close();

    const managerContext = await browser.newContext({ baseURL, storageState: crew.manager.state });
    const manager = await managerContext.newPage();
    await manager.goto(`/team/attempts/${attemptId}`);
    await expect(manager.getByRole("heading", { level: 1 })).toHaveText(`Debrief: ${PARCEL.title}`);
    expect(await offered(manager)).toEqual(expected);
    await expect(manager.locator("details.review__offered summary").first()).toHaveText("Replies offered, in the order they were shown");
    await managerContext.close();
  });

  test("stays the same after a server restart", async ({ browser, playwright }) => {
    test.setTimeout(90_000);
    const temp = await makeTempDir("order-restart");
    const databasePath = path.join(temp.dir, "frontline.db");
    const port = await freePort();
    let server = await startAppServer({ databasePath, port });
    try {
      // A demo trainee: the server seeds its own fresh database.
      const priya = await signInState(playwright, server.url, "priya@frontline.test", "frontline-trainee");
      const request = await playwright.request.newContext({ baseURL: server.url, storageState: priya });
      const attemptId = await startViaApi(request, server.url, RETURNS.id);
      const before = (await readPlayPage(request, attemptId)).choiceIds;
      expect([...before].sort()).toEqual([...authoredIds(RETURNS.id, "ask")].sort());

      expect((await server.stop("SIGTERM")).code).toBe(0);
      server = await startAppServer({ databasePath, port });
      expect((await readPlayPage(request, attemptId)).choiceIds).toEqual(before);
      expect(await idsWithoutJavaScript(browser, server.url, priya, attemptId)).toEqual(before);
      await request.dispose();
    } finally {
      await server.stop("SIGKILL");
      await killRunningServers();
      await temp.remove();
    }
  });
});

test.describe("the keys hint", () => {
  test("shows once JavaScript runs with a mouse and keyboard; not without JavaScript, not on a touch screen", async ({ browser, baseURL, request, trainee }) => {
    const attemptId = await startViaApi(request, originOf(baseURL), PARCEL.id);
    const hint = /^Press a number from 1 to \d to pick a reply\.$/;
    const cases = [
      { name: "mouse", options: {}, visible: true },
      { name: "no JavaScript", options: { javaScriptEnabled: false }, visible: false },
      { name: "touch", options: { hasTouch: true, isMobile: true, viewport: { width: 375, height: 800 } }, visible: false },
    ];
    for (const { name, options, visible } of cases) {
      const context = await browser.newContext({ baseURL, storageState: trainee.state, ...options });
      const page = await context.newPage();
      await page.goto(`/train/attempts/${attemptId}`);
      await expect(page.getByText("Choose what you say next.")).toBeVisible();
      if (name !== "no JavaScript") await waitForHydration(page);
      await expect(page.getByText(hint), name).toHaveCount(visible ? 1 : 0);
      await context.close();
    }
  });
});

test.describe("focus", () => {
  test("after Start the conversation, the focus is on the customer's first line", async ({ page }) => {
    await page.goto(`/train/scenarios/${PARCEL.id}`);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Start the conversation" }).click();
    await expect(page).toHaveURL(ATTEMPT_URL);
    await expect(latestLine(page)).toBeFocused();
    await expect(latestLine(page)).toHaveAccessibleName("Marta's latest message");
    await expect(latestLine(page)).toContainText("This is the third time I'm calling.");
  });
});
