// What the workspace specs share: a signed-in page per role, a scenario of the test's own, and
// the editor driven the way a trainer drives it.
import { expect, type Browser, type Page } from "@playwright/test";
import type { StorageState } from "./play-support";
import { stateFile } from "./support";

export async function open(browser: Browser, role: "trainer" | "admin" | { state: StorageState }, js = true): Promise<Page> {
  const storageState = typeof role === "string" ? stateFile(role) : role.state;
  const context = await browser.newContext({ storageState, javaScriptEnabled: js });
  return context.newPage();
}

/** An id no earlier run has used: the e2e server's database outlives a single spec run. */
export const uniqueId = (label: string) => `${label}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

export async function createScenario(page: Page, title: string, id: string): Promise<void> {
  await page.goto("/library");
  await page.getByRole("link", { name: "New scenario" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Id").fill(id);
  await page.getByRole("button", { name: "Create and edit" }).click();
  await expect(page).toHaveURL(`/workspace/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Edit “${title}”`);
}

/** Replaces the whole source in the editor, the way a paste does, and waits for the autosave. */
export async function replaceSource(page: Page, source: string): Promise<void> {
  const editor = page.locator(".cm-content");
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(source);
  await expect(page.locator("#draft-status")).toHaveText(/^Draft saved at /, { timeout: 10_000 });
}

/** The source the form would post: the editor keeps it in a hidden field, the plain form in its textarea. */
export async function currentSource(page: Page): Promise<string> {
  return page.evaluate(() => (document.querySelector("textarea[name=source], input[name=source]") as HTMLTextAreaElement | HTMLInputElement).value);
}
