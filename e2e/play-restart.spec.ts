// Each test here runs its own app server (node build/server.js, NODE_ENV unset) on its own
// database in a temp folder: one is killed with SIGKILL mid-attempt, the other is restarted to
// pick up a new scenario file.
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { authoredScenario, stepAfter } from "./authored";
import {
  ATTEMPT_URL,
  DEBRIEF_URL,
  PARCEL,
  RETURNS,
  attemptIdOf,
  expect,
  expectDebrief,
  PERFECT_PARCEL_CHOICES,
  PERFECT_PARCEL_DEBRIEF,
  freePort,
  killRunningServers,
  latestLine,
  makeTempDir,
  playByClicking,
  startAppServer,
  transcriptItems,
  turnInput,
  waitForHydration,
  type AppServer,
} from "./play-support";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// The project's own copies of the shared examples (CI and copies of the tree need no ../shared).
const EXAMPLES = path.join(root, "app", "engine", "__fixtures__", "shared");
// A demo trainee: each server here seeds its own fresh database.
const PRIYA = { email: "priya@frontline.test", password: "frontline-trainee", name: "Priya Shah" };

// Starting a server and seeding its demo accounts costs a few seconds of scrypt on two cores.
test.describe.configure({ timeout: 90_000 });

// The tests stop their servers themselves; this catches a test that timed out half-way.
test.afterEach(() => killRunningServers());

async function signIn(browser: Browser, server: AppServer): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: server.url, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(PRIYA.email);
  await page.getByLabel("Password").fill(PRIYA.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/train", { timeout: 15_000 });
  return { context, page };
}

test("SIGKILL mid-attempt: after a restart the attempt resumes at its last acknowledged turn", async ({ browser }) => {
  const temp = await makeTempDir("sigkill");
  const databasePath = path.join(temp.dir, "frontline.db");
  const port = await freePort();
  let server = await startAppServer({ databasePath, port });
  try {
    const { context, page } = await signIn(browser, server);
    await page.getByRole("link", { name: PARCEL.title }).click();
    await page.getByRole("button", { name: "Start the conversation" }).click();
    await expect(page).toHaveURL(ATTEMPT_URL);
    const attemptId = attemptIdOf(page);
    await waitForHydration(page);
    // Two turns of the best path, each acknowledged (the page has moved on to the next turn).
    const [done, rest] = [PERFECT_PARCEL_CHOICES.slice(0, 2), PERFECT_PARCEL_CHOICES.slice(2)];
    const third = stepAfter(authoredScenario(PARCEL.id), done).customer[0]!.text;
    await playByClicking(page, done, { toEnding: false });
    await expect(turnInput(page)).toHaveValue("3");
    const transcript = await transcriptItems(page).allTextContents();
    expect(transcript).toHaveLength(4);

    const killed = await server.stop("SIGKILL");
    expect(killed.signal).toBe("SIGKILL");

    server = await startAppServer({ databasePath, port });
    await page.goto("/train");
    const card = page.locator("ul.scenario-grid > li").first();
    await expect(card.getByText("Continue")).toBeVisible();
    await card.getByRole("link", { name: `${PARCEL.title} (In progress)` }).click();
    await expect(page).toHaveURL(`/train/attempts/${attemptId}`);
    await expect(turnInput(page)).toHaveValue("3");
    await expect(transcriptItems(page)).toHaveText(transcript);
    await expect(latestLine(page)).toContainText(third);

    await waitForHydration(page);
    await playByClicking(page, rest);
    await expectDebrief(page, PERFECT_PARCEL_DEBRIEF);
    await context.close();
  } finally {
    await server.stop("SIGKILL");
    await temp.remove();
  }
});

test("a new scenario file appears in the catalogue after a restart and is playable; an invalid one is left out", async ({ browser }) => {
  const temp = await makeTempDir("scenarios");
  const scenariosDir = path.join(temp.dir, "scenarios");
  await mkdir(scenariosDir);
  await copyFile(path.join(root, "scenarios", `${PARCEL.id}.mdx`), path.join(scenariosDir, `${PARCEL.id}.mdx`));
  const databasePath = path.join(temp.dir, "frontline.db");
  const port = await freePort();
  let server = await startAppServer({ databasePath, port, scenariosDir });
  try {
    const { context, page } = await signIn(browser, server);
    await expect(page.getByRole("status")).toHaveText("1 of 1 scenarios");
    await expect(page.getByRole("link", { name: PARCEL.title })).toBeVisible();

    const source = await readFile(path.join(EXAMPLES, "returns-desk-loop.mdx"), "utf8");
    const copy = source.replace(/^id: .*$/m, "id: second-jacket").replace(/^title: .*$/m, "title: The second jacket");
    expect(copy).toContain("id: second-jacket");
    await writeFile(path.join(scenariosDir, "second-jacket.mdx"), copy);
    await copyFile(path.join(EXAMPLES, "invalid", "missing-target.mdx"), path.join(scenariosDir, "missing-target.mdx"));

    expect((await server.stop("SIGTERM")).code).toBe(0);
    server = await startAppServer({ databasePath, port, scenariosDir });

    await page.goto("/train");
    await expect(page.getByRole("status")).toHaveText("2 of 2 scenarios");
    await expect(page.locator("ul.scenario-grid > li")).toHaveCount(2);
    await expect(page.getByRole("link", { name: PARCEL.title })).toBeVisible();
    await expect(page.getByText("A choice that leads nowhere")).toHaveCount(0);
    expect((await page.request.get("/train/scenarios/missing-target", { maxRedirects: 0 })).status()).toBe(404);

    await page.getByRole("link", { name: "The second jacket" }).click();
    await expect(page).toHaveURL("/train/scenarios/second-jacket");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The second jacket");
    await page.getByRole("button", { name: "Start the conversation" }).click();
    await expect(page).toHaveURL(ATTEMPT_URL);
    await expect(latestLine(page)).toContainText("I'd like to return this jacket, but I lost the receipt.");
    await waitForHydration(page);
    await playByClicking(page, [1], { toEnding: false, scenario: authoredScenario("second-jacket", scenariosDir) });
    await expect(turnInput(page)).toHaveValue("2");
    await expect(latestLine(page)).toContainText("I paid with my debit card, I think. Or was it cash?");
    await expect(page).not.toHaveURL(DEBRIEF_URL);
    await expect(page.getByText(`Conversation with ${RETURNS.customer}`)).toBeVisible();
    await context.close();
  } finally {
    await server.stop("SIGKILL");
    await temp.remove();
  }
});
