// Customer outcomes with real helpdesk tickets: "too early" below the minimum sample, a verdict
// once enough agents have tickets, the before-and-after comparison, the CSV exports, and the page
// at 375 and 1280 px (axe, charts drawn, screenshots in /tmp/shots/manager/ for a person to look at).
//
// The tickets are written straight into the e2e database (e2e/.tmp/e2e.db, which the running
// server shares through SQLite's WAL): the import has its own spec, and this one is about reading.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test as base, expect, type Page } from "@playwright/test";
import sqlite3 from "sqlite3";
import { PATHS, adminRequest, createCrew, createPersonViaForm, parseCsv, playAs, requestAs, type Crew, type Person } from "./manager-support";
import { expectNoHorizontalScroll, expectNoSeriousViolations, signInState, waitForHydration } from "./play-support";
import { originOf } from "./support";

const SHOTS_DIR = process.env.MANAGER_SHOTS_DIR || "/tmp/shots/manager";
const DATABASE = path.join(path.dirname(fileURLToPath(import.meta.url)), ".tmp", "e2e.db");
const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

// Eight trainees play the perfect path (overall mastery 100: the milestone, today); three play
// paths that leave them below 70 (mixed 65, escalated late 44, escalated 30): the control group.
const TRAINED = ["Ann", "Bea", "Cal", "Dov", "Eve", "Fay", "Gus", "Hal"];
const OTHERS = [
  ["Ida", PATHS.mixed.choices],
  ["Jon", PATHS.escalatedLate.choices],
  ["Kim", PATHS.escalated.choices],
] as const;

type Ticket = { userId: number | null; at: number; satisfied: boolean; solved: boolean };

/** Ten rated, resolution-known tickets a day apart from `start`, the first `good` satisfied and solved. */
const ten = (userId: number | null, start: number, good: number): Ticket[] =>
  Array.from({ length: 10 }, (_, i) => ({ userId, at: start + i * DAY + HOUR, satisfied: i < good, solved: i < good }));

/** A trained agent: half their customers satisfied in the three weeks before today, eight or nine in ten after. */
const trainedTickets = (person: Person, index: number) => [...ten(person.id, Date.now() - 20 * DAY, 5), ...ten(person.id, Date.now() + DAY, 8 + (index % 2))];
/** A control agent (by mastery, highest first): fewer satisfied customers, about the same before and after. */
const controlTickets = (person: Person, index: number) => [...ten(person.id, Date.now() - 12 * DAY, 4 - index), ...ten(person.id, Date.now() + DAY, 5 - index)];

function run(db: sqlite3.Database, sql: string, params: unknown[]): Promise<number> {
  return new Promise((resolve, reject) => db.run(sql, params, function (this: sqlite3.RunResult, error) {
    if (error) reject(error);
    else resolve(this.lastID);
  }));
}

let imports = 0;

/** One committed import for the crew's team holding these tickets (1–5 stars: 5 satisfied, 2 not). */
async function insertTickets(crew: Crew, tickets: readonly Ticket[]): Promise<void> {
  const db = new sqlite3.Database(DATABASE);
  try {
    db.configure("busyTimeout", 10_000);
    const now = new Date().toISOString();
    const source = `e2e-${crew.tag}-${++imports}`;
    const importId = await run(db, "INSERT INTO outcome_imports (source, kind, format, created_at, status, finished_at) VALUES (?, 'csv', 'generic', ?, 'committed', ?)", [source, now, now]);
    await run(db, "INSERT INTO outcome_import_teams (import_id, team_id) VALUES (?, ?)", [importId, crew.teams[0]!.id]);
    for (const [i, ticket] of tickets.entries()) {
      await run(
        db,
        `INSERT INTO helpdesk_tickets (import_id, source, ticket_id, agent_key, user_id, ticket_at, rating_raw, scale, rating, satisfied, solved_first_contact, reopened, is_current)
         VALUES (?, ?, ?, ?, ?, ?, ?, '1-5', ?, ?, ?, 0, 1)`,
        [importId, source, `T${i}`, ticket.userId === null ? "someone@helpdesk.test" : `agent-${ticket.userId}`, ticket.userId, new Date(ticket.at).toISOString(), ticket.satisfied ? "5" : "2", ticket.satisfied ? 1 : 0.25, ticket.satisfied ? 1 : 0, ticket.solved ? 1 : 0],
      );
    }
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

const test = base.extend<{ problems: string[] }, { crew: Crew }>({
  crew: [
    async ({ playwright }, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL!;
      // Sign-ins in flight count against the rate limit until their password checks out (ten at
      // once from one address is a lock-out), so the crew comes in two rounds.
      const crew = await createCrew(playwright, baseURL, [TRAINED.slice(0, 6)]);
      const admin = await adminRequest(playwright, baseURL);
      try {
        for (const first of [...TRAINED.slice(6), ...OTHERS.map(([name]) => name)]) {
          const person = { name: `${first} ${crew.tag}`, email: `${first.toLowerCase()}-${crew.tag}@frontline.test`, password: `trainee-password-${crew.tag}` };
          const id = await createPersonViaForm(admin, originOf(baseURL), { ...person, role: "trainee", teamId: crew.teams[0]!.id });
          crew.trainees.push({ id, ...person, state: await signInState(playwright, baseURL, person.email, person.password) });
        }
      } finally {
        await admin.dispose();
      }
      const trainees = crew.trainees;
      await Promise.all([
        ...trainees.slice(0, TRAINED.length).map((trainee) => playAs(playwright, baseURL, trainee, PATHS.best.choices)),
        ...OTHERS.map(([, choices], i) => playAs(playwright, baseURL, trainees[TRAINED.length + i]!, choices)),
      ]);
      await use(crew);
    },
    // Twelve accounts and sign-ins (scrypt each) and eleven conversations on two busy cores.
    { scope: "worker", timeout: 180_000 },
  ],
  storageState: async ({ crew }, use) => use(crew.manager.state),
  problems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`script error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error" || /Content Security Policy/i.test(message.text())) problems.push(`console ${message.type()}: ${message.text()}`);
    });
    await use(problems);
    expect(problems, "no script error, console error or CSP violation").toEqual([]);
  },
});

test.describe.configure({ mode: "serial" });

async function open(page: Page, query = ""): Promise<void> {
  const response = await page.goto(`/team/outcomes${query}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Customer outcomes");
  await waitForHydration(page);
}

const agentsRegion = (page: Page) => page.getByRole("region", { name: "Mastery and real outcomes, one dot per agent" });
const beforeAfterRegion = (page: Page) => page.getByRole("region", { name: "Before and after reaching the milestone" });
const trainedRow = (page: Page, measure: string) =>
  beforeAfterRegion(page).getByRole("table", { name: `${measure} before and after, agent by agent` }).getByRole("row", { name: /Reached the milestone/ });

test("too early below the minimum sample, a verdict with enough agents", async ({ page, crew, problems }) => {
  const trainees = crew.trainees;
  const trained = trainees.slice(0, TRAINED.length);
  const others = trainees.slice(TRAINED.length);
  // Four trained agents and two others: six agents with rated tickets, four with a milestone.
  await insertTickets(crew, [...trained.slice(0, 4).flatMap(trainedTickets), ...others.slice(0, 2).flatMap(controlTickets)]);
  await open(page);
  const agents = agentsRegion(page);
  await expect(agents).toContainText("Too early to say. 6 agents have both a mastery and a rated ticket in these dates, and a fair reading needs at least 10.");
  await expect(agents).not.toContainText("Pearson");
  await expect(agents).not.toContainText(/No clear link|(weak|moderate|strong)( reverse)? link/);
  await expect(trainedRow(page, "Real CSAT")).toContainText("Too early: 4 agents, at least 8 needed");

  // The rest of the team's tickets, and three from a helpdesk agent nobody has matched yet.
  await insertTickets(crew, [...trained.slice(4).flatMap(trainedTickets), ...others.slice(2).flatMap((person) => controlTickets(person, 2)), ...ten(null, Date.now() - 3 * DAY, 5).slice(0, 3)]);
  await open(page);
  await expect(agents).toContainText("A strong link: agents with more mastery have a clearly better real CSAT.");
  // Eight agents at 100 with 65–70% against three below with 25–45%: r 0.989 (R's cor.test gives
  // the same Fisher interval); the ranks tie the eight, so rho is lower and less certain.
  await expect(agents).toContainText("Correlation (Pearson's r) 0.99, 95% interval from 0.96 to 1.00, over 11 agents.");
  await expect(agents).toContainText("Rank correlation (Spearman's rho), the better one for ratings: 0.82, 95% interval from 0.35 to 0.96.");
  await expect(trainedRow(page, "Real CSAT")).toContainText("Better after");
  // Half satisfied before; eight or nine in ten after: +30 or +40 points, +35 on average.
  await expect(trainedRow(page, "Real CSAT").getByRole("cell")).toHaveText(["8", "50%", "85%", "+35 points (from +31 to +39)", "Better after"]);
  // Three agents never reached the milestone: too few for the control group's own verdict.
  await expect(beforeAfterRegion(page)).toContainText("Too early to compare the two groups: each needs at least 8 agents with enough tickets.");
  const leftOut = page.getByRole("region", { name: "Who is not in these numbers" });
  await expect(leftOut).toContainText("3 tickets in these dates came from helpdesk agents not yet matched to anyone in Frontline (1 of them), so they are not counted.");
  await expect(leftOut.getByRole("link", { name: "Match helpdesk agents to people" })).toHaveAttribute("href", "/team/outcomes/agents");
  expect(problems).toEqual([]);
});

test("the page at 1280 and 375 px: axe, every chart drawn, no sideways scroll on a phone; the mastery picker", async ({ page, problems }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await open(page);
  const canvases = page.locator("main canvas");
  await expect(canvases).toHaveCount(3);
  for (const canvas of await canvases.all()) {
    await expect(canvas).toHaveAttribute("aria-label", /\S/);
    await expect
      .poll(() => canvas.evaluate((element: HTMLCanvasElement) => element.getContext("2d")?.getImageData(0, 0, element.width, element.height).data.filter((value, i) => i % 4 === 3 && value > 0).length ?? 0))
      .toBeGreaterThan(100);
  }
  await expectNoSeriousViolations(page);
  await mkdir(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, "outcomes-real-1280.png"), fullPage: true });

  // Picking a skill is a plain GET form: the charts and the table follow, the other choices stay.
  await agentsRegion(page).getByLabel("Mastery on the chart").selectOption("empathy");
  await agentsRegion(page).getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/mastery=empathy/);
  await expect(canvases).toHaveCount(3);
  await expect(canvases.first()).toHaveAttribute("aria-label", /^Real CSAT against Empathy mastery, one dot per agent\. /);
  await agentsRegion(page).getByText("Show the numbers").click();
  await expect(agentsRegion(page).getByRole("columnheader", { name: "Mastery (Empathy)" })).toBeVisible();
  await expect(agentsRegion(page).getByRole("table").locator("tbody tr")).toHaveCount(11);

  await page.setViewportSize({ width: 375, height: 800 });
  await open(page);
  await expectNoHorizontalScroll(page, 375);
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: path.join(SHOTS_DIR, "outcomes-real-375.png"), fullPage: true });
  expect(problems).toEqual([]);
});

test("the weeks either side: a plain form that keeps the other choices; a value out of range is the default", async ({ page }) => {
  await open(page, "?mastery=calm&weeks=99");
  await expect(beforeAfterRegion(page)).toContainText("in the 4 weeks before with the 4 weeks after");
  await beforeAfterRegion(page).getByLabel("Weeks either side").fill("2");
  await beforeAfterRegion(page).getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/weeks=2/);
  await expect(page).toHaveURL(/mastery=calm/);
  await expect(beforeAfterRegion(page)).toContainText("in the 2 weeks before with the 2 weeks after");
  await expect(agentsRegion(page).getByLabel("Mastery on the chart")).toHaveValue("calm");
});

test("CSV exports: every trainee's real outcomes beside the simulated CSAT, and the before-and-after agent by agent", async ({ playwright, crew, baseURL }) => {
  const request = await requestAs(playwright, baseURL, crew.manager.state);
  try {
    const agents = await request.get("/team/outcomes.csv");
    expect(agents.status()).toBe(200);
    expect(agents.headers()["content-type"]).toContain("text/csv");
    const { header, rows } = parseCsv(await agents.text());
    expect(header).toEqual([
      "email",
      "name",
      "mastery",
      "listening_mastery",
      "empathy_mastery",
      "calm_mastery",
      "persuasion_mastery",
      "expectations_mastery",
      "tickets",
      "rated_tickets",
      "real_csat_pct",
      "real_mean_rating_0_1",
      "resolution_known_tickets",
      "real_first_contact_resolution_pct",
      "simulated_csat",
    ]);
    expect(rows).toHaveLength(11);
    const ann = rows.find((row) => row.name === crew.trainees[0]!.name)!;
    expect(ann).toMatchObject({ mastery: "100", tickets: "20", rated_tickets: "20", real_csat_pct: "65.0", real_first_contact_resolution_pct: "65.0", simulated_csat: `${PATHS.best.csat}.00` });

    // 13 satisfied (rating 1) and 7 not (2 of 5: 0.25).
    expect(Number(ann.real_mean_rating_0_1)).toBeCloseTo((13 + 7 * 0.25) / 20, 3);

    const windows = await request.get("/team/outcomes/before-after.csv?weeks=3");
    expect(windows.status()).toBe(200);
    const beforeAfter = parseCsv(await windows.text());
    expect(beforeAfter.rows.filter((row) => row.group === "reached_milestone")).toHaveLength(8);
    expect(beforeAfter.rows.filter((row) => row.group === "control")).toHaveLength(3);
    const first = beforeAfter.rows.find((row) => row.email === crew.trainees[0]!.email)!;
    expect(first).toMatchObject({ before_tickets: "10", before_csat_pct: "50.0", after_tickets: "10", after_csat_pct: "80.0", in_csat_comparison: "yes" });
    expect(Date.parse(first.window_to!) - Date.parse(first.window_centre!)).toBe(21 * DAY);
  } finally {
    await request.dispose();
  }
});
