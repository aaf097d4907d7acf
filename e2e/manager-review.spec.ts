// The manager's review of a team, end to end: a trainee's attempt reaches the overview, the trainee
// page, the read-only debrief and the scenario analytics with the same numbers the trainee saw; the
// CSV exports; sorting and filtering the overview. Every manager, team and trainee here is fresh
// (made through the admin's forms), so the numbers on the pages are exactly the ones played here.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { authoredPath, authoredScenario } from "./authored";
import { ATTEMPT_URL, attemptIdOf, playByClicking, waitForHydration } from "./play-support";
import {
  ATTEMPTS_CSV_HEADER,
  OVERVIEW_CSV_HEADER,
  PARCEL,
  PATHS,
  SCENARIOS_AVAILABLE,
  SKILLS,
  SKILL_LABELS,
  adminRequest,
  cell,
  createCrew,
  csvScores,
  debriefSkills,
  heatValues,
  isoDay,
  overviewNames,
  overviewRow,
  parseCsv,
  playAs,
  readDebrief,
  requestAs,
  scenarioRow,
  startedCount,
  teamIdByName,
  type Crew,
  type Person,
  type Scores,
  type Team,
} from "./manager-support";

const SIGNED_OUT = { cookies: [], origins: [] };

/** The weakest skill of these scores: the lowest, the first in skill order on a tie (as the overview's note picks it). */
function weakest(scores: Scores): { skill: (typeof SKILLS)[number]; value: number } {
  let found: { skill: (typeof SKILLS)[number]; value: number } | null = null;
  for (const skill of SKILLS) {
    const value = scores[skill];
    if (value !== null && (found === null || value < found.value)) found = { skill, value };
  }
  if (!found) throw new Error("no skill was assessed");
  return found;
}

/** Dates as the pages print them (English, UTC). */
function shownDate(iso: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(iso));
}

/** Clicks a download link and returns the file's name and text. */
async function download(page: Page, linkName: string): Promise<{ filename: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: linkName }).click()]);
  const path = await file.path();
  return { filename: file.suggestedFilename(), text: await readFile(path, "utf8") };
}

test("done when: a trainee's attempt reaches the overview, the trainee page, the read-only debrief and the scenario analytics", async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.slow();
  const crew = await createCrew(playwright, baseURL, [["Ada", "Ben"]]);
  const [ada, ben] = crew.trainees;
  if (!ada || !ben) throw new Error("the crew has two trainees");
  const path = PATHS.mixed;

  const managerRequest = await requestAs(playwright, baseURL, crew.manager.state);
  const before = await startedCount(managerRequest, PARCEL.title);

  // The trainee plays in the browser and reads the debrief.
  const traineeContext = await browser.newContext({ baseURL, storageState: ada.state });
  const traineePage = await traineeContext.newPage();
  await traineePage.goto(`/train/scenarios/${PARCEL.id}`);
  await traineePage.getByRole("button", { name: "Start the conversation" }).click();
  await expect(traineePage).toHaveURL(ATTEMPT_URL);
  await waitForHydration(traineePage);
  await playByClicking(traineePage, path.choices);
  const attemptId = attemptIdOf(traineePage);
  const seen = await readDebrief(traineePage);
  expect(seen.heading).toBe(`Debrief: ${PARCEL.title}`);
  expect(seen.outcome).toBe(`Outcome: ${path.outcome}`);
  expect(seen.overall).toBe(String(path.overall));
  expect(seen.skills).toEqual(debriefSkills(path.skills));
  expect(seen.transcript).toHaveLength(path.choices.length);
  await traineeContext.close();

  // The manager signs in through the form and lands on the team overview.
  const context = await browser.newContext({ baseURL, storageState: SIGNED_OUT });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(crew.manager.email);
  await page.getByLabel("Password").fill(crew.manager.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/team", { timeout: 15_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Team overview");
  await waitForHydration(page);

  // Overview: one row per trainee; the heat map holds the attempt's scores (one attempt: mastery = scores).
  await expect.poll(() => overviewNames(page)).toEqual([ada.name, ben.name]);
  const adaRow = overviewRow(page, ada.name);
  expect(await heatValues(adaRow)).toEqual(path.skills);
  for (const skill of SKILLS) {
    const value = path.skills[skill];
    if (value !== null) await expect(cell(adaRow, SKILL_LABELS[skill]), `${skill} is colour-graded`).toHaveClass(new RegExp(`\\bheat--${Math.min(9, Math.floor(value / 10))}\\b`));
  }
  await expect(cell(adaRow, "Attempts")).toHaveText("1");
  await expect(cell(adaRow, "Scenarios")).toHaveText(`1 of ${SCENARIOS_AVAILABLE}`);
  await expect(cell(adaRow, "Simulated CSAT")).toHaveText(path.csat.toFixed(1));
  await expect(cell(adaRow, "Simulated resolution")).toHaveText("100%");
  await expect(cell(adaRow, "Last active")).toHaveText(shownDate(new Date().toISOString()));
  const benRow = overviewRow(page, ben.name);
  expect(await heatValues(benRow)).toEqual({ listening: null, empathy: null, calm: null, persuasion: null, expectations: null });
  await expect(cell(benRow, "Attempts")).toHaveText("0");
  await expect(cell(benRow, "Last active")).toHaveText("Never");
  // The weakest skill: the lowest team mastery (for the mixed path, listening at 40).
  const weakestSkill = weakest(path.skills);
  expect(weakestSkill).toEqual({ skill: "listening", value: 40 });
  const weakestLabel = SKILL_LABELS[weakestSkill.skill];
  await expect(page.getByRole("note")).toContainText(`The team's weakest skill right now is ${weakestLabel} (average mastery ${weakestSkill.value}).`);
  await expect(page.getByRole("note").getByRole("link", { name: `Read the ${weakestLabel} guide` })).toHaveAttribute("href", `/guides/${weakestSkill.skill}`);

  // The trainee's page: the radar's table and the attempts list show the debrief's scores.
  await adaRow.getByRole("link", { name: ada.name, exact: true }).click();
  await expect(page).toHaveURL(`/team/trainees/${ada.id}`, { timeout: 10_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ada.name);
  await waitForHydration(page);
  await expect(page.getByText(`${crew.teams[0]!.name} · 1 finished conversations`)).toBeVisible();
  const radar = page.getByRole("region", { name: "Current mastery by skill" });
  const conversations = page.getByRole("region", { name: "Conversations" });
  const attemptRows = conversations.locator("tbody tr");
  await expect(attemptRows).toHaveCount(1);
  await expect(cell(attemptRows, "Scenario")).toHaveText(PARCEL.title);
  await expect(cell(attemptRows, "Date")).toHaveText(shownDate(new Date().toISOString()));
  await expect(cell(attemptRows, "Outcome")).toHaveText(path.outcome);
  await expect(cell(attemptRows, "Overall")).toHaveText(seen.overall);
  for (const { name, score } of seen.skills) {
    await expect(cell(radar, name), `radar table: ${name}`).toHaveText(score ?? "—");
    await expect(cell(attemptRows, name), `attempts list: ${name}`).toHaveText(score ?? "—");
  }
  const summary = seen.skills.map(({ name, score }) => `${name} ${score ?? "not assessed"}`).join(", ");
  await expect(radar.getByRole("img")).toHaveAttribute("aria-label", `Current mastery: ${summary}.`);

  // The read-only debrief: exactly what the trainee saw, and nothing to press.
  await conversations.getByRole("link", { name: PARCEL.title }).click();
  await expect(page).toHaveURL(`/team/attempts/${attemptId}`, { timeout: 10_000 });
  await expect(page.getByText(`You are viewing ${ada.name}'s debrief, exactly as they saw it.`)).toBeVisible();
  await waitForHydration(page);
  // The same conversation, with the trainee's replies under their name instead of "You".
  const replies = seen.transcript.map((turn) => turn.replace(/\bYou · Replied/g, `${ada.name} · Replied`));
  expect(seen.transcript.join(" "), "the trainee's own debrief says You").toContain("You · Replied");
  expect(await readDebrief(page)).toEqual({ ...seen, transcript: replies });
  await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);
  await expect(page.locator("main form")).toHaveCount(0);
  await expect(page.getByRole("link", { name: `← Back to ${ada.name}` })).toHaveAttribute("href", `/team/trainees/${ada.id}`);

  // Scenario analytics: one more attempt started and completed, its picks counted step by step.
  await page.getByRole("link", { name: "Scenario analytics" }).click();
  await expect(page).toHaveURL("/analytics/scenarios", { timeout: 10_000 });
  await waitForHydration(page);
  const parcelRow = scenarioRow(page, PARCEL.title);
  await expect(cell(parcelRow, "Started")).toHaveText(String(before.started + 1));
  expect(before.started, "a fresh team starts with no attempts").toBe(0);
  await expect(cell(parcelRow, "Completion")).toHaveText("100%");
  await expect(cell(parcelRow, path.outcome)).toHaveText("1");
  await expect(cell(parcelRow, "Escalated")).toHaveText("0");
  for (const skill of SKILLS) await expect(cell(parcelRow, SKILL_LABELS[skill])).toHaveText(String(path.skills[skill] ?? "—"));
  await expect(cell(parcelRow, "Overall")).toHaveText(String(path.overall));
  // Nobody in this team played another scenario.
  await expect(page.locator("table tbody tr").filter({ hasNotText: PARCEL.title }).locator('[data-label="Started"]')).toHaveText(
    Array(SCENARIOS_AVAILABLE - 1).fill("0"),
  );

  await parcelRow.first().getByRole("link", { name: PARCEL.title }).click();
  await expect(page).toHaveURL(`/analytics/scenarios/${PARCEL.id}`, { timeout: 10_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PARCEL.title);
  await expect(page.locator(".page-header .lead")).toHaveText(`Started: 1 · Completion: 100% · Overall: ${path.overall}`);
  // The flow: every step and ending of the scenario drawn as SVG; with one conversation, each arrow it took carries 100%.
  const scenario = authoredScenario(PARCEL.id);
  await expect(page.locator("svg.flow .flow__node")).toHaveCount(scenario.steps.length + scenario.endings.length);
  expect(await page.locator("svg.flow .flow__share").allTextContents()).toContain("100%");
  // The reply picked at each step the path went through, as the engine plays the authored positions.
  const played = authoredPath(scenario, path.choices);
  const picked = played.picks.map((choice) => [choice.step, choice.text.text] as const);
  expect(picked).toHaveLength(path.choices.length);
  for (const [step, text] of picked) {
    const article = page.getByRole("article", { name: `Step ${step}` });
    const rows = article.locator("tbody tr");
    const chosen = rows.filter({ hasText: text });
    await expect(cell(chosen, "Picked"), `${step}: the reply picked`).toHaveText("1 (100%)");
    await expect(cell(chosen, path.outcome), `${step}: how that conversation ended`).toHaveText("1");
    await expect(cell(chosen, "Unfinished")).toHaveText("0");
    await expect(cell(rows.filter({ hasNotText: text }), "Picked"), `${step}: the other replies`).toHaveText(
      Array((await rows.count()) - 1).fill("0 (0%)"),
    );
  }
  const unreached = scenario.steps.map((step) => step.id).filter((id) => !played.steps.some((step) => step.id === id));
  expect(unreached.length, "the mixed path leaves a step out").toBeGreaterThan(0);
  for (const step of unreached) {
    await expect(page.getByRole("article", { name: `Step ${step}` })).toContainText("Nobody has reached this step yet.");
  }
  // A range with no conversation at all: one notice, not one empty table per step.
  await page.goto(`/analytics/scenarios/${PARCEL.id}?from=${isoDay(1)}`);
  await expect(page.getByText("No finished conversations in this range yet.")).toBeVisible();
  await expect(page.getByRole("article")).toHaveCount(0);
  await context.close();
  await managerRequest.dispose();
});

/**
 * Shared by the CSV and sorting tests (which only read): a fresh manager with two teams.
 * Team 1: Ada (mixed), Ben (escalated), Cy (best, then escalated late: mastery is the mean of two),
 * Dee (one attempt left in progress: nothing assessed). Team 2: Eve (escalated late).
 */
type Review = { crew: Crew; attempts: { ada: number; ben: number; cyBest: number; cyVague: number; deeOpen: number; eve: number } };

const reviewTest = test.extend<object, { review: Review }>({
  review: [
    async ({ playwright }, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL;
      const crew = await createCrew(playwright, baseURL, [["Ada", "Ben", "Cy", "Dee"], ["Eve"]]);
      const [ada, ben, cy, dee, eve] = crew.trainees;
      if (!ada || !ben || !cy || !dee || !eve) throw new Error("the crew has five trainees");
      const [adaAttempt, benAttempt, cyBest, deeOpen, eveAttempt] = await Promise.all([
        playAs(playwright, baseURL, ada, PATHS.mixed.choices),
        playAs(playwright, baseURL, ben, PATHS.escalated.choices),
        playAs(playwright, baseURL, cy, PATHS.best.choices),
        // Dee stops after one reply: an attempt in progress.
        playAs(playwright, baseURL, dee, [1]),
        playAs(playwright, baseURL, eve, PATHS.escalatedLate.choices),
      ]);
      const cyVague = await playAs(playwright, baseURL, cy, PATHS.escalatedLate.choices);
      await use({ crew, attempts: { ada: adaAttempt, ben: benAttempt, cyBest, cyVague, deeOpen, eve: eveAttempt } });
    },
    // Six accounts and sign-ins (scrypt each) on two busy cores: more than one test's 30 s may pass.
    { scope: "worker", timeout: 120_000 },
  ],
});

const NONE: Scores = { listening: null, empathy: null, calm: null, persuasion: null, expectations: null };
/** Cy's mastery: per skill, the mean of best and escalated late, rounded (persuasion: 56.5 rounds to 57). */
const CY_MASTERY: Scores = { listening: 50, empathy: 100, calm: 75, persuasion: 57, expectations: 78 };

reviewTest.describe("the overview's exports, sorting and filters", () => {
  // Both tests read the same teams: one worker builds them once and runs the two in turn.
  reviewTest.describe.configure({ mode: "default" });

  reviewTest("CSV exports: the overview and every attempt in the current filter, parsed", async ({ browser, baseURL, review }) => {
    const { crew, attempts: ids } = review;
    const [ada, ben, cy, dee, eve] = crew.trainees as [Person, Person, Person, Person, Person];
    const [team1, team2] = crew.teams as [Team, Team];

    const context = await browser.newContext({ baseURL, storageState: crew.manager.state });
    const page = await context.newPage();
    await page.goto("/team");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Team overview");
    await waitForHydration(page);

    // The overview: one row per trainee, in the page's order.
    const overview = await download(page, "Download this table (CSV)");
    expect(overview.filename).toBe("team-overview.csv");
    const parsedOverview = parseCsv(overview.text);
    expect(parsedOverview.header).toEqual(OVERVIEW_CSV_HEADER);
    expect(parsedOverview.rows.map((row) => row.trainee)).toEqual([ada.name, ben.name, cy.name, dee.name, eve.name]);
    const byName = new Map(parsedOverview.rows.map((row) => [row.trainee, row]));
    const mastery = (scores: Scores) => Object.fromEntries(Object.entries(csvScores(scores)).map(([skill, value]) => [`${skill}_mastery`, value]));
    const today = isoDay();
    const adaLine = byName.get(ada.name)!;
    expect(adaLine).toMatchObject({
      email: ada.email,
      team: team1.name,
      ...mastery(PATHS.mixed.skills),
      attempts: "1",
      scenarios_completed: "1",
      scenarios_available: String(SCENARIOS_AVAILABLE),
      simulated_avg_csat: "4.00",
      simulated_first_contact_resolution_rate: "1.000",
    });
    expect(adaLine.last_active!.slice(0, 10)).toBe(today);
    expect(byName.get(ben.name)).toMatchObject({
      email: ben.email,
      ...mastery(PATHS.escalated.skills),
      attempts: "1",
      simulated_avg_csat: "2.00",
      simulated_first_contact_resolution_rate: "0.000",
    });
    // Cy: per skill, the mean of two attempts.
    expect(byName.get(cy.name)).toMatchObject({
      email: cy.email,
      ...mastery(CY_MASTERY),
      attempts: "2",
      scenarios_completed: "1",
      simulated_avg_csat: "3.00",
      simulated_first_contact_resolution_rate: "0.500",
    });
    // An attempt in progress does not count towards mastery or activity.
    expect(byName.get(dee.name)).toMatchObject({
      email: dee.email,
      ...mastery(NONE),
      attempts: "0",
      scenarios_completed: "0",
      simulated_avg_csat: "",
      simulated_first_contact_resolution_rate: "",
      last_active: "",
    });
    expect(byName.get(eve.name)).toMatchObject({ email: eve.email, team: team2.name, ...mastery(PATHS.escalatedLate.skills), attempts: "1" });

    // Every attempt: one row each, finished or in progress, one column per skill.
    const attempts = await download(page, "Download every attempt in this view (CSV)");
    expect(attempts.filename).toBe("attempts.csv");
    const parsedAttempts = parseCsv(attempts.text);
    expect(parsedAttempts.header).toEqual(ATTEMPTS_CSV_HEADER);
    const allIds = Object.values(ids).sort((a, b) => a - b);
    expect(parsedAttempts.rows.map((row) => Number(row.attempt_id)).sort((a, b) => a - b)).toEqual(allIds);
    const byAttempt = new Map(parsedAttempts.rows.map((row) => [Number(row.attempt_id), row]));
    // Every trainee here plays under the default time limit.
    const common = { scenario_id: PARCEL.id, scenario: PARCEL.title, time_limit: "normal" };
    expect(byAttempt.get(ids.ada)).toMatchObject({
      ...common,
      trainee: ada.name,
      email: ada.email,
      team: team1.name,
      status: "completed",
      outcome: "satisfied",
      csat: "4",
      resolved: "yes",
      ...csvScores(PATHS.mixed.skills),
      overall: String(PATHS.mixed.overall),
    });
    expect(byAttempt.get(ids.ben)).toMatchObject({
      ...common,
      trainee: ben.name,
      outcome: "escalated",
      csat: "2",
      resolved: "no",
      ...csvScores(PATHS.escalated.skills),
      overall: String(PATHS.escalated.overall),
    });
    expect(byAttempt.get(ids.cyBest)).toMatchObject({
      ...common,
      trainee: cy.name,
      outcome: "satisfied",
      ...csvScores(PATHS.best.skills),
      overall: String(PATHS.best.overall),
    });
    expect(byAttempt.get(ids.cyVague)).toMatchObject({
      ...common,
      trainee: cy.name,
      outcome: "escalated",
      ...csvScores(PATHS.escalatedLate.skills),
      overall: String(PATHS.escalatedLate.overall),
    });
    expect(byAttempt.get(ids.deeOpen)).toMatchObject({
      ...common,
      trainee: dee.name,
      status: "in-progress",
      ended_at: "",
      outcome: "",
      csat: "",
      resolved: "",
      ...csvScores(NONE),
      overall: "",
    });
    expect(byAttempt.get(ids.eve)).toMatchObject({ ...common, trainee: eve.name, team: team2.name, outcome: "escalated" });
    for (const row of parsedAttempts.rows) {
      expect(row.started_at!.slice(0, 10)).toBe(today);
      if (row.status === "completed") expect(row.ended_at!.slice(0, 10)).toBe(today);
    }

    // A date range that ends yesterday: the filter form carries it to the exports, which hold no attempt.
    await page.getByLabel("From").fill(isoDay(-30));
    await page.getByLabel("To").fill(isoDay(-1));
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`from=${isoDay(-30)}&to=${isoDay(-1)}`));
    await waitForHydration(page);
    const none = parseCsv((await download(page, "Download every attempt in this view (CSV)")).text);
    expect(none.header).toEqual(ATTEMPTS_CSV_HEADER);
    expect(none.rows).toEqual([]);
    const quietOverview = parseCsv((await download(page, "Download this table (CSV)")).text);
    expect(quietOverview.rows.map((row) => row.trainee)).toEqual([ada.name, ben.name, cy.name, dee.name, eve.name]);
    for (const row of quietOverview.rows) expect(row).toMatchObject({ attempts: "0", ...mastery(NONE) });

    // Both ends are inclusive: today..today holds every attempt; from tomorrow, or up to yesterday, none.
    const request = page.request;
    expect(parseCsv(await (await request.get(`/team/attempts.csv?from=${today}&to=${today}`)).text()).rows).toHaveLength(allIds.length);
    expect(parseCsv(await (await request.get(`/team/attempts.csv?from=${isoDay(1)}`)).text()).rows).toHaveLength(0);
    expect(parseCsv(await (await request.get(`/team/attempts.csv?to=${isoDay(-1)}`)).text()).rows).toHaveLength(0);
    await context.close();
  });

  reviewTest("sorting by a skill puts empty values last; the team and date filters narrow the overview; another team's id is a 404", async ({
    browser,
    playwright,
    baseURL,
    review,
  }) => {
    const { crew } = review;
    const [ada, ben, cy, dee, eve] = crew.trainees as [Person, Person, Person, Person, Person];
    const [, team2] = crew.teams as [Team, Team];
    // Listening: Eve 0, Ben 17, Ada 40, Cy 50, Dee none. Persuasion: Ben 0, Eve 13, Cy 57, Ada 75, Dee none.

    const context = await browser.newContext({ baseURL, storageState: crew.manager.state });
    const page = await context.newPage();
    await page.goto("/team");
    await waitForHydration(page);
    await expect.poll(() => overviewNames(page)).toEqual([ada.name, ben.name, cy.name, dee.name, eve.name]);
    // Two teams: a team column.
    await expect(cell(overviewRow(page, eve.name), "Team")).toHaveText(team2.name);

    const header = (label: string) => page.getByRole("table", { name: "Team overview" }).locator("thead th").filter({ has: page.getByRole("link", { name: `Sort by ${label}` }) });
    const column = async (skill: (typeof SKILLS)[number]) => {
      const values: (number | null)[] = [];
      for (const name of await overviewNames(page)) values.push((await heatValues(overviewRow(page, name)))[skill]);
      return values;
    };

    await page.getByRole("link", { name: "Sort by Listening" }).click();
    await expect(page).toHaveURL(/[?&]sort=listening&dir=asc$/);
    await expect(header("Listening")).toHaveAttribute("aria-sort", "ascending");
    await expect.poll(() => overviewNames(page)).toEqual([eve.name, ben.name, ada.name, cy.name, dee.name]);
    expect(await column("listening")).toEqual([0, 17, 40, 50, null]);

    await page.getByRole("link", { name: "Sort by Listening" }).click();
    await expect(page).toHaveURL(/[?&]sort=listening&dir=desc$/);
    await expect(header("Listening")).toHaveAttribute("aria-sort", "descending");
    await expect.poll(() => overviewNames(page)).toEqual([cy.name, ada.name, ben.name, eve.name, dee.name]);
    expect(await column("listening")).toEqual([50, 40, 17, 0, null]);
    // The overview CSV keeps the page's order.
    const href = await page.getByRole("link", { name: "Download this table (CSV)" }).getAttribute("href");
    expect(href).toContain("sort=listening");
    const sortedCsv = parseCsv(await (await page.request.get(href!)).text());
    expect(sortedCsv.rows.map((row) => row.trainee)).toEqual([cy.name, ada.name, ben.name, eve.name, dee.name]);

    // Empty values last in both directions.
    const bySortedPersuasion = {
      asc: { names: [ben.name, eve.name, cy.name, ada.name, dee.name], values: [0, 13, 57, 75, null] },
      desc: { names: [ada.name, cy.name, eve.name, ben.name, dee.name], values: [75, 57, 13, 0, null] },
    } as const;
    for (const [dir, expected] of Object.entries(bySortedPersuasion)) {
      await page.goto(`/team?sort=persuasion&dir=${dir}`);
      await expect(header("Persuasion")).toHaveAttribute("aria-sort", dir === "asc" ? "ascending" : "descending");
      await expect.poll(() => overviewNames(page)).toEqual(expected.names);
      expect(await column("persuasion"), `persuasion ${dir}`).toEqual(expected.values);
    }

    // The team filter: only the second team's trainee; the sort order stays.
    await page.goto("/team?sort=listening&dir=desc");
    await waitForHydration(page);
    await page.getByLabel("Team", { exact: true }).selectOption({ label: team2.name });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]team=${team2.id}(&|$)`));
    await expect.poll(() => overviewNames(page)).toEqual([eve.name]);
    await expect(header("Listening")).toHaveAttribute("aria-sort", "descending");
    await expect(page.getByRole("note")).toContainText(`The team's weakest skill right now is Listening (average mastery ${PATHS.escalatedLate.skills.listening}).`);
    const filteredCsv = parseCsv(await (await page.request.get(`/team/attempts.csv?team=${team2.id}`)).text());
    expect(filteredCsv.rows.map((row) => row.trainee)).toEqual([eve.name]);

    // A date range without attempts: every heat cell empty, no weakest skill.
    await page.goto(`/team?from=${isoDay(1)}`);
    await expect.poll(() => overviewNames(page)).toHaveLength(5);
    await expect(page.getByRole("table", { name: "Team overview" }).locator("td.heat:not(.heat--none)")).toHaveCount(0);
    await expect(page.getByRole("table", { name: "Team overview" }).locator('[data-label="Attempts"]')).toHaveText(Array(5).fill("0"));
    await expect(page.getByRole("note")).toHaveCount(0);
    await expect(page.getByText("No finished conversations in this range yet.")).toBeVisible();
    await expect(page.getByRole("table", { name: "Team overview" }).locator('[data-label="Last active"]')).toHaveText(Array(5).fill("None in range"));

    // From after To: said plainly, the dates kept as typed.
    await page.goto(`/team?from=${isoDay(1)}&to=${isoDay(-1)}`);
    await expect(page.getByRole("alert")).toHaveText(
      "The From date is after the To date, so no conversation can fall between them. Swap the dates to see this range.",
    );
    await expect(page.getByLabel("From")).toHaveValue(isoDay(1));

    // A team this manager does not manage (a demo team, then one that does not exist) answers 404.
    const admin = await adminRequest(playwright, baseURL);
    const supportDesk = await teamIdByName(admin, "Support Desk");
    await admin.dispose();
    for (const path of [`/team?team=${supportDesk}`, "/team?team=999999"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("We could not find that page");
      await expect(page.locator("main")).not.toContainText("Sam Taylor");
    }
    await context.close();
  });
});
