// The admin's pages, driven in the browser as an admin would.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS, createTraineeViaForm, originOf, postSignIn, setActiveViaForm, stateFile, unique } from "./support";

test.use({ storageState: stateFile("admin") });

async function signInWithForm(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function createTeam(page: Page, name: string) {
  await page.goto("/admin/teams");
  await page.getByLabel("New team name").fill(name);
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("status")).toHaveText(`Team ${name} created.`);
  await expect(page.getByRole("region", { name })).toBeVisible();
}

test("create a team, create a trainee in it, and find them in the list", async ({ page }, testInfo) => {
  const id = unique(testInfo);
  const team = `Night Shift ${id}`;
  const person = { name: `Nia Newcomer ${id}`, email: `nia-${id}@frontline.test` };
  await createTeam(page, team);

  await page.goto("/admin");
  await page.getByRole("link", { name: "Add a person" }).click();
  await expect(page).toHaveURL("/admin/users/new");
  await page.getByLabel("Name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Role").selectOption({ label: "Trainee" });
  await page.getByLabel("Team", { exact: true }).selectOption({ label: team });
  await page.getByLabel("Password").fill("e2e-newcomer-password");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/admin\?created=/);
  await expect(page.getByRole("status")).toHaveText(`Account created for ${person.name}.`);
  const row = page.getByRole("row").filter({ hasText: person.email });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell")).toHaveText([person.name, person.email, "Trainee", team, "Active"]);

  // The team now counts one trainee.
  await page.goto("/admin/teams");
  await expect(page.getByRole("region", { name: team })).toContainText("Trainees: 1");

  // The same email cannot be used twice.
  await page.goto("/admin/users/new");
  await page.getByLabel("Name").fill("Someone Else");
  await page.getByLabel("Email").fill(person.email.toUpperCase());
  await page.getByLabel("Password").fill("e2e-another-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Someone already has this email address.")).toBeVisible();
  await expect(page).toHaveURL("/admin/users/new");
});

test("the new-person form validates in the browser before sending", async ({ page }) => {
  await page.goto("/admin/users/new");
  const name = page.getByLabel("Name");
  const password = page.getByLabel("Password");
  await expect(async () => {
    await name.focus();
    await password.focus();
    await expect(page.getByText("Enter a name.")).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await password.fill("short");
  await name.focus();
  await expect(page.getByText("A password needs at least 12 characters.")).toBeVisible();
});

test("disabling a signed-in user signs them out at their next request; re-enabling lets them back in", async ({
  page,
  browser,
}, testInfo) => {
  const id = unique(testInfo);
  const person = { name: `Dev Disabled ${id}`, email: `dev-${id}@frontline.test`, password: "e2e-disable-me-please" };

  await page.goto("/admin/users/new");
  await page.getByLabel("Name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Team", { exact: true }).selectOption({ label: "Support Desk" });
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toHaveText(`Account created for ${person.name}.`);

  // The new trainee signs in elsewhere: their own browser context.
  const elsewhere = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const theirPage = await elsewhere.newPage();
  await signInWithForm(theirPage, person.email, person.password);
  await expect(theirPage).toHaveURL("/train");
  await expect(theirPage.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${person.name}`);

  // The admin disables them.
  await page.getByRole("link", { name: person.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Edit ${person.name}`);
  await page.getByRole("button", { name: "Disable account" }).click();
  await expect(page.getByRole("status")).toHaveText("Changes saved.");
  await expect(page.getByRole("main")).toContainText(`${person.email} · Disabled`);
  await expect(page.getByRole("button", { name: "Re-enable account" })).toBeVisible();

  // Their next request takes them to the sign-in page, with the reason.
  await theirPage.reload();
  await expect(theirPage).toHaveURL(/\/sign-in\?redirectTo=%2Ftrain(&|$)/);
  await expect(theirPage.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await expect(theirPage.getByRole("banner")).not.toContainText(person.name);
  await signInWithForm(theirPage, person.email, person.password);
  await expect(theirPage.getByRole("alert")).toHaveText(
    "This account has been disabled. Ask your administrator to re-enable it.",
  );

  // In the people list they show as disabled.
  await page.goto("/admin");
  await expect(page.getByRole("row").filter({ hasText: person.email })).toContainText("Disabled");

  // Re-enabled, they can sign in again.
  await page.getByRole("link", { name: person.name, exact: true }).click();
  await page.getByRole("button", { name: "Re-enable account" }).click();
  await expect(page.getByRole("status")).toHaveText("Changes saved.");
  await expect(page.getByRole("main")).toContainText(`${person.email} · Active`);
  await signInWithForm(theirPage, person.email, person.password);
  await expect(theirPage).toHaveURL("/train");
  await elsewhere.close();
});

test("a user disabled while signed in is told why at their next request", async ({ playwright, baseURL }, testInfo) => {
  const origin = originOf(baseURL);
  const id = unique(testInfo);
  const person = { name: `Reason Shown ${id}`, email: `reason-${id}@frontline.test`, password: "e2e-tell-me-why" };
  const admin = await playwright.request.newContext({ baseURL, storageState: stateFile("admin") });
  const userId = await createTraineeViaForm(admin, origin, person);
  const theirs = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  expect((await postSignIn(theirs, { email: person.email, password: person.password })).status()).toBe(302);
  expect((await theirs.get("/train", { maxRedirects: 0 })).status()).toBe(200);

  await setActiveViaForm(admin, origin, userId, false);
  const next = await theirs.get("/train", { maxRedirects: 0 });
  expect(next.status()).toBe(302);
  // The sign-in page has a message for this ("Your account has been disabled, so you have been signed out.").
  expect(next.headers().location).toBe("/sign-in?redirectTo=%2Ftrain&reason=disabled");
  await admin.dispose();
  await theirs.dispose();
});

test("an admin cannot disable their own account or drop their own role: no control offers it, and a direct post is refused", async ({
  page,
  baseURL,
}) => {
  await page.goto("/admin");
  await page.getByRole("link", { name: DEMO_USERS.admin.name, exact: true }).click();
  await expect(page.getByRole("main")).toContainText("You cannot disable your own account.");
  await expect(page.getByRole("button", { name: "Disable account" })).toHaveCount(0);
  await expect(page.getByLabel("Role")).toHaveCount(0);

  const refused = await page.request.post(page.url(), { form: { intent: "disable" }, headers: { Origin: originOf(baseURL) }, maxRedirects: 0 });
  expect(refused.status()).toBe(400);
  await page.reload();
  await expect(page.getByRole("main")).toContainText(`${DEMO_USERS.admin.email} · Active`);
});

test("assigning a manager to a team on /admin/teams shows the team on the manager's page", async ({
  page,
  browser,
}, testInfo) => {
  const id = unique(testInfo);
  const team = `Escalations ${id}`;
  const manager = DEMO_USERS.manager;
  await createTeam(page, team);

  const section = page.getByRole("region", { name: team });
  await expect(section.getByRole("checkbox", { name: manager.name })).not.toBeChecked();
  await section.getByRole("checkbox", { name: manager.name }).check();
  await section.getByRole("button", { name: "Save managers" }).click();
  await expect(page.getByRole("status")).toHaveText("Changes saved.");
  await expect(page.getByRole("region", { name: team }).getByRole("checkbox", { name: manager.name })).toBeChecked();

  const managerContext = await browser.newContext({ storageState: stateFile("manager") });
  const managerPage = await managerContext.newPage();
  await managerPage.goto(manager.home);
  // The overview's team filter lists every team the manager is in charge of.
  const teamFilter = managerPage.getByLabel("Team", { exact: true });
  await expect(teamFilter.getByRole("option", { name: team })).toHaveCount(1);
  await expect(teamFilter.getByRole("option", { name: "Support Desk" })).toHaveCount(1);

  // Unassigned again, the team leaves the manager's page.
  await page.getByRole("region", { name: team }).getByRole("checkbox", { name: manager.name }).uncheck();
  // The notice from the first save is still showing, so wait for this save's own response.
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/admin/teams")),
    page.getByRole("region", { name: team }).getByRole("button", { name: "Save managers" }).click(),
  ]);
  await page.reload();
  await expect(page.getByRole("region", { name: team }).getByRole("checkbox", { name: manager.name })).not.toBeChecked();
  await managerPage.reload();
  await expect(managerPage.getByRole("heading", { level: 1, name: "Team overview" })).toBeVisible();
  await expect(managerPage.getByRole("option", { name: team })).toHaveCount(0);
  await managerContext.close();
});
