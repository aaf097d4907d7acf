// The trainer's workspace end to end: write, check while typing, preview, publish, and a trainee
// plays it at once on this production build; versions pin attempts; roll back, archive, a
// conflicting save, and the plain form without JavaScript.
import { expect, test } from "@playwright/test";
import { createTrainee, expectNoSeriousViolations } from "./play-support";
import { stateFile } from "./support";
import { createScenario, currentSource, open, replaceSource, uniqueId } from "./workspace-support";

// Each test walks a whole workflow across several pages and people.
test.describe.configure({ timeout: 120_000 });

test("a trainer writes a scenario, sees a problem at its line while typing, previews, publishes, and a trainee plays it at once", async ({ browser, baseURL, playwright }) => {
  if (!baseURL) throw new Error("baseURL is not configured");
  const page = await open(browser, "trainer");
  const id = uniqueId("lid");
  const title = `A cracked lid ${id}`;
  await createScenario(page, title, id);
  await expect(page.locator("#problems-summary")).toHaveText(/problem|No problems/);
  await expectNoSeriousViolations(page);

  // A reply that leads nowhere, on a line we know.
  const good = await currentSource(page);
  const lines = good.split("\n");
  const line = lines.findIndex((text) => text.includes('to="sorted"')) + 1;
  await replaceSource(page, good.replace('to="sorted"', 'to="nowhere"'));
  const problem = page.locator(".workspace-problem--error").first();
  await expect(problem).toContainText(`Line ${line},`);
  await expect(problem).toContainText("nowhere");
  await expect(page.locator(".cm-lintRange-error").first()).toBeVisible();

  // Publishing is refused while the error stands.
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("alert")).toContainText("before publishing");

  // The fix, plus a reply on offer only once the first reply has set a flag.
  const flagged = "You told me the lid is cracked, so: a new lid in two working days, or a refund once it is back.";
  const fixed = good
    .replace("Hi. My new kettle", "Hello. My new kettle")
    .replace('<Choice to="options" listening={2}', '<Choice to="options" set="heard-lid" listening={2}')
    .replace('  <Customer>Thanks. What can you do?</Customer>\n', `  <Customer>Thanks. What can you do?</Customer>\n  <Choice to="sorted" requires="heard-lid" expectations={2} listening={1} mood={1}>\n    ${flagged}\n  </Choice>\n`);
  expect(fixed).toContain('requires="heard-lid"');
  await replaceSource(page, fixed);
  await expect(page.locator(".workspace-problem--error")).toHaveCount(0);

  // Preview from the beginning: the same play screen, marked as a preview.
  await page.getByRole("link", { name: "Preview" }).first().click();
  await expectNoSeriousViolations(page);
  await page.getByRole("button", { name: "Start from the beginning" }).click();
  await expect(page.getByRole("note")).toContainText("Preview of the draft");
  await expect(page.getByText("Hello. My new kettle")).toBeVisible();

  // Start anywhere: the middle step with the flag set offers the flagged reply, and the inspector says so.
  await page.goto(`/workspace/${id}/preview`);
  await page.getByLabel("Start at step").selectOption("options");
  await page.getByLabel("Customer's mood").fill("2");
  await page.getByRole("checkbox", { name: "heard-lid" }).check();
  await page.getByRole("button", { name: "Start here" }).click();
  await expect(page.getByRole("note")).toContainText("Preview of the draft");
  await expect(page.getByText("Thanks. What can you do?")).toBeVisible();
  await expect(page.getByText("Hello. My new kettle")).toHaveCount(0);
  await expect(page.getByRole("button", { name: flagged })).toBeVisible();
  const inspector = page.getByRole("region", { name: "State" });
  await expect(inspector.getByRole("listitem")).toHaveText(["heard-lid"]);
  await expect(inspector.getByRole("definition").filter({ hasText: "on a scale from" })).toContainText("2, on a scale from -5 to 5");
  await expectNoSeriousViolations(page);

  // The same step without the flag: the flagged reply is not on offer.
  await page.goto(`/workspace/${id}/preview`);
  await page.getByLabel("Start at step").selectOption("options");
  await page.getByRole("button", { name: "Start here" }).click();
  await expect(page.getByText("Thanks. What can you do?")).toBeVisible();
  await expect(page.getByRole("button", { name: flagged })).toHaveCount(0);

  await page.goto(`/workspace/${id}`);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status").first()).toContainText("Published: version 1 is live");
  for (const tab of ["Paths", "History"]) {
    await page.getByRole("link", { name: tab }).first().click();
    await expectNoSeriousViolations(page);
  }

  // A trainee finds and plays it, with no restart.
  const trainee = await createTrainee(playwright, baseURL, "Workspace player");
  const player = await open(browser, { state: trainee.state });
  await player.goto("/train");
  await player.getByRole("link", { name: title }).first().click();
  await player.getByRole("button", { name: "Start the conversation" }).click();
  await expect(player.getByText("Hello. My new kettle")).toBeVisible();
});

test("publishing version 2 leaves an attempt begun on version 1 on version 1's text; roll back brings version 1 back", async ({ browser, baseURL, playwright }) => {
  if (!baseURL) throw new Error("baseURL is not configured");
  const page = await open(browser, "trainer");
  const id = uniqueId("pinned");
  await createScenario(page, "Pinned words", id);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status").first()).toContainText("version 1 is live");

  const trainee = await createTrainee(playwright, baseURL, "Pinned player");
  const player = await open(browser, { state: trainee.state });
  await player.goto(`/train/scenarios/${id}`);
  await player.getByRole("button", { name: "Start the conversation" }).click();
  await expect(player.getByText("My new kettle came with a cracked lid")).toBeVisible();
  const attemptUrl = player.url();

  const source = await currentSource(page);
  await replaceSource(page, source.replace("My new kettle came with a cracked lid", "The lid of my new kettle is cracked"));
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status").first()).toContainText("version 2 is live");

  await player.goto(attemptUrl);
  await expect(player.getByText("My new kettle came with a cracked lid")).toBeVisible();
  await expect(player.getByText("The lid of my new kettle is cracked")).toHaveCount(0);
  await player.goto(`/train/scenarios/${id}`);
  await expect(player.getByRole("button", { name: "Start the conversation" }).or(player.getByRole("button", { name: /Start again|Start over/ })).first()).toBeVisible();

  // Roll back: version 1's text is live again as version 3.
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("table", { name: "Versions, newest first" }).getByRole("row")).toHaveCount(3);
  await page.getByRole("button", { name: "Roll back to version 1" }).click();
  await expect(page.getByRole("status").first()).toContainText("Version 1 is live again, as version 3.");
  await expectNoSeriousViolations(page);
  const fresh = await open(browser, { state: (await createTrainee(playwright, baseURL, "Rollback player")).state });
  await fresh.goto(`/train/scenarios/${id}`);
  await fresh.getByRole("button", { name: "Start the conversation" }).click();
  await expect(fresh.getByText("My new kettle came with a cracked lid")).toBeVisible();
});

test("archive takes a scenario out of the catalogue and unarchive brings it back", async ({ browser, baseURL, playwright }) => {
  if (!baseURL) throw new Error("baseURL is not configured");
  const page = await open(browser, "trainer");
  const id = uniqueId("archived");
  const title = `Soon archived ${id}`;
  await createScenario(page, title, id);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status").first()).toContainText("version 1 is live");
  const trainee = await open(browser, { state: (await createTrainee(playwright, baseURL, "Archive watcher")).state });
  await trainee.goto("/train");
  await expect(trainee.getByRole("link", { name: title }).first()).toBeVisible();

  await page.goto("/library");
  await page.getByRole("button", { name: `Archive ${title}` }).first().click();
  await expect(page.getByRole("status")).toContainText(`“${id}” is archived`);
  await trainee.goto("/train");
  await expect(trainee.getByRole("link", { name: title })).toHaveCount(0);
  expect((await trainee.goto(`/train/scenarios/${id}`))?.status()).toBe(404);

  await page.getByRole("button", { name: `Unarchive ${title}` }).first().click();
  await expect(page.getByRole("status")).toContainText(`“${id}” is back in the catalogue.`);
  await trainee.goto("/train");
  await expect(trainee.getByRole("link", { name: title }).first()).toBeVisible();
});

test("two people saving the same draft: the second gets a clear conflict and keeps their text", async ({ browser }) => {
  const first = await open(browser, "trainer");
  const id = uniqueId("conflict");
  await createScenario(first, "Shared draft", id);
  const second = await open(browser, "admin");
  await second.goto(`/workspace/${id}`);
  const base = await currentSource(first);

  await replaceSource(first, base.replace("Thanks. What can you do?", "Thanks. What are my options?"));
  await second.locator(".cm-content").click();
  await second.keyboard.press("ControlOrMeta+a");
  await second.keyboard.insertText(base.replace("Thanks. What can you do?", "Right. So what now?"));
  await expect(second.getByRole("alert")).toContainText("saved this draft while you were editing", { timeout: 10_000 });
  expect(await currentSource(second)).toContain("Right. So what now?");
  await second.reload();
  expect(await currentSource(second)).toContain("Thanks. What are my options?");
});

test("without JavaScript, a plain textarea and Check still work, with the problem's line", async ({ browser }) => {
  const page = await open(browser, "trainer", false);
  const id = uniqueId("plain");
  await createScenario(page, "Plain form", id);
  const textarea = page.getByLabel("Scenario source");
  const source = await textarea.inputValue();
  const line = source.split("\n").findIndex((text) => text.includes('to="sorted"')) + 1;
  await textarea.fill(source.replace('to="sorted"', 'to="nowhere"'));
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.locator(".workspace-problem--error").first()).toContainText(`Line ${line},`);
  await expect(page.getByLabel("Scenario source")).toHaveValue(/to="nowhere"/);
});

test("trainees and managers are refused every workspace page and post", async ({ playwright, baseURL }) => {
  const paths = ["/workspace/new", "/workspace/new?mode=import", "/workspace/parcel-third-call", "/workspace/parcel-third-call/history", "/workspace/parcel-third-call/paths", "/workspace/parcel-third-call/preview", "/library/parcel-third-call/download", "/admin/workspace-log"];
  const posts = ["/workspace/new", "/workspace/parcel-third-call", "/workspace/parcel-third-call/draft", "/workspace/parcel-third-call/check", "/workspace/parcel-third-call/preview", "/workspace/parcel-third-call/history", "/library"];
  for (const role of ["trainee", "manager"] as const) {
    const request = await playwright.request.newContext({ baseURL, storageState: stateFile(role) });
    for (const path of paths) expect((await request.get(path, { maxRedirects: 0 })).status(), `${role} GET ${path}`).toBe(403);
    for (const path of posts) {
      const response = await request.post(path, { form: { source: "x", revision: "1", intent: "check", mode: "new", title: "x", id: "x" }, headers: { Origin: new URL(baseURL ?? "").origin }, maxRedirects: 0 });
      expect(response.status(), `${role} POST ${path}`).toBe(403);
    }
    await request.dispose();
  }
  const trainer = await playwright.request.newContext({ baseURL, storageState: stateFile("trainer") });
  expect((await trainer.get("/admin/workspace-log", { maxRedirects: 0 })).status()).toBe(403);
  await trainer.dispose();
});

test("axe finds nothing serious on the workspace's other pages: library, guide, new, import, the log and a preview's debrief", async ({ browser }) => {
  const page = await open(browser, "trainer");
  for (const path of ["/library", "/library/guide", "/workspace/new", "/workspace/new?mode=import"]) {
    await page.goto(path);
    await expectNoSeriousViolations(page);
  }
  const id = uniqueId("axe");
  await createScenario(page, "Every page checked", id);
  await page.goto(`/workspace/${id}/preview`);
  await page.getByRole("button", { name: "Start from the beginning" }).click();
  // The starter's first reply each time, whatever the shuffle: the debrief is the same page a trainee gets.
  for (const reply of ["A cracked lid on a new kettle", "I can send a new lid"]) await page.getByRole("button", { name: new RegExp(`^${reply}`) }).click();
  await expect(page).toHaveURL(/\/debrief$/);
  await expect(page.getByRole("note")).toContainText("Preview of the draft");
  await expectNoSeriousViolations(page);

  const admin = await open(browser, "admin");
  await admin.goto("/admin/workspace-log");
  await expect(admin.getByRole("cell", { name: id }).first()).toBeVisible();
  await expectNoSeriousViolations(admin);
});
