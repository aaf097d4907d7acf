// Helpers for the manager-review specs (e2e/manager*.spec.ts): fresh teams with a fresh manager and
// fresh trainees (all made through the admin's forms), attempts played over HTTP, and readers for the
// overview, the trainee page, the debrief, the scenario analytics and the CSV exports.
import { parse } from "csv-parse/sync";
import { expect, type APIRequestContext, type Locator, type Page, type PlaywrightWorkerArgs } from "@playwright/test";
import { publishedCount } from "./authored";
import { PERFECT_PARCEL_CHOICES, playViaApi, signInState, startViaApi, type StorageState } from "./play-support";
import { DEMO_USERS, findUserId, originOf, stateFile } from "./support";

type Playwright = PlaywrightWorkerArgs["playwright"];

export type Person = { id: number; name: string; email: string; password: string; state: StorageState };
export type Team = { id: number; name: string };
/** A manager in charge of fresh teams of fresh trainees: nobody else's numbers are in their views. */
export type Crew = { tag: string; manager: Person; teams: Team[]; trainees: Person[] };

/** The skills in the app's order, with the labels the pages use. */
export const SKILLS = ["listening", "empathy", "calm", "persuasion", "expectations"] as const;
export type Skill = (typeof SKILLS)[number];
export const SKILL_LABELS: Record<Skill, string> = {
  listening: "Listening",
  empathy: "Empathy",
  calm: "Calm",
  persuasion: "Persuasion",
  expectations: "Honest expectations",
};
export type Scores = Record<Skill, number | null>;

export const PARCEL = { id: "parcel-third-call", title: "The parcel that never came" } as const;
/** The scenarios the library publishes (scenarios/*.mdx), counted through the engine's check. */
export const SCENARIOS_AVAILABLE = publishedCount();

/**
 * Paths through parcel-third-call and what the engine gives for each (`scenarios play
 * scenarios/parcel-third-call.mdx --choices …`). The choices are authored positions, as `scenarios
 * play --choices` takes them; playAs and playByClicking find those replies wherever the attempt's
 * own order puts them on screen.
 */
export const PATHS = {
  /**
   * The trace before hearing her, a fix before the facts, an apology before the answer, then two
   * options handed back to her, a heartfelt apology that admits fault, a formal complaint and an
   * honest close: satisfied and resolved, with a mixed score.
   */
  mixed: {
    choices: [1, 1, 1, 2, 1, 2, 3],
    outcome: "Satisfied",
    csat: 4,
    resolved: true,
    overall: 65,
    skills: { listening: 40, empathy: 88, calm: 50, persuasion: 75, expectations: 71 },
  },
  /** The best reply every time: order and question, paraphrase, facts first, express replacement, refund, formal complaint, tracking. */
  best: {
    choices: PERFECT_PARCEL_CHOICES,
    outcome: "Satisfied",
    csat: 4,
    resolved: true,
    overall: 100,
    skills: { listening: 100, empathy: 100, calm: 100, persuasion: 100, expectations: 100 },
  },
  /** The trace before hearing her, a fix before the facts, blaming the courier, a trace alone, then a supervisor: escalated early. */
  escalated: {
    choices: [1, 1, 3, 4, 3],
    outcome: "Escalated",
    csat: 2,
    resolved: false,
    overall: 30,
    skills: { listening: 17, empathy: 50, calm: 33, persuasion: 0, expectations: 50 },
  },
  /** The trace before hearing her, a fix before the facts, an apology before the answer, depot promise, then a supervisor: escalated late. */
  escalatedLate: {
    choices: [1, 1, 1, 1, 4],
    outcome: "Escalated",
    csat: 2,
    resolved: false,
    overall: 44,
    skills: { listening: 0, empathy: 100, calm: 50, persuasion: 13, expectations: 56 },
  },
} as const satisfies Record<
  string,
  { choices: readonly number[]; outcome: string; csat: number; resolved: boolean; overall: number; skills: Scores }
>;

/** Demo people who must never show up in another team's (or a trainer's) view. */
export const DEMO_TRAINEES = [
  { name: DEMO_USERS.trainee.name, email: DEMO_USERS.trainee.email },
  { name: "Priya Shah", email: "priya@frontline.test" },
  { name: "Jonas Weber", email: "jonas@frontline.test" },
  { name: "Lucía Gómez", email: "lucia@frontline.test" },
  { name: "Kasia Zielińska", email: "kasia@frontline.test" },
  { name: "Omar Haddad", email: "omar@frontline.test" },
  { name: "Emma Clarke", email: "emma@frontline.test" },
] as const;

export function tagOf(): string {
  return `${Date.now().toString(36)}${process.pid.toString(36)}${Math.floor(Math.random() * 1e8).toString(36)}`;
}

/** Today and neighbouring days as YYYY-MM-DD in UTC (the filters cover whole UTC days). */
export function isoDay(offsetDays = 0): string {
  return new Date(Date.now() + offsetDays * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

function baseUrlOf(baseURL: string | undefined): string {
  if (!baseURL) throw new Error("baseURL is not configured");
  return baseURL;
}

// ---------------------------------------------------------------------------------------------
// The admin's forms.

export async function adminRequest(playwright: Playwright, baseURL: string | undefined): Promise<APIRequestContext> {
  return playwright.request.newContext({ baseURL: baseUrlOf(baseURL), storageState: stateFile("admin") });
}

/** Creates a team on /admin/teams; returns its id (read back from the page). */
export async function createTeamViaForm(admin: APIRequestContext, origin: string, name: string): Promise<number> {
  const response = await admin.post("/admin/teams", { form: { intent: "create", name }, headers: { Origin: origin }, maxRedirects: 0 });
  expect(response.status(), `creating team ${name} should redirect`).toBe(302);
  return teamIdByName(admin, name);
}

/** A team's id, read from /admin/teams (the request must carry an admin's session). */
export async function teamIdByName(admin: APIRequestContext, name: string): Promise<number> {
  const html = await (await admin.get("/admin/teams")).text();
  const escaped = name.replace(/&/g, "&amp;").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`<h2 id="team-(\\d+)">${escaped}</h2>`).exec(html);
  if (!match?.[1]) throw new Error(`team ${name} is not on /admin/teams`);
  return Number(match[1]);
}

/** Sets the managers of a team through the team's checkboxes on /admin/teams. */
export async function setTeamManagersViaForm(admin: APIRequestContext, origin: string, teamId: number, managerIds: readonly number[]): Promise<void> {
  const form = new URLSearchParams([["intent", "managers"], ["teamId", String(teamId)], ...managerIds.map((id) => ["managerIds", String(id)])]);
  const response = await admin.post("/admin/teams", {
    data: form.toString(),
    headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
    maxRedirects: 0,
  });
  expect(response.status(), `saving the managers of team ${teamId} should redirect`).toBe(302);
}

/** Creates a person on /admin/users/new (a manager given a team manages it); returns the id. */
export async function createPersonViaForm(
  admin: APIRequestContext,
  origin: string,
  person: { name: string; email: string; password: string; role: "trainee" | "manager"; teamId: number | null },
): Promise<number> {
  const response = await admin.post("/admin/users/new", {
    form: { displayName: person.name, email: person.email, role: person.role, teamId: person.teamId === null ? "" : String(person.teamId), password: person.password },
    headers: { Origin: origin },
    maxRedirects: 0,
  });
  expect(response.status(), `creating ${person.email} should redirect to the people list`).toBe(302);
  return findUserId(admin, person.email);
}

/**
 * A fresh manager in charge of fresh teams, each with fresh trainees, all signed in.
 * `teams` lists each team's trainees by first name; their full names are "<first> <tag>", so
 * sorting by name follows the first names.
 */
export async function createCrew(playwright: Playwright, baseURL: string | undefined, teams: readonly (readonly string[])[]): Promise<Crew> {
  const url = baseUrlOf(baseURL);
  const origin = originOf(url);
  const admin = await adminRequest(playwright, url);
  const tag = tagOf();
  try {
    const created: Team[] = [];
    for (const [index] of teams.entries()) {
      const name = `Crew ${tag} team ${index + 1}`;
      created.push({ id: await createTeamViaForm(admin, origin, name), name });
    }
    const first = created[0];
    if (!first) throw new Error("a crew needs a team");
    const managerPerson = { name: `Manager ${tag}`, email: `mgr-${tag}@frontline.test`, password: `manager-password-${tag}` };
    const managerId = await createPersonViaForm(admin, origin, { ...managerPerson, role: "manager", teamId: first.id });
    for (const team of created.slice(1)) await setTeamManagersViaForm(admin, origin, team.id, [managerId]);

    const people = teams.flatMap((firstNames, index) =>
      firstNames.map((firstName) => ({
        name: `${firstName} ${tag}`,
        email: `${firstName.toLowerCase()}-${tag}@frontline.test`,
        password: `trainee-password-${tag}`,
        teamId: created[index]!.id,
      })),
    );
    const ids = await Promise.all(people.map((person) => createPersonViaForm(admin, origin, { ...person, role: "trainee" })));
    const states = await Promise.all(
      [managerPerson, ...people].map((person) => signInState(playwright, url, person.email, person.password)),
    );
    return {
      tag,
      manager: { id: managerId, ...managerPerson, state: states[0]! },
      teams: created,
      trainees: people.map((person, index) => ({ id: ids[index]!, name: person.name, email: person.email, password: person.password, state: states[index + 1]! })),
    };
  } finally {
    await admin.dispose();
  }
}

/** A request context signed in as this person. */
export async function requestAs(playwright: Playwright, baseURL: string | undefined, state: StorageState | string): Promise<APIRequestContext> {
  return playwright.request.newContext({ baseURL: baseUrlOf(baseURL), storageState: state });
}

/** The trainee starts a scenario and picks these choice positions over HTTP; returns the attempt id. */
export async function playAs(
  playwright: Playwright,
  baseURL: string | undefined,
  trainee: Person,
  positions: readonly number[],
  scenarioId: string = PARCEL.id,
): Promise<number> {
  const request = await requestAs(playwright, baseURL, trainee.state);
  try {
    const origin = originOf(baseURL);
    const attemptId = await startViaApi(request, origin, scenarioId);
    await playViaApi(request, origin, attemptId, positions);
    return attemptId;
  } finally {
    await request.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// Reading the pages.

/** The overview's row of one trainee (their name links to their page). */
export function overviewRow(page: Page, name: string): Locator {
  return page.getByRole("table", { name: "Team overview" }).locator("tbody tr").filter({ has: page.getByRole("link", { name, exact: true }) });
}

/** The trainees' names on the overview, top to bottom. */
export async function overviewNames(page: Page): Promise<string[]> {
  return (await page.getByRole("table", { name: "Team overview" }).locator("tbody tr th a").allInnerTexts()).map((text) => text.trim());
}

/** The five heat-map values of a row (null for an empty cell), in skill order. */
export async function heatValues(row: Locator): Promise<Scores> {
  const values: Partial<Scores> = {};
  for (const skill of SKILLS) {
    const cell = row.locator(`td.heat[data-label="${SKILL_LABELS[skill]}"]`);
    await expect(cell, `one ${skill} cell`).toHaveCount(1);
    const classes = (await cell.getAttribute("class")) ?? "";
    values[skill] = classes.includes("heat--none") ? null : Number((await cell.innerText()).trim());
  }
  return values as Scores;
}

/** The cell of a stacked table row by its column label. */
export function cell(row: Locator, label: string): Locator {
  return row.locator(`[data-label="${label}"]`);
}

export type DebriefReading = {
  heading: string;
  outcome: string;
  stars: string | null;
  resolved: string;
  overall: string;
  skills: { name: string; score: string | null }[];
  transcript: string[];
};

/** What the debrief component shows: the same for the trainee's debrief and the manager's read-only copy. */
export async function readDebrief(page: Page): Promise<DebriefReading> {
  const result = page.locator(".debrief__result");
  // `all()` does not wait: make sure the debrief (every skill has a row) is on the page first.
  await expect(page.locator(".skill-row")).toHaveCount(SKILLS.length);
  const skills: DebriefReading["skills"] = [];
  for (const row of await page.locator(".skill-row").all()) {
    const none = await row.locator(".skill-row__none").count();
    skills.push({
      name: (await row.locator(".skill-row__name").innerText()).trim(),
      score: none ? null : (await row.locator(".skill-row__score [aria-hidden='true']").innerText()).trim(),
    });
  }
  return {
    heading: (await page.getByRole("heading", { level: 1 }).innerText()).trim(),
    outcome: (await result.getByRole("heading", { level: 2 }).innerText()).trim(),
    stars: await result.locator(".stars").getAttribute("aria-label"),
    resolved: (await result.locator(".badge").innerText()).trim(),
    overall: (await result.locator(".debrief__overall-score").innerText()).trim(),
    skills,
    transcript: (await page.locator("ol.review-list > li").allInnerTexts()).map((text) => text.replace(/\s+/g, " ").trim()),
  };
}

/** Skill scores as the debrief shows them (strings, null for "Not assessed"). */
export function debriefSkills(scores: Scores): DebriefReading["skills"] {
  return SKILLS.map((skill) => ({ name: SKILL_LABELS[skill], score: scores[skill] === null ? null : String(scores[skill]) }));
}

/** One scenario's rows on /analytics/scenarios (one in the outcomes table, one in the average scores). */
export function scenarioRow(page: Page, title: string): Locator {
  return page.locator("table tbody tr").filter({ has: page.getByRole("link", { name: title, exact: true }) });
}

/** The "Started" count of a scenario on /analytics/scenarios, read over HTTP. */
export async function startedCount(request: APIRequestContext, title: string, query = ""): Promise<{ started: number; completion: string }> {
  const response = await request.get(`/analytics/scenarios${query}`);
  expect(response.status()).toBe(200);
  const html = await response.text();
  const row = html.split("<tr").find((candidate) => candidate.includes(`>${title}</a>`));
  if (!row) throw new Error(`${title} is not on /analytics/scenarios`);
  const started = /data-label="Started">(\d+)</.exec(row)?.[1];
  const completion = /data-label="Completion">([^<]+)</.exec(row)?.[1];
  if (started === undefined || completion === undefined) throw new Error(`no Started/Completion cells in ${row}`);
  return { started: Number(started), completion };
}

// ---------------------------------------------------------------------------------------------
// CSV.

/** Parses a CSV export (UTF-8 with a byte-order mark) into the header and the rows as records. */
export function parseCsv(text: string): { header: string[]; rows: Record<string, string>[] } {
  expect(text.charCodeAt(0), "the CSV starts with a UTF-8 byte-order mark").toBe(0xfeff);
  const records = parse(text, { bom: true }) as string[][];
  const [header, ...rows] = records;
  if (!header) throw new Error("the CSV has no header");
  return { header, rows: rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ""]))) };
}

export const OVERVIEW_CSV_HEADER = [
  "trainee",
  "email",
  "team",
  ...SKILLS.map((skill) => `${skill}_mastery`),
  "attempts",
  "scenarios_completed",
  "scenarios_available",
  "simulated_avg_csat",
  "simulated_first_contact_resolution_rate",
  "last_active",
];

export const ATTEMPTS_CSV_HEADER = [
  "attempt_id",
  "trainee",
  "email",
  "team",
  "scenario_id",
  "scenario",
  "status",
  "started_at",
  "ended_at",
  "outcome",
  "csat",
  "resolved",
  ...SKILLS,
  "overall",
  "time_limit",
];

/** Skill scores as CSV cells ("" for none). */
export function csvScores(scores: Scores): Record<string, string> {
  return Object.fromEntries(SKILLS.map((skill) => [skill, scores[skill] === null ? "" : String(scores[skill])]));
}
