// Team membership for launched people: a learner launched from two courses keeps one account whose own team is the
// first course's, and the second course's instructor still sees them on the team page (the view team_members).
import { expect, test, type Browser, type Page } from "@playwright/test";
import { INSTRUCTOR, startFakePlatform, type FakePlatform, type LaunchPlan } from "./fakes/lti-platform";
import { stateFile } from "./support";

test.describe.configure({ mode: "serial" });

const PORT = Number(process.env.E2E_PORT || 3917);
const TOOL = `http://localhost:${PORT}`;
// Course teams are named after their titles, and team names are unique: a stamp keeps reruns on one database apart.
const STAMP = Date.now();
const COURSE_A = { id: "course-a", title: `Returns basics ${STAMP}` };
const COURSE_B = { id: "course-b", title: `Returns advanced ${STAMP}` };
let platform: FakePlatform;

test.beforeAll(async ({ browser }) => {
  platform = await startFakePlatform({ toolOrigin: TOOL, clientId: `teams-client-${STAMP}` });
  const admin = await browser.newContext({ storageState: stateFile("admin") });
  const page = await admin.newPage();
  await page.goto("/admin/platforms");
  await page.getByLabel("Name", { exact: true }).fill(`Fake platform for teams ${platform.origin}`);
  await page.getByLabel("Issuer (platform ID)").fill(platform.issuer);
  await page.getByLabel("Client ID").fill(platform.clientId);
  await page.getByLabel("Deployment IDs").fill(platform.deploymentId);
  await page.getByLabel("Authentication request URL (OIDC)").fill(platform.authUrl);
  await page.getByLabel("Access token URL").fill(platform.tokenUrl);
  await page.getByLabel("Public keyset URL of the platform").fill(platform.jwksUrl);
  await page.getByRole("button", { name: "Save platform" }).click();
  await expect(page.getByRole("status")).toContainText("saved");
  await admin.close();
});

test.afterAll(async ({ browser }) => {
  const admin = await browser.newContext({ storageState: stateFile("admin") });
  const page = await admin.newPage();
  await page.goto("/admin/platforms");
  const row = page.getByRole("row", { name: new RegExp(platform.clientId) });
  await row.getByText("Remove…").click();
  await row.getByRole("button", { name: /^Remove “/ }).click();
  await expect(page.getByRole("status")).toContainText("Platform removed.");
  await admin.close();
  await platform.close();
});

/** Launches in a new browser context and leaves the page where Frontline sent the person. */
async function launchAs(browser: Browser, plan: LaunchPlan): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const answer = page.waitForResponse((response) => response.url() === `${TOOL}/lti/launch` && response.request().method() === "POST");
  await page.goto(platform.launchPage(plan));
  expect((await answer).status()).toBe(303);
  return page;
}

test("the instructor of a learner's second course sees them on the team page, under that course", async ({ browser }) => {
  const leeA = await launchAs(browser, { sub: "lee", name: "Lee Twocourses", context: COURSE_A });
  await expect(leeA).toHaveURL(`${TOOL}/train`);
  await leeA.context().close();
  await (await launchAs(browser, { sub: "lee", name: "Lee Twocourses", context: COURSE_B })).context().close();
  // Kim took the first course only: the second course's instructor must not see her.
  await (await launchAs(browser, { sub: "kim", name: "Kim Onecourse", context: COURSE_A })).context().close();

  const ivy = await launchAs(browser, { sub: "ivy", name: "Ivy Instructor", roles: [INSTRUCTOR], context: COURSE_B });
  await expect(ivy).toHaveURL(`${TOOL}/team`);
  const table = ivy.locator("tbody");
  const lee = table.getByRole("link", { name: "Lee Twocourses" });
  await expect(lee).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(1);
  await expect(ivy.getByText("Kim Onecourse")).toHaveCount(0);
  await lee.click();
  await expect(ivy.getByRole("heading", { level: 1, name: "Lee Twocourses" })).toBeVisible();
  await expect(ivy.getByText(`${COURSE_B.title} · 0 finished conversations`)).toBeVisible();
  await ivy.context().close();
});
