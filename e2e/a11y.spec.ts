// axe-core on every page: no serious or critical violations.
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./play-support";
import { DEMO_USERS, findUserId, stateFile, type Role } from "./support";

type Check = {
  label: string;
  role?: Role;
  path: string | ((page: Page) => Promise<string>);
  status: number;
  heading: string | RegExp;
};

const checks: Check[] = [
  { label: "sign-in", path: "/sign-in", status: 200, heading: "Sign in" },
  { label: "trainee home", role: "trainee", path: "/train", status: 200, heading: `Hello, ${DEMO_USERS.trainee.name}` },
  { label: "trainer home", role: "trainer", path: "/library", status: 200, heading: "Scenario library" },
  { label: "manager home", role: "manager", path: "/team", status: 200, heading: "Team overview" },
  { label: "customer outcomes", role: "manager", path: "/team/outcomes", status: 200, heading: "Customer outcomes" },
  { label: "scenario analytics", role: "manager", path: "/analytics/scenarios", status: 200, heading: "Scenario analytics" },
  {
    label: "one scenario's analytics",
    role: "trainer",
    path: "/analytics/scenarios/parcel-third-call",
    status: 200,
    heading: "The parcel that never came",
  },
  {
    label: "a trainee's page",
    role: "manager",
    // The link from the manager's overview.
    path: async (page) => {
      await page.goto("/team");
      // The overview's table (the "Needs a look" card may name the trainee too).
      const href = await page.getByRole("table", { name: "Team overview" }).getByRole("link", { name: DEMO_USERS.trainee.name, exact: true }).getAttribute("href");
      if (!href) throw new Error("no link to the trainee's page on the overview");
      return href;
    },
    status: 200,
    heading: DEMO_USERS.trainee.name,
  },
  { label: "admin people", role: "admin", path: "/admin", status: 200, heading: "People" },
  { label: "admin new person", role: "admin", path: "/admin/users/new", status: 200, heading: "Add a person" },
  {
    label: "admin edit person",
    role: "admin",
    path: async (page) => `/admin/users/${await findUserId(page.request, DEMO_USERS.trainee.email)}`,
    status: 200,
    heading: `Edit ${DEMO_USERS.trainee.name}`,
  },
  { label: "admin teams", role: "admin", path: "/admin/teams", status: 200, heading: "Teams" },
  { label: "admin game settings", role: "admin", path: "/admin/game", status: 200, heading: "Game settings" },
  { label: "admin certification", role: "admin", path: "/admin/certification", status: 200, heading: "Certification" },
  { label: "admin grading", role: "admin", path: "/admin/grading", status: 200, heading: "Grading" },
  { label: "admin learning platforms", role: "admin", path: "/admin/platforms", status: 200, heading: "Learning platforms" },
  { label: "assignments", role: "manager", path: "/team/assignments", status: 200, heading: "Assignments" },
  { label: "pathways", role: "trainer", path: "/pathways", status: 200, heading: "Skill pathways" },
  { label: "how XP works", role: "trainee", path: "/train/xp", status: 200, heading: "How XP works" },
  { label: "my team", role: "trainee", path: "/train/team", status: 200, heading: "My team" },
  { label: "certificate", role: "trainee", path: "/train/certificate", status: 200, heading: "Certificate" },
  { label: "my progress", role: "trainee", path: "/train/progress", status: 200, heading: "My progress" },
  { label: "403 page", role: "trainee", path: "/admin", status: 403, heading: "This page is not part of your role" },
  { label: "404 page", path: "/no-such-page", status: 404, heading: "We could not find that page" },
  {
    label: "404 page when signed in",
    role: "manager",
    path: "/no-such-page",
    status: 404,
    heading: "We could not find that page",
  },
];

for (const check of checks) {
  test.describe(() => {
    if (check.role) test.use({ storageState: stateFile(check.role) });

    test(`axe: ${check.label} has no serious or critical violations`, async ({ page }) => {
      const path = typeof check.path === "string" ? check.path : await check.path(page);
      const response = await page.goto(path);
      expect(response?.status()).toBe(check.status);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(check.heading);
      await expectNoSeriousViolations(page);
    });
  });
}

test("axe: sign-in with field errors showing has no serious or critical violations", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("nobody@frontline.test");
  await page.getByLabel("Password").fill("wrong-password");
  await page.context().setExtraHTTPHeaders({ "X-Forwarded-For": "198.51.100.30" });
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expectNoSeriousViolations(page);
});
