// Every manager page with real numbers in it: axe finds no serious or critical violation, the
// charts render (a painted canvas of non-zero size) with no CSP violation or script error, and
// the overview and the trainee page do not scroll sideways on a 375 px phone. Screenshots at 375
// and 1280 px go to /tmp/shots/manager/ (outside the repository) for a person to look at.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousViolations, waitForHydration } from "./play-support";
import { PARCEL, PATHS, SCENARIOS_AVAILABLE, createCrew, playAs, type Crew } from "./manager-support";

const SHOTS_DIR = process.env.MANAGER_SHOTS_DIR || "/tmp/shots/manager";

type Showcase = { crew: Crew; attemptId: number };

/**
 * One fresh manager per worker with two teams: Ada (two attempts, for a trend), Ben, Cy and Dee
 * finished conversations with different scores; Dee also has one in progress. Their teams have no
 * helpdesk tickets, so customer outcomes shows its empty state (e2e/manager-outcomes.spec.ts
 * covers the page with tickets).
 */
const test = base.extend<{ problems: string[] }, { showcase: Showcase }>({
  showcase: [
    async ({ playwright }, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL;
      const crew = await createCrew(playwright, baseURL, [["Ada", "Ben", "Cy"], ["Dee"]]);
      const [ada, ben, cy, dee] = crew.trainees;
      if (!ada || !ben || !cy || !dee) throw new Error("the showcase has four trainees");
      const [attemptId] = await Promise.all([
        playAs(playwright, baseURL, ada, PATHS.mixed.choices),
        playAs(playwright, baseURL, ben, PATHS.best.choices),
        playAs(playwright, baseURL, cy, PATHS.escalated.choices),
        playAs(playwright, baseURL, dee, PATHS.escalatedLate.choices),
      ]);
      await Promise.all([playAs(playwright, baseURL, ada, PATHS.best.choices), playAs(playwright, baseURL, dee, [1])]);
      await use({ crew, attemptId });
    },
    // Five accounts and five sign-ins (scrypt each) on two busy cores: more than one test's 30 s may pass.
    { scope: "worker", timeout: 120_000 },
  ],
  storageState: async ({ showcase }, use) => use(showcase.crew.manager.state),
  /** Script errors, console errors and CSP violations seen on the page during the test: must stay empty. */
  problems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`script error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error" || /Content Security Policy/i.test(message.text())) problems.push(`console ${message.type()}: ${message.text()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
      });
    });
    await use(problems);
    expect(problems, "no script error, console error or CSP violation").toEqual([]);
  },
});

type ManagerPage = { key: string; heading: (showcase: Showcase) => string; path: (showcase: Showcase) => string; charts: number; phoneScroll: boolean };

const PAGES: readonly ManagerPage[] = [
  { key: "overview", heading: () => "Team overview", path: () => "/team", charts: 0, phoneScroll: true },
  {
    key: "trainee",
    heading: ({ crew }) => crew.trainees[0]!.name,
    path: ({ crew }) => `/team/trainees/${crew.trainees[0]!.id}`,
    charts: 2,
    phoneScroll: true,
  },
  { key: "debrief", heading: () => `Debrief: ${PARCEL.title}`, path: ({ attemptId }) => `/team/attempts/${attemptId}`, charts: 0, phoneScroll: false },
  { key: "outcomes", heading: () => "Customer outcomes", path: () => "/team/outcomes", charts: 0, phoneScroll: true },
  { key: "scenarios", heading: () => "Scenario analytics", path: () => "/analytics/scenarios", charts: 1, phoneScroll: false },
  { key: "scenario", heading: () => PARCEL.title, path: () => `/analytics/scenarios/${PARCEL.id}`, charts: 0, phoneScroll: false },
];

async function open(page: Page, showcase: Showcase, target: ManagerPage): Promise<void> {
  const response = await page.goto(target.path(showcase));
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(target.heading(showcase));
  await waitForHydration(page);
}

async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true });
}

/** Every chart canvas: drawn by Chart.js at a non-zero size, with something painted on it. */
async function expectChartsDrawn(page: Page, count: number): Promise<void> {
  const canvases = page.locator("main canvas");
  await expect(canvases).toHaveCount(count);
  for (const canvas of await canvases.all()) {
    await expect(canvas).toHaveAttribute("role", "img");
    await expect(canvas).toHaveAttribute("aria-label", /\S/);
    const box = await canvas.boundingBox();
    expect(box?.width, "the chart has a width").toBeGreaterThan(0);
    expect(box?.height, "the chart has a height").toBeGreaterThan(0);
    await expect
      .poll(
        () =>
          canvas.evaluate((element: HTMLCanvasElement) => {
            const context = element.getContext("2d");
            if (!context || element.width === 0 || element.height === 0) return 0;
            const pixels = context.getImageData(0, 0, element.width, element.height).data;
            let painted = 0;
            for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted += 1;
            return painted;
          }),
        { message: "the chart has painted pixels" },
      )
      .toBeGreaterThan(100);
  }
}

for (const target of PAGES) {
  const phone = target.phoneScroll ? ", no sideways scroll at 375 px" : "";
  test(`${target.key} page: axe finds no serious or critical violation at 1280 px${phone}; screenshots`, async ({ page, showcase, problems }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await open(page, showcase, target);
    if (target.charts > 0) await expectChartsDrawn(page, target.charts);
    await expectNoSeriousViolations(page);
    await screenshot(page, `${target.key}-1280`);

    await page.setViewportSize({ width: 375, height: 800 });
    await expect(page.locator("main canvas")).toHaveCount(target.charts);
    for (const canvas of await page.locator("main canvas").all()) {
      // Chart.js follows the window: each chart fits the phone.
      await expect.poll(async () => (await canvas.boundingBox())?.width ?? 0).toBeLessThanOrEqual(375);
    }
    await screenshot(page, `${target.key}-375`);
    if (target.phoneScroll) {
      await expectNoHorizontalScroll(page, 375);
      // Wide tables scroll inside their card instead.
      for (const wrap of await page.locator("main .table-wrap").all()) {
        const overflow = await wrap.evaluate((element) => getComputedStyle(element).overflowX);
        expect(["auto", "scroll"], "a table's card scrolls sideways on its own").toContain(overflow);
      }
    }
    expect(problems).toEqual([]);
  });
}

test("charts: the trainee page and scenario analytics draw every chart without a CSP violation or script error", async ({
  page,
  showcase,
  problems,
}) => {
  const [trainee, scenarios] = PAGES.filter((candidate) => candidate.charts > 0);
  const outcomes = PAGES.find((candidate) => candidate.key === "outcomes");
  if (!trainee || !outcomes || !scenarios) throw new Error("two chart pages and the outcomes page");

  // Each chart comes with an accessible alternative: a table or a written summary.
  await open(page, showcase, trainee);
  await expectChartsDrawn(page, 2);
  const radar = page.getByRole("region", { name: "Current mastery by skill" });
  await expect(radar.getByRole("img")).toHaveAttribute("aria-label", /^Current mastery: Listening \d+, Empathy \d+, Calm \d+, Persuasion \d+, Honest expectations \d+\.$/);
  await expect(radar.getByRole("table").getByRole("row")).toHaveCount(5);
  const trend = page.getByRole("region", { name: "Mastery over time" });
  await trend.getByText("Show the numbers").click();
  // Ada finished two conversations: one row per point on the chart, a column per skill.
  await expect(trend.getByRole("table").locator("tbody tr")).toHaveCount(2);
  await expect(trend.getByRole("table").getByRole("columnheader")).toHaveCount(6);

  // No helpdesk tickets for these teams: the outcomes page explains how to bring them in.
  await open(page, showcase, outcomes);
  await expect(page.getByRole("heading", { name: "No real customer outcomes yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Bring in helpdesk outcomes" })).toHaveAttribute("href", "/team/outcomes/imports");

  // The flow marks each arrow out of a step with its share of that step's replies.
  await open(page, showcase, PAGES.find((candidate) => candidate.key === "scenario")!);
  const shares = await page.locator(".flow__share").allTextContents();
  expect(shares.length, "the showcase's conversations leave the first step by some arrow").toBeGreaterThan(0);
  for (const share of shares) expect(share).toMatch(/^\d{1,3}%$/);

  await open(page, showcase, scenarios);
  await expectChartsDrawn(page, 1);
  // Two tables, outcomes and average scores, one row per scenario in each.
  await expect(page.getByRole("table", { name: "Simulated outcomes" }).locator("tbody tr")).toHaveCount(SCENARIOS_AVAILABLE);
  await expect(page.getByRole("table", { name: "Average scores" }).locator("tbody tr")).toHaveCount(SCENARIOS_AVAILABLE);

  // Client-side navigation between chart pages: the charts are destroyed and rebuilt cleanly.
  await page.getByRole("link", { name: "Team overview" }).first().click();
  await expect(page).toHaveURL("/team");
  await page.getByRole("link", { name: showcase.crew.trainees[0]!.name, exact: true }).click();
  await expect(page).toHaveURL(`/team/trainees/${showcase.crew.trainees[0]!.id}`);
  await expectChartsDrawn(page, 2);
  await page.getByRole("link", { name: "Customer outcomes" }).click();
  await expect(page).toHaveURL("/team/outcomes");
  await expect(page.getByRole("heading", { name: "No real customer outcomes yet" })).toBeVisible();
  expect(problems).toEqual([]);
});
