// The time limit is the trainee's to adjust (WCAG 2.2.1): normal, extended (twice the patience) or
// none, on the settings page before a conversation and on the play page during one, without
// JavaScript too. The server judges lateness within the chosen limit.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { APIRequestContext, Page } from "@playwright/test";
import {
  ATTEMPT_URL,
  PARCEL,
  RETURNS,
  SHOTS_DIR,
  expect,
  expectNoHorizontalScroll,
  expectNoSeriousViolations,
  freePort,
  killRunningServers,
  makeTempDir,
  postChoice,
  readPlayPage,
  signInState,
  startAppServer,
  startViaApi,
  test,
  waitForHydration,
} from "./play-support";
import { originOf } from "./support";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// The project's own copies of the shared examples: stable while the library is rewritten.
const EXAMPLES = path.join(root, "app", "engine", "__fixtures__", "shared");

async function chooseTiming(page: Page, label: "Normal" | "Extended" | "No time limit", save: string): Promise<void> {
  await page.getByRole("radio", { name: label }).check();
  await page.getByRole("button", { name: save }).click();
}

test.describe("the time limit", () => {
  test.describe.configure({ timeout: 60_000 });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("set before a conversation on the settings page, and changed during one on the play page", async ({ page }) => {
      await page.goto("/train");
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
      await expect(page).toHaveURL("/train/settings");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
      await expect(page.getByRole("radio", { name: "Normal" })).toBeChecked();

      await chooseTiming(page, "No time limit", "Save settings");
      await expect(page.getByRole("status")).toHaveText("Settings saved. Your next conversations use this time limit.");
      await expect(page.getByRole("radio", { name: "No time limit" })).toBeChecked();

      await page.goto(`/train/scenarios/${PARCEL.id}`);
      await expect(page.getByText("You turned the time limit off in your settings")).toBeVisible();
      await page.getByRole("button", { name: "Start the conversation" }).click();
      await expect(page).toHaveURL(ATTEMPT_URL);
      await expect(page.getByText("No time limit: you turned it off")).toBeVisible();

      // The control is a disclosure with a plain form: the new limit applies to this attempt at once.
      await page.getByText("Time limit: No time limit").click();
      await chooseTiming(page, "Extended", "Use this time limit");
      await expect(page).toHaveURL(ATTEMPT_URL);
      await expect(page.getByText("Marta expects a reply within 90 seconds.")).toBeVisible();
      await expect(page.getByText("Time limit: Extended")).toBeVisible();

      // ...and becomes the default for the next conversations.
      await page.goto("/train/settings");
      await expect(page.getByRole("radio", { name: "Extended" })).toBeChecked();
      await page.goto(`/train/scenarios/${PARCEL.id}`);
      await expect(page.getByText("Marta waits about 90 seconds for each reply: twice the usual, as you chose in your settings.")).toBeVisible();
    });
  });

  test("with JavaScript the countdown counts down from the chosen limit", async ({ page, request, baseURL }) => {
    await page.goto("/train/settings");
    await waitForHydration(page);
    await chooseTiming(page, "Extended", "Save settings");
    await expect(page.getByRole("status")).toBeVisible();
    const attemptId = await startViaApi(request, originOf(baseURL), PARCEL.id);
    await page.goto(`/train/attempts/${attemptId}`);
    await waitForHydration(page);
    await expect(page.getByRole("timer")).toHaveText(/^(9\d|8\d) s to reply$/);

    // Turned off mid-conversation: the countdown goes, and the page says why.
    await page.getByText("Time limit: Extended").click();
    await chooseTiming(page, "No time limit", "Use this time limit");
    await expect(page.getByText("No time limit: you turned it off")).toBeVisible();
    await expect(page.getByRole("timer")).toHaveCount(0);
  });

  test("lateness is judged by the server within the chosen limit", async ({ playwright }) => {
    test.setTimeout(120_000);
    // Its own server and library: the shared counter example with 4 s of patience, so waiting is short.
    const temp = await makeTempDir("timing");
    const scenariosDir = path.join(temp.dir, "scenarios");
    await mkdir(scenariosDir);
    const source = await readFile(path.join(EXAMPLES, `${RETURNS.id}.mdx`), "utf8");
    const quick = source.replace(/^channel: in-person$/m, "channel: in-person\npatience: 4");
    expect(quick).toContain("patience: 4");
    await writeFile(path.join(scenariosDir, `${RETURNS.id}.mdx`), quick);
    const server = await startAppServer({ databasePath: path.join(temp.dir, "frontline.db"), port: await freePort(), scenariosDir });
    const contexts: APIRequestContext[] = [];
    try {
      // Three demo trainees of this server's fresh database.
      const signIn = async (email: string) => {
        const context = await playwright.request.newContext({ baseURL: server.url, storageState: await signInState(playwright, server.url, email, "frontline-trainee") });
        contexts.push(context);
        return context;
      };
      const [normal, extended, none] = await Promise.all(["priya@frontline.test", "jonas@frontline.test", "lucia@frontline.test"].map(signIn));
      if (!normal || !extended || !none) throw new Error("three trainees");
      const origin = server.url;
      // Extended chosen beforehand on the settings page; none chosen on the play page once started.
      expect((await extended.post("/train/settings", { form: { timing: "extended" }, headers: { Origin: origin }, maxRedirects: 0 })).status()).toBe(302);
      const [normalId, extendedId, noneId] = await Promise.all([normal, extended, none].map((request) => startViaApi(request, origin, RETURNS.id)));
      const changed = await none.post(`/train/attempts/${noneId}`, { form: { intent: "timing", timing: "none" }, headers: { Origin: origin }, maxRedirects: 0 });
      expect(changed.status()).toBe(302);

      expect((await readPlayPage(normal, normalId!)).html).toContain("expects a reply within 4 seconds.");
      expect((await readPlayPage(extended, extendedId!)).html).toContain("expects a reply within 8 seconds.");
      expect((await readPlayPage(none, noneId!)).html).toContain("No time limit: you turned it off");

      // 6.5 s: past normal's 4 s (and the 1.5 s grace), well inside extended's 8 s.
      await new Promise((resolve) => setTimeout(resolve, 6_500));
      for (const [request, id] of [[normal, normalId], [extended, extendedId], [none, noneId]] as const) {
        expect((await postChoice(request, origin, id!, 1, "ask.1")).status()).toBe(302);
      }
      const lateReplies = async (request: APIRequestContext, id: number) => (await readPlayPage(request, id)).html.match(/Late reply/g)?.length ?? 0;
      expect([await lateReplies(normal, normalId!), await lateReplies(extended, extendedId!), await lateReplies(none, noneId!)]).toEqual([1, 0, 0]);

      // 10 s: past extended's 8 s and its grace; with no limit, still not late (two and a half times the patience).
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      for (const [request, id] of [[extended, extendedId], [none, noneId]] as const) {
        expect((await postChoice(request, origin, id!, 2, "card.1")).status()).toBe(302);
      }
      expect([await lateReplies(extended, extendedId!), await lateReplies(none, noneId!)]).toEqual([1, 0]);
    } finally {
      await Promise.all(contexts.map((context) => context.dispose()));
      await server.stop("SIGKILL");
      await killRunningServers();
      await temp.remove();
    }
  });
});

test.describe("axe and layout", () => {
  // axe at two widths on two busy cores.
  test.describe.configure({ timeout: 60_000 });

  test("the settings page: no serious violations, no horizontal scroll at 375 and 1280 px", async ({ page }) => {
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto("/train/settings");
      await waitForHydration(page);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
      await expectNoSeriousViolations(page);
      await expectNoHorizontalScroll(page, width);
      await page.screenshot({ path: path.join(SHOTS_DIR, `settings-${width}.png`), fullPage: true, animations: "disabled" });
    }
  });

  test("the play page with the time limit control open: no serious violations, no horizontal scroll at 375 and 1280 px", async ({ page, request, baseURL }) => {
    const attemptId = await startViaApi(request, originOf(baseURL), PARCEL.id);
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`/train/attempts/${attemptId}`);
      await waitForHydration(page);
      await page.screenshot({ path: path.join(SHOTS_DIR, `play-timing-closed-${width}.png`), fullPage: true, animations: "disabled" });
      await page.getByText("Time limit: Normal").click();
      await expect(page.getByRole("button", { name: "Use this time limit" })).toBeVisible();
      await expectNoSeriousViolations(page);
      await expectNoHorizontalScroll(page, width);
      await page.screenshot({ path: path.join(SHOTS_DIR, `play-timing-open-${width}.png`), fullPage: true, animations: "disabled" });
    }
  });
});
