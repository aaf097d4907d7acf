// axe-core on the trainee's pages: no serious or critical violations. One fresh trainee per worker;
// each test creates the attempts its page needs through the HTTP API.
import { CHANNELS, PERSONAS } from "~/engine";
import { publishedScenarios } from "./authored";
import { originOf } from "./support";
import {
  PARCEL,
  RETURNS,
  expect,
  expectNoSeriousViolations,
  playViaApi,
  readPlayPage,
  startViaApi,
  waitForHydration,
  workerTest as test,
} from "./play-support";

test.describe("axe on the play loop", () => {
  test("axe: the catalogue, also with filters that match nothing", async ({ page, workerTrainee }) => {
    expect((await page.goto("/train"))?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${workerTrainee.name}`);
    await expectNoSeriousViolations(page);

    // A persona and a channel that no scenario of the library shares.
    const scenarios = publishedScenarios();
    const pairs = PERSONAS.flatMap((persona) => CHANNELS.map((channel) => ({ persona, channel })));
    const empty = pairs.find(({ persona, channel }) => !scenarios.some((scenario) => scenario.persona === persona && scenario.channel === channel));
    if (!empty) throw new Error("every persona and channel pair has a scenario: no filter matches nothing");
    expect((await page.goto(`/train?persona=${empty.persona}&channel=${empty.channel}`))?.status()).toBe(200);
    await expect(page.getByText("No scenario matches these filters.")).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test("axe: a brief", async ({ page }) => {
    expect((await page.goto(`/train/scenarios/${PARCEL.id}`))?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(PARCEL.title);
    await expectNoSeriousViolations(page);
  });

  test("axe: the play page mid-conversation", async ({ page, request, baseURL }) => {
    const origin = originOf(baseURL);
    const attemptId = await startViaApi(request, origin, PARCEL.id);
    await playViaApi(request, origin, attemptId, [1, 1]);
    expect((await page.goto(`/train/attempts/${attemptId}`))?.status()).toBe(200);
    await waitForHydration(page);
    await expect(page.getByRole("region", { name: "Conversation so far" }).locator("li")).toHaveCount(4);
    await expect(page.getByRole("timer")).toHaveText(/\d+ s to reply/);
    await expectNoSeriousViolations(page);
  });

  test("axe: the play page after the patience timer has run out", async ({ page, request, baseURL }) => {
    const origin = originOf(baseURL);
    const attemptId = await startViaApi(request, origin, RETURNS.id);
    // The browser's clock is faked and fast-forwarded; the server's clock is not touched.
    await page.clock.install();
    expect((await page.goto(`/train/attempts/${attemptId}`))?.status()).toBe(200);
    await waitForHydration(page);
    await expect(page.getByRole("timer")).toHaveText(/\d+ s to reply/);
    await page.clock.fastForward("00:50");
    await expect(page.getByRole("timer")).toHaveText("Time is up: the customer is getting impatient");
    await expect(page.getByText("Excuse me… I'm still waiting.")).toBeVisible();
    await expect(page.getByText("Their mood will drop by one with your next reply.")).toBeVisible();
    await expectNoSeriousViolations(page);
    // The drop is for the server to apply: nothing has been recorded yet.
    expect((await readPlayPage(request, attemptId)).turn).toBe(1);
  });

  test("axe: a debrief", async ({ page, request, baseURL }) => {
    const origin = originOf(baseURL);
    const attemptId = await startViaApi(request, origin, RETURNS.id);
    await playViaApi(request, origin, attemptId, [4, 3, 1, 2]);
    expect((await page.goto(`/train/attempts/${attemptId}/debrief`))?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Debrief: ${RETURNS.title}`);
    await expectNoSeriousViolations(page);
  });

  test("axe: my progress with attempts", async ({ page, request, baseURL }) => {
    const origin = originOf(baseURL);
    await playViaApi(request, origin, await startViaApi(request, origin, PARCEL.id), [2, 2]);
    await playViaApi(request, origin, await startViaApi(request, origin, RETURNS.id), [1]);
    expect((await page.goto("/train/progress"))?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My progress");
    await expect(page.getByRole("table", { name: "Your attempts" })).toContainText(PARCEL.title);
    await expectNoSeriousViolations(page);
  });

  test("axe: the guides index", async ({ page }) => {
    expect((await page.goto("/guides"))?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Skill guides");
    await expect(page.getByRole("link", { name: "Listening" })).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test("axe: a guide", async ({ page }) => {
    expect((await page.goto("/guides/listening"))?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Listening");
    await expect(page.getByRole("heading", { name: "Scenarios that practise this skill" })).toBeVisible();
    await expectNoSeriousViolations(page);
  });
});
