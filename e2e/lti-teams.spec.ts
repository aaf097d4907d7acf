// Team membership for launched people: a learner launched from two courses keeps one account whose own team is the
// first course's, and the second course's instructor still sees them on the team page (the view team_members).
import { expect, test, type Browser, type Page } from "@playwright/test";
import { INSTRUCTOR, startFakePlatform, type FakePlatform, type LaunchPlan } from "./fakes/lti-platform";
import { launchThrough, registerPlatform, removePlatform, TOOL } from "./lti-support";
import { stateFile } from "./support";

test.describe.configure({ mode: "serial" });

// Course teams are named after their titles, and team names are unique: a stamp keeps reruns on one database apart.
const STAMP = Date.now();
const COURSE_A = { id: "course-a", title: `Returns basics ${STAMP}` };
const COURSE_B = { id: "course-b", title: `Returns advanced ${STAMP}` };
let platform: FakePlatform;

test.beforeAll(async ({ browser }) => {
  platform = await startFakePlatform({ toolOrigin: TOOL, clientId: `teams-client-${STAMP}` });
  await registerPlatform(browser, platform, `Fake platform for teams ${platform.origin}`);
});

test.afterAll(async ({ browser }) => {
  await removePlatform(browser, platform);
  await platform.close();
});

/** Launches in a new browser context and leaves the page where Frontline sent the person. */
async function launchAs(browser: Browser, plan: LaunchPlan): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  expect((await launchThrough(page, platform, plan)).status()).toBe(303);
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

test("an admin points a course at a team they already have: its learner and its instructor go with it", async ({ browser }) => {
  const course = { id: "course-c", title: `Onboarding ${STAMP}` };
  const team = `Harbour desk ${STAMP}`;
  const admin = await (await browser.newContext({ storageState: stateFile("admin") })).newPage();
  await admin.goto("/admin/teams");
  await admin.getByLabel("New team name").fill(team);
  await admin.getByRole("button", { name: "Create team" }).click();
  await expect(admin.getByRole("status")).toHaveText(`Team ${team} created.`);

  await (await launchAs(browser, { sub: "mo", name: "Mo Mover", context: course })).context().close();
  const ira = await launchAs(browser, { sub: "ira", name: "Ira Instructor", roles: [INSTRUCTOR], context: course });
  await expect(ira.locator("tbody").getByRole("link", { name: "Mo Mover" })).toBeVisible();

  await admin.goto("/admin/platforms");
  const row = admin.getByRole("region", { name: "Courses" }).getByRole("row", { name: new RegExp(course.title) });
  await expect(row).toContainText("2");
  await row.getByLabel(`Team for ${course.title}`, { exact: true }).selectOption({ label: team });
  await row.getByRole("button", { name: `Save the team for ${course.title}` }).click();
  await expect(admin.getByRole("status")).toContainText(`“${course.title}” now counts as ${team}. Its earlier team, ${course.title}, is kept`);
  await expect(admin.getByRole("region", { name: "Courses" }).getByLabel(`Team for ${course.title}`, { exact: true })).toHaveValue(/\d+/);

  // The instructor now manages the chosen team, and the learner is in it.
  await ira.goto(`${TOOL}/team`);
  await expect(ira.locator("tbody").getByRole("link", { name: "Mo Mover" })).toBeVisible();
  await expect(ira.getByText(team).first()).toBeVisible();
  await admin.goto("/admin/teams");
  const teamCard = admin.getByRole("region", { name: team });
  await expect(teamCard).toContainText("Trainees: 1");
  await expect(teamCard.getByRole("checkbox", { name: "Ira Instructor" })).toBeChecked();
  await ira.context().close();
  await admin.context().close();
});
