// No horizontal scroll on the trainee's pages at 375 px (a phone) and 1280 px (a laptop), with a
// full-page screenshot of each into /tmp/shots/play/ (outside the repository) for a person to review.
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { originOf } from "./support";
import {
  PARCEL,
  RETURNS,
  SHOTS_DIR,
  expect,
  expectNoHorizontalScroll,
  playViaApi,
  readPlayPage,
  startViaApi,
  waitForHydration,
  workerTest as test,
} from "./play-support";

type Setup = (request: APIRequestContext, origin: string) => Promise<string>;

/** An attempt on `scenarioId` after the replies at `positions`, still in progress. */
function playing(scenarioId: string, positions: number[]): Setup {
  return async (request, origin) => {
    const attemptId = await startViaApi(request, origin, scenarioId);
    await playViaApi(request, origin, attemptId, positions);
    expect((await readPlayPage(request, attemptId)).status, `${scenarioId} after ${positions.join(",")} is still in progress`).toBe(200);
    return `/train/attempts/${attemptId}`;
  };
}

const pages: Array<{ name: string; setup: Setup; expire?: boolean }> = [
  { name: "catalogue", setup: async () => "/train" },
  { name: "brief", setup: async () => `/train/scenarios/${PARCEL.id}` },
  { name: "play", setup: playing(PARCEL.id, [1, 1]) },
  // The patience timer run out (the browser's clock fast-forwarded): the impatient line and the coming drop.
  { name: "play-time-up", setup: playing(RETURNS.id, []), expire: true },
  {
    name: "debrief",
    setup: async (request, origin) => {
      const attemptId = await startViaApi(request, origin, RETURNS.id);
      await playViaApi(request, origin, attemptId, [4, 3, 1, 2]);
      return `/train/attempts/${attemptId}/debrief`;
    },
  },
  { name: "progress", setup: async () => "/train/progress" },
  { name: "guides", setup: async () => "/guides" },
  { name: "guide", setup: async () => "/guides/expectations" },
];

// The play page of the other channels (the phone call is above): counter, chat, email thread, public post.
const channels: Array<{ name: string; setup: Setup }> = [
  { name: "play-in-person", setup: playing(RETURNS.id, [3]) },
  { name: "play-chat", setup: playing("gluten-free-swap", [1]) },
  { name: "play-email", setup: playing("estimated-bill-email", [1]) },
  { name: "play-social", setup: playing("flooded-kitchen-post", [1]) },
];

async function checkWidths(page: Page, url: string, name: string, expire = false): Promise<void> {
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    expect((await page.goto(url))?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await waitForHydration(page);
    if (expire) {
      await page.clock.fastForward("00:50");
      await expect(page.getByText("Their mood will drop by one with your next reply.")).toBeVisible();
    }
    await expectNoHorizontalScroll(page, width);
    await page.screenshot({ path: path.join(SHOTS_DIR, `${name}-${width}.png`), fullPage: true, animations: "disabled" });
  }
}

for (const { name, setup, expire } of pages) {
  test(`layout: ${name} at 375 px and 1280 px has no horizontal scroll`, async ({ page, request, baseURL }) => {
    const url = await setup(request, originOf(baseURL));
    if (expire) await page.clock.install();
    await checkWidths(page, url, name, expire);
  });
}

test("layout: the play page of every other channel at 375 px and 1280 px has no horizontal scroll", async ({ page, request, baseURL }) => {
  for (const { name, setup } of channels) {
    await checkWidths(page, await setup(request, originOf(baseURL)), name);
  }
});

test("each channel is dressed for its medium: an email thread, a call, a public thread, a chat, a counter", async ({ page, request, baseURL }) => {
  const expected = [
    { scenario: "estimated-bill-email", bar: "Customer care inbox", customer: "From: Walter", you: "From: You", firstTurnItems: 1 },
    { scenario: PARCEL.id, bar: "Call in progress", customer: "Marta", you: "You", firstTurnItems: 1 },
    { scenario: "flooded-kitchen-post", bar: "Public thread: everyone can read it", customer: "Priya · public post", you: "You · public reply", firstTurnItems: 1 },
    { scenario: "gluten-free-swap", bar: "Live chat", customer: "Grace", you: "You", firstTurnItems: 2 },
    { scenario: RETURNS.id, bar: "At the counter", customer: "Pablo", you: "You", firstTurnItems: 1 },
  ];
  for (const channel of expected) {
    const url = await playing(channel.scenario, [1])(request, originOf(baseURL));
    await page.goto(url);
    const conversation = page.getByRole("region", { name: "Conversation so far" });
    await expect(conversation.locator(".conversation__bar")).toHaveText(channel.bar);
    const items = conversation.locator("ol.conversation__list > li");
    // The first step's lines (the email's two paragraphs, the chat's two messages), then the reply.
    await expect(items).toHaveCount(channel.firstTurnItems + 1);
    await expect(items.first().locator(".bubble__who")).toHaveText(channel.customer);
    await expect(items.last().locator(".bubble__who")).toHaveText(channel.you);
  }
});

test("the hint about number keys shows with a mouse and keyboard, not on a touch screen", async ({ browser, request, baseURL, workerTrainee }) => {
  const url = await playing(PARCEL.id, [])(request, originOf(baseURL));
  for (const touch of [false, true]) {
    const context = await browser.newContext({ baseURL, storageState: workerTrainee.state, hasTouch: touch, isMobile: touch, viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    if (touch) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setEmulatedMedia", { features: [{ name: "pointer", value: "coarse" }, { name: "hover", value: "none" }] });
    }
    await page.goto(url);
    await expect(page.getByText("Choose what you say next.")).toBeVisible();
    if (touch) await expect(page.getByText(/^Press a number from 1 to \d to pick a reply\.$/)).toBeHidden();
    else await expect(page.getByText(/^Press a number from 1 to \d to pick a reply\.$/)).toBeVisible();
    await context.close();
  }
});
