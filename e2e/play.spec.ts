// The trainee's play loop in the browser: with the mouse, without JavaScript, by keyboard only,
// and resuming after a reload or a closed tab. Each test has its own fresh trainee.
import type { Locator, Page } from "@playwright/test";
import {
  ATTEMPT_URL,
  DEBRIEF_URL,
  PARCEL,
  RETURNS,
  SIGNED_OUT,
  attemptIdOf,
  authoredButton,
  choiceButtons,
  expect,
  expectDebrief,
  PERFECT_PARCEL_DEBRIEF,
  expectTraineeHome,
  keyForAuthored,
  latestLine,
  playByClicking,
  signInThroughForm,
  test,
  transcriptItems,
  turnInput,
  waitForHydration,
} from "./play-support";
import { authoredPath, authoredScenario, stepAfter } from "./authored";
import { PATHS } from "./manager-support";

/** The customer's first line at the step these authored positions lead to, as the engine reads the file. */
function customerLineAfter(scenarioId: string, positions: readonly number[]): string {
  const line = stepAfter(authoredScenario(scenarioId), positions).customer[0]?.text;
  if (!line) throw new Error(`${scenarioId}: no customer line after ${positions.join(",")}`);
  return line;
}

/** Presses Tab until `target` has the focus (at most `max` times). */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${target} did not get the focus after ${max} presses of Tab`);
}

test.describe("the play loop in the browser", () => {
  // Whole conversations with typing pauses, on two cores shared with the server and the browser.
  test.describe.configure({ timeout: 60_000 });

  test("mouse: sign in, open a scenario, play to an ending by clicking and read the debrief", async ({ browser, baseURL, trainee }) => {
    // A signed-out context (the test runner would otherwise apply the fixture's session): this test signs in itself.
    const context = await browser.newContext({ baseURL, storageState: SIGNED_OUT });
    const page = await context.newPage();
    await signInThroughForm(page, trainee);

    await page.getByRole("link", { name: RETURNS.title }).click();
    await expect(page).toHaveURL(`/train/scenarios/${RETURNS.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(RETURNS.title);
    await page.getByRole("button", { name: "Start the conversation" }).click();
    await expect(page).toHaveURL(ATTEMPT_URL);
    await expect(turnInput(page)).toHaveValue("1");
    await expect(latestLine(page)).toContainText(customerLineAfter(RETURNS.id, []));

    // With JavaScript the whole conversation happens without a full page load.
    await waitForHydration(page);
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

    // 4,3,2,3,2: how he paid, the card, chip end first (no word for the queue), the Friday caveat, then
    // sympathy with nothing to hold on to (best, best, fair, best, poor); `scenarios play` gives these figures.
    const returnsPath = [4, 3, 2, 3, 2];
    await playByClicking(page, returnsPath);
    await expectDebrief(page, {
      title: RETURNS.title,
      outcome: "Satisfied",
      stars: 4,
      resolved: true,
      overall: 78,
      skills: [100, 75, 56, 67, 93],
      ratings: ["Best", "Best", "Fair", "Best", "Poor"],
    });
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument), "no full page load").toBe(true);
    await expect(page.getByRole("heading", { name: "How it ended" })).toBeVisible();
    const { ending } = authoredPath(authoredScenario(RETURNS.id), returnsPath);
    expect(ending.id).toBe("refunded");
    await expect(page.getByText(ending.text.text)).toBeVisible();

    // Try again starts a new attempt at the first turn.
    const finished = attemptIdOf(page);
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page).toHaveURL(ATTEMPT_URL);
    expect(attemptIdOf(page)).not.toBe(finished);
    await expect(turnInput(page)).toHaveValue("1");
    await expect(transcriptItems(page)).toHaveCount(0);
    await context.close();
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false, storageState: SIGNED_OUT });

    test("a trainee signs in and plays a whole scenario with plain form posts and redirects", async ({ page, trainee }) => {
      // A plain form post loads a document with a form body and is answered by a redirect (a script would fetch ?_data instead).
      type Post = { url: string; kind: string; body: string | undefined; status: number; location: string | undefined };
      const posts: Post[] = [];
      page.on("response", (response) => {
        const request = response.request();
        if (request.method() !== "POST") return;
        posts.push({
          url: new URL(response.url()).pathname,
          kind: request.resourceType(),
          body: request.headers()["content-type"]?.split(";")[0],
          status: response.status(),
          location: response.headers().location,
        });
      });
      const formPost = (url: string, location: string): Post => ({
        url,
        kind: "document",
        body: "application/x-www-form-urlencoded",
        status: 302,
        location,
      });

      await signInThroughForm(page, trainee);
      await page.getByRole("link", { name: PARCEL.title }).click();
      await expect(page).toHaveURL(`/train/scenarios/${PARCEL.id}`);
      await page.getByRole("button", { name: "Start the conversation" }).click();
      await expect(page).toHaveURL(ATTEMPT_URL);
      const attemptId = attemptIdOf(page);
      // No countdown that would never move: the patience is stated in words instead.
      await expect(page.getByText("Marta expects a reply within 45 seconds.")).toBeVisible();
      await expect(page.getByRole("timer")).toHaveCount(0);

      await playByClicking(page, PATHS.best.choices);
      await expectDebrief(page, PERFECT_PARCEL_DEBRIEF);

      // A perfect run is congratulated, not told to keep sharpening its "lowest" skills.
      await expect(page.getByText("A perfect conversation: the best reply at every turn. Well done.")).toBeVisible();
      await expect(page.locator(".debrief__guides")).toHaveCount(0);

      // Every POST (the sign-in, the start and one per choice) was a plain form post answered with a redirect.
      expect(posts).toEqual([
        formPost("/sign-in", "/train"),
        formPost(`/train/scenarios/${PARCEL.id}`, `/train/attempts/${attemptId}`),
        ...PATHS.best.choices.slice(1).map(() => formPost(`/train/attempts/${attemptId}`, `/train/attempts/${attemptId}`)),
        formPost(`/train/attempts/${attemptId}`, `/train/attempts/${attemptId}/debrief`),
      ]);
    });
  });

  test.describe("keyboard only", () => {
    test.use({ storageState: SIGNED_OUT });

    test("type to sign in, Tab and Enter to start, keys 1-9 to reply, focus on each new customer line", async ({ page, trainee }) => {
      // Any pointer press (a click that crept in) is remembered across page loads and fails the test at the end.
      await page.addInitScript(() => addEventListener("pointerdown", () => sessionStorage.setItem("pointer-used", "yes"), true));

      await page.goto("/sign-in");
      await waitForHydration(page);
      await tabTo(page, page.getByLabel("Email"));
      await page.keyboard.type(trainee.email);
      await page.keyboard.press("Tab");
      await expect(page.getByLabel("Password")).toBeFocused();
      await page.keyboard.type(trainee.password);
      await page.keyboard.press("Enter");
      await expectTraineeHome(page, trainee);

      await waitForHydration(page);
      await tabTo(page, page.getByRole("link", { name: PARCEL.title }));
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(`/train/scenarios/${PARCEL.id}`);

      const start = page.getByRole("button", { name: "Start the conversation" });
      await tabTo(page, start);
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(ATTEMPT_URL);
      await waitForHydration(page);

      // Authored replies 2,1,3,4,3: order and question, a fix before the facts, blaming the courier, a trace
      // alone, then a supervisor (best, poor, poor, poor, fair); each key waits for the typing pause to
      // end, and is the reply's place on screen in this attempt's order.
      // The mood meter's live region tells screen readers how the customer feels after each reply
      // ("now feels" when it changed, "feels" when it did not).
      const replies = [2, 1, 3, 4, 3];
      const moods = ["Marta now feels upset.", "Marta now feels uneasy.", "Marta feels uneasy.", "Marta now feels upset.", null];
      const steps = replies.map((reply, index) => ({
        reply,
        next: index === replies.length - 1 ? null : customerLineAfter(PARCEL.id, replies.slice(0, index + 1)),
        mood: moods[index] ?? null,
      }));
      const moodLive = page.getByRole("complementary", { name: "Marta's mood" }).locator('[aria-live="polite"]');
      await expect(moodLive).toHaveText("Marta feels angry.");
      for (const [index, step] of steps.entries()) {
        const turn = index + 1;
        await expect(turnInput(page)).toHaveValue(String(turn));
        // The replies can be chosen again only once the customer has finished typing.
        await expect(choiceButtons(page).first()).toBeEnabled();
        await expect(choiceButtons(page).first()).toHaveAttribute("aria-keyshortcuts", "1");
        const key = await keyForAuthored(page, step.reply);
        await page.keyboard.press(key);
        if (step.next === null) break;
        await expect(turnInput(page), `key ${key} answers turn ${turn}`).toHaveValue(String(turn + 1));
        await expect(latestLine(page), `focus moves to the new customer line after reply ${turn}`).toBeFocused();
        await expect(latestLine(page)).toContainText(step.next);
        await expect(moodLive).toHaveText(step.mood ?? "");
      }

      await expectDebrief(page, {
        title: PARCEL.title,
        outcome: "Escalated",
        stars: 2,
        resolved: false,
        overall: 37,
        skills: [50, 50, 33, 0, 50],
        ratings: ["Best", "Poor", "Poor", "Poor", "Fair"],
      });
      // Try again is reachable by keyboard too.
      await tabTo(page, page.getByRole("button", { name: "Try again" }), 80);
      expect(await page.evaluate(() => sessionStorage.getItem("pointer-used")), "no pointer was used").toBeNull();
    });
  });

  test("a reload mid-scenario, or closing the tab and continuing from the catalogue, resumes at the same turn", async ({ page, context }) => {
    await page.goto(`/train/scenarios/${PARCEL.id}`);
    await page.getByRole("button", { name: "Start the conversation" }).click();
    await expect(page).toHaveURL(ATTEMPT_URL);
    const attemptId = attemptIdOf(page);
    await waitForHydration(page);
    await (await authoredButton(page, 1)).click();
    await expect(turnInput(page)).toHaveValue("2");
    await (await authoredButton(page, 1)).click();
    await expect(turnInput(page)).toHaveValue("3");
    const third = customerLineAfter(PARCEL.id, [1, 1]);
    await expect(latestLine(page)).toContainText(third);

    const transcript = await transcriptItems(page).allTextContents();
    expect(transcript).toHaveLength(4);
    const choices = await choiceButtons(page).allTextContents();

    await page.reload();
    await expect(page).toHaveURL(`/train/attempts/${attemptId}`);
    await expect(turnInput(page)).toHaveValue("3");
    await expect(transcriptItems(page)).toHaveText(transcript);
    await expect(choiceButtons(page)).toHaveText(choices);
    await expect(latestLine(page)).toContainText(third);

    // Close the tab; a new one opens the catalogue, where the attempt in progress comes first.
    await page.close();
    const tab = await context.newPage();
    await tab.goto("/train");
    const firstCard = tab.locator("ul.scenario-grid > li").first();
    await expect(firstCard.getByRole("heading", { level: 3 })).toHaveText(`${PARCEL.title} (In progress)`);
    await expect(firstCard.getByText("Continue")).toBeVisible();
    await firstCard.getByRole("link", { name: `${PARCEL.title} (In progress)` }).click();
    await expect(tab).toHaveURL(`/train/attempts/${attemptId}`);
    await expect(turnInput(tab)).toHaveValue("3");
    await expect(transcriptItems(tab)).toHaveText(transcript);
    await expect(choiceButtons(tab)).toHaveText(choices);

    // And it goes on from there (the escalated path: 1,1 then 3,4,3).
    await waitForHydration(tab);
    const rest = PATHS.escalated.choices.slice(2);
    expect(PATHS.escalated.choices.slice(0, 2)).toEqual([1, 1]);
    await playByClicking(tab, rest);
    await expect(tab).toHaveURL(DEBRIEF_URL);
    await expect(tab.locator("ol.review-list > li")).toHaveCount(PATHS.escalated.choices.length);
  });
});
