// Registering a fake learning platform through the admin's "Learning platforms" page, and removing it after, for the
// LTI specs.
import { expect, type Browser, type Page, type Response } from "@playwright/test";
import type { FakePlatform, LaunchPlan } from "./fakes/lti-platform";
import { stateFile } from "./support";

/** Frontline as the platform reaches it: localhost, another site than the fake platform's 127.0.0.1. */
export const TOOL = `http://localhost:${Number(process.env.E2E_PORT || 3917)}`;

/** Opens the platform's launch page and waits for Frontline's answer to the launch post. */
export async function launchThrough(page: Page, platform: FakePlatform, plan: LaunchPlan): Promise<Response> {
  const answer = page.waitForResponse((response) => response.url() === `${TOOL}/lti/launch` && response.request().method() === "POST");
  await page.goto(platform.launchPage(plan));
  return answer;
}

export async function registerPlatform(browser: Browser, platform: FakePlatform, name: string): Promise<void> {
  const admin = await browser.newContext({ storageState: stateFile("admin") });
  const page = await admin.newPage();
  await page.goto("/admin/platforms");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Issuer (platform ID)").fill(platform.issuer);
  await page.getByLabel("Client ID").fill(platform.clientId);
  await page.getByLabel("Deployment IDs").fill(platform.deploymentId);
  await page.getByLabel("Authentication request URL (OIDC)").fill(platform.authUrl);
  await page.getByLabel("Access token URL").fill(platform.tokenUrl);
  await page.getByLabel("Public keyset URL of the platform").fill(platform.jwksUrl);
  await page.getByRole("button", { name: "Save platform" }).click();
  await expect(page.getByRole("status")).toContainText("saved");
  await expect(page.getByRole("row", { name: new RegExp(platform.clientId) })).toBeVisible();
  await admin.close();
}

/** Removing the platform on its admin page ends its launches (and its place in frame-ancestors). */
export async function removePlatform(browser: Browser, platform: FakePlatform): Promise<void> {
  const admin = await browser.newContext({ storageState: stateFile("admin") });
  const page = await admin.newPage();
  await page.goto("/admin/platforms");
  const row = page.getByRole("row", { name: new RegExp(platform.clientId) });
  await row.getByText("Remove…").click();
  await row.getByRole("button", { name: /^Remove “/ }).click();
  await expect(page.getByRole("status")).toContainText("Platform removed.");
  await expect(page.getByRole("row", { name: new RegExp(platform.clientId) })).toHaveCount(0);
  await admin.close();
}
