// Grade passback (AGS) to a strict fake platform: one score per completion with the debrief's value, a platform that is
// down, a grade refused for good and retried by the admin, and a deep-linked skill pathway. The shared server's outbox
// polls every 200 ms and retries within a second (e2e/start-server.js).
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { INSTRUCTOR, startFakePlatform, type FakePlatform, type LaunchPlan } from "./fakes/lti-platform";
import { launchThrough, registerPlatform, removePlatform, TOOL } from "./lti-support";
import { parsePlayHtml } from "./play-support";
import { stateFile } from "./support";

test.describe.configure({ mode: "serial" });

const SCENARIO = "parcel-third-call";
let platform: FakePlatform;

test.beforeAll(async ({ browser }) => {
  platform = await startFakePlatform({ toolOrigin: TOOL, clientId: `grades-client-${Date.now()}` });
  await registerPlatform(browser, platform, `Fake platform for grades ${platform.origin}`);
});

test.afterAll(async ({ browser }) => {
  await removePlatform(browser, platform);
  await platform.close();
});

const launch = (page: Page, plan: LaunchPlan) => launchThrough(page, platform, plan);

/** Starts the scenario as the launched person and gives the first reply shown at every turn; returns the attempt's id. */
async function playToTheEnd(context: BrowserContext, scenarioId: string): Promise<number> {
  const post = (path: string, form: Record<string, string>) => context.request.post(`${TOOL}${path}`, { form, headers: { Origin: TOOL }, maxRedirects: 0 });
  const started = await post(`/train/scenarios/${scenarioId}`, {});
  const attemptId = Number(/\/train\/attempts\/(\d+)$/.exec(started.headers().location ?? "")?.[1]);
  expect(attemptId, "the start should lead to the new attempt").toBeGreaterThan(0);
  for (let turns = 0; turns < 30; turns++) {
    const response = await context.request.get(`${TOOL}/train/attempts/${attemptId}`, { maxRedirects: 0 });
    const play = parsePlayHtml(response.status(), await response.text());
    if (play.status !== 200 || play.turn === null) return attemptId;
    expect((await post(`/train/attempts/${attemptId}`, { turn: String(play.turn), choiceId: play.choiceIds[0]! })).status()).toBe(302);
  }
  throw new Error(`attempt ${attemptId} did not end in 30 turns`);
}

/** The overall score the debrief shows the learner. */
async function debriefOverall(page: Page, attemptId: number): Promise<number> {
  await page.goto(`${TOOL}/train/attempts/${attemptId}/debrief`);
  return Number(await page.locator(".debrief__overall-score").textContent());
}

const scoresFor = (lineItem: string) => platform.scores.filter((one) => one.lineItem === lineItem).map((one) => one.score);

test("a launched learner plays the linked scenario to the end and the platform receives exactly one score, with its value", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await launch(page, { sub: "learner-graded", name: "Gale Graded", resourceLinkId: "graded-1", custom: { scenario_id: SCENARIO } });
  await expect(page).toHaveURL(`${TOOL}/train/scenarios/${SCENARIO}`);
  const overall = await debriefOverall(page, await playToTheEnd(context, SCENARIO));
  await expect.poll(() => scoresFor("graded-1").length, { timeout: 15_000 }).toBe(1);
  expect(scoresFor("graded-1")[0]).toMatchObject({
    userId: "learner-graded",
    scoreGiven: overall,
    scoreMaximum: 100,
    activityProgress: "Completed",
    gradingProgress: "FullyGraded",
    comment: expect.stringMatching(/^Best score \d+\/100 in Frontline\. Skills: Listening \d+/) as unknown,
  });
  // Nothing more comes later: one completion, one score.
  await page.waitForTimeout(1_500);
  expect(scoresFor("graded-1")).toHaveLength(1);
  expect(platform.refusals).toEqual([]);
  await context.close();
});

test("a grade made while the platform is down reaches it when it is back, and the admin sees it waiting meanwhile", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await launch(page, { sub: "learner-offline", name: "Otto Offline", resourceLinkId: "graded-2", custom: { scenario_id: SCENARIO } });
  platform.setDown(true);
  try {
    const overall = await debriefOverall(page, await playToTheEnd(context, SCENARIO));
    const admin = await browser.newContext({ storageState: stateFile("admin") });
    const adminPage = await admin.newPage();
    const waiting = adminPage.getByRole("region", { name: "Grades waiting to be sent" }).getByRole("row", { name: /Otto Offline/ });
    await expect(async () => {
      await adminPage.goto("/admin/platforms");
      await expect(waiting).toContainText("503");
    }).toPass({ timeout: 15_000 });
    expect(scoresFor("graded-2")).toHaveLength(0);
    platform.setDown(false);
    await expect.poll(() => scoresFor("graded-2").length, { timeout: 15_000 }).toBe(1);
    expect(scoresFor("graded-2")[0]).toMatchObject({ userId: "learner-offline", scoreGiven: overall });
    await adminPage.goto("/admin/platforms");
    await expect(adminPage.getByRole("row", { name: /Otto Offline/ })).toHaveCount(0);
    await admin.close();
  } finally {
    platform.setDown(false);
  }
  expect(platform.refusals).toEqual([]);
  await context.close();
});

test("a grade the platform refuses for good is marked failed, and the admin's retry sends it once the line item is back", async ({ browser }) => {
  platform.goneLineItems.add("graded-3");
  const context = await browser.newContext();
  const page = await context.newPage();
  await launch(page, { sub: "learner-refused", name: "Rhea Refused", resourceLinkId: "graded-3", custom: { scenario_id: SCENARIO } });
  const overall = await debriefOverall(page, await playToTheEnd(context, SCENARIO));
  const admin = await browser.newContext({ storageState: stateFile("admin") });
  const adminPage = await admin.newPage();
  const failed = adminPage.getByRole("region", { name: "Grades that failed" }).getByRole("row", { name: /Rhea Refused/ });
  await expect(async () => {
    await adminPage.goto("/admin/platforms");
    await expect(failed).toContainText("404");
  }).toPass({ timeout: 15_000 });
  platform.goneLineItems.delete("graded-3");
  await failed.getByRole("button", { name: /^Retry/ }).click();
  await expect(adminPage.getByRole("status")).toContainText("1 delivery is back in the queue.");
  await expect.poll(() => scoresFor("graded-3").length, { timeout: 15_000 }).toBe(1);
  expect(scoresFor("graded-3")[0]).toMatchObject({ userId: "learner-refused", scoreGiven: overall });
  await admin.close();
  await context.close();
});

test("an instructor places a skill pathway; its learner starts at its first scenario, and the grade is the mean of its best scores", async ({ browser }) => {
  const title = `Calm course ${Date.now()}`;
  const trainer = await browser.newContext({ storageState: stateFile("trainer") });
  const build = await trainer.newPage();
  await build.goto("/pathways");
  await build.getByLabel("Title", { exact: true }).fill(title);
  await build.getByLabel("Skill", { exact: true }).selectOption("calm");
  await build.getByRole("checkbox", { name: /The parcel that never came/ }).check();
  await build.getByRole("checkbox", { name: /No receipt, no problem\?/ }).check();
  await build.getByRole("button", { name: "Create pathway" }).click();
  await expect(build.getByRole("heading", { level: 1 })).toHaveText(title);
  const first = (await build.locator(".pathway-step__title").first().textContent()) === "The parcel that never came" ? SCENARIO : "returns-desk-loop";
  await trainer.close();

  const instructor = await browser.newContext();
  const choose = await instructor.newPage();
  await launch(choose, { sub: "teacher-2", name: "Tam Teacher", roles: [INSTRUCTOR], messageType: "LtiDeepLinkingRequest" });
  const pathways = choose.getByRole("region", { name: "Skill pathways" });
  await expect(pathways.getByRole("listitem").filter({ hasText: title })).toContainText("Calm, 2 scenarios");
  await pathways.getByRole("button", { name: `Add to the course: ${title}` }).click();
  await expect(choose.getByRole("heading", { name: "Content added to the course" })).toBeVisible();
  const items = platform.deepLinkResponses.at(-1)!["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"] as { custom: Record<string, string>; lineItem: { scoreMaximum: number } }[];
  expect(items).toEqual([expect.objectContaining({ title, custom: { pathway_id: expect.stringMatching(/^\d+$/) as unknown }, lineItem: expect.objectContaining({ scoreMaximum: 100 }) })]);
  await instructor.close();

  const learner = await browser.newContext();
  const page = await learner.newPage();
  await launch(page, { sub: "learner-pathway", name: "Pia Pathway", resourceLinkId: "pathway-1", custom: items[0]!.custom });
  await expect(page).toHaveURL(`${TOOL}/train/scenarios/${first}`);
  await page.goto(`${TOOL}/train`);
  await expect(page.getByRole("region", { name: "Assigned to you" })).toContainText(title);
  const overall = await debriefOverall(page, await playToTheEnd(learner, first));
  await expect.poll(() => scoresFor("pathway-1").length, { timeout: 15_000 }).toBe(1);
  expect(scoresFor("pathway-1")[0]).toMatchObject({ userId: "learner-pathway", scoreGiven: overall / 2, activityProgress: "InProgress", gradingProgress: "FullyGraded" });
  expect(platform.refusals).toEqual([]);
  await learner.close();
});
