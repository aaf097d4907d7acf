// A draft outlives the tab and the server: text autosaved, then text still waiting for its autosave
// when the trainer leaves the page, are both there after the server is killed and started again.
// The test runs its own app server (node build/server.js) on a database in a temp folder.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort, killRunningServers, makeTempDir, startAppServer, waitForHydration } from "./play-support";
import { DEMO_USERS } from "./support";
import { createScenario, currentSource, replaceSource, uniqueId } from "./workspace-support";

// Starting a server and seeding its demo accounts costs a few seconds of scrypt on two cores.
test.describe.configure({ timeout: 120_000 });
test.afterEach(() => killRunningServers());

test("a draft survives leaving the page and a killed server", async ({ browser }) => {
  const temp = await makeTempDir("workspace-restart");
  const databasePath = path.join(temp.dir, "frontline.db");
  const port = await freePort();
  let server = await startAppServer({ databasePath, port });
  try {
    const context = await browser.newContext({ baseURL: server.url, storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    const trainer = DEMO_USERS.trainer;
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(trainer.email);
    await page.getByLabel("Password").fill(trainer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(trainer.home, { timeout: 15_000 });

    const id = uniqueId("survivor");
    await createScenario(page, "Survives a restart", id);
    await waitForHydration(page);
    const base = await currentSource(page);
    const autosaved = base.replace("Thanks. What can you do?", "Thanks. What are my options?");
    await replaceSource(page, autosaved);

    // Typed and left at once, before the autosave's pause is over: leaving sends it.
    const left = autosaved.replace("Sam chooses the new lid", "Sam picks the new lid");
    await page.locator(".cm-content").click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.insertText(left);
    await page.getByRole("link", { name: "← Scenario library" }).click();
    await expect(page).toHaveURL("/library");

    // SIGKILL: no chance to flush anything on the way down; WAL must already hold the draft.
    await expect.poll(async () => (await page.request.get(`/library/${id}/download?draft=1`)).text()).toContain("Sam picks the new lid");
    expect((await server.stop("SIGKILL")).signal).toBe("SIGKILL");
    server = await startAppServer({ databasePath, port });

    await page.goto(`/workspace/${id}`);
    expect(await currentSource(page)).toBe(left);
    await context.close();
  } finally {
    await server.stop("SIGKILL");
    await temp.remove();
  }
});
