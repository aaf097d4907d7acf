// Hostile sources pasted into the editor: every shared invalid example and every hostile fixture of
// the engine is refused at its line with its rule, cannot be previewed or published, and nothing in
// it runs in the page; the sources that once stalled the check are refused while the server keeps
// answering. (That nothing runs on the server is proved beside the code, in app/library/hostile.test.ts.)
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { originOf } from "./support";
import { createScenario, open, uniqueId } from "./workspace-support";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// The project's own copies of the shared examples, so CI needs nothing outside the tree.
const FOLDERS = [path.join(root, "app", "engine", "__fixtures__", "hostile"), path.join(root, "app", "engine", "__fixtures__", "shared", "invalid")];
const PWNED = "__frontlinePwned";

type Expected = { line: number; rule?: string; why: string };
const corpus = FOLDERS.flatMap((folder) => {
  const expected = JSON.parse(readFileSync(path.join(folder, "expected.json"), "utf8")) as Record<string, Expected>;
  return readdirSync(folder)
    .filter((file) => file.endsWith(".mdx"))
    .map((file) => ({ file, source: readFileSync(path.join(folder, file), "utf8"), expected: expected[file]! }));
});

// Dozens of pastes, each checked by the server.
test.describe.configure({ timeout: 240_000 });

/** Pastes without waiting for the autosave: the live check answers first, and the save limit is per minute. */
async function paste(page: Page, source: string): Promise<void> {
  await page.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(source);
}

/** The problems listed under the editor, as "line:rule" (the rule is printed beside each one for the guide). */
async function listedErrors(page: Page): Promise<string[]> {
  const items = await page.locator(".workspace-problem--error").allTextContents();
  return items.map((text) => `${/Line (\d+),/.exec(text)?.[1] ?? "?"}:${/Rule: ([a-z-]+)/.exec(text)?.[1] ?? "?"}`);
}

test("every shared invalid example and hostile fixture pasted into the editor is refused at its line, and nothing runs", async ({ browser }) => {
  expect(corpus.length).toBeGreaterThan(30);
  const page = await open(browser, "trainer");
  const id = uniqueId("hostile");
  await createScenario(page, "Hostile pastes", id);

  for (const { file, source, expected } of corpus) {
    // Keep the scenario's own id where the file has a YAML id, so only the file's own faults are listed.
    const text = source.replace(/^id: .*$/m, `id: ${id}`);
    await paste(page, text);
    await expect
      .poll(() => listedErrors(page), { message: `${file}: ${expected.why}`, timeout: 10_000 })
      .toContainEqual(expected.rule ? `${expected.line}:${expected.rule}` : expect.stringMatching(new RegExp(`^${expected.line}:`)));
    expect(await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], PWNED), `${file} ran in the page`).toBeUndefined();
  }

  // The last paste stands as the draft: neither Preview nor Publish will take it.
  await expect(page.locator("#draft-status")).toHaveText(/^Draft saved at /, { timeout: 10_000 });
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("alert")).toContainText("before publishing");
  await page.getByRole("link", { name: "Preview" }).first().click();
  await expect(page.getByText("The draft cannot be previewed yet.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Start from the beginning" })).toHaveCount(0);
  expect(await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], PWNED)).toBeUndefined();
});

test("the sources that once stalled the check are refused, and the server keeps answering meanwhile", async ({ browser, baseURL }) => {
  const page = await open(browser, "admin");
  const id = uniqueId("stall");
  await createScenario(page, "Stalling pastes", id);
  const front = (await page.evaluate(() => (document.querySelector("input[name=source], textarea[name=source]") as HTMLInputElement).value)).split("\n<Brief>")[0]!;
  const customerSays = (said: string) => `${front}\n<Step id="a">\n  <Customer>${said}</Customer>\n  <Choice to="end">Ok.</Choice>\n</Step>\n\n<Ending id="end" outcome="satisfied" resolved>Done.</Ending>\n`;
  const customerLine = front.split("\n").length + 2;

  for (const said of ["{".repeat(16_000) + "}".repeat(16_000), "<Customer>".repeat(5_000) + "x" + "</Customer>".repeat(5_000)]) {
    const answered = page.waitForResponse((response) => response.url().endsWith(`/workspace/${id}/check`));
    await paste(page, customerSays(said));
    // While the check runs, other pages still answer.
    expect((await page.request.get("/library")).status()).toBe(200);
    expect((await answered).status()).toBe(200);
    await expect.poll(() => listedErrors(page), { timeout: 10_000 }).toContainEqual(`${customerLine}:too-deep`);
  }

  // A 9 MB indented list never reaches the parser: the check names the limit, and the draft is not stored.
  const lines: string[] = [];
  for (let length = 0, i = 0; length < 9 * 1024 * 1024; i++) length += lines[lines.push(" ".repeat(i % 4000) + "- item") - 1]!.length + 1;
  const huge = `${front}\n${lines.join("\n")}\n`;
  const headers = { Origin: originOf(baseURL) };
  const check = await page.request.post(`/workspace/${id}/check`, { form: { source: huge }, headers });
  expect(check.status()).toBe(413);
  expect(await check.text()).toContain("256 KB");
  const under = huge.slice(0, 250 * 1024);
  const checked = await page.request.post(`/workspace/${id}/check`, { form: { source: under }, headers });
  expect(checked.status()).toBe(200);
  const problems = ((await checked.json()) as { problems: { rule: string }[] }).problems.map((problem) => problem.rule);
  expect(problems).toContain("too-deep");
});
