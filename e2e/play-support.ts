// Helpers for the trainee play-loop specs (e2e/play*.spec.ts): fresh trainees, playing through
// the HTTP API with a trainee's cookie, reading the play page, and separate app servers.
import AxeBuilder from "@axe-core/playwright";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  expect,
  test as base,
  type APIRequestContext,
  type APIResponse,
  type Locator,
  type Page,
  type PlaywrightWorkerArgs,
} from "@playwright/test";
import type { Scenario } from "~/engine";
import { authoredChoiceId, authoredScenario } from "./authored";
import { createTraineeViaForm, originOf, postSignIn, stateFile, textOf } from "./support";

export type StorageState = Awaited<ReturnType<APIRequestContext["storageState"]>>;
export type Trainee = { id: number; name: string; email: string; password: string; state: StorageState };

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");

/** A context with no session, for tests that sign in through the form themselves. */
export const SIGNED_OUT: StorageState = { cookies: [], origins: [] };

/** Signs in through the form by mouse and lands on the trainee's catalogue. */
export async function signInThroughForm(page: Page, trainee: Pick<Trainee, "name" | "email" | "password">): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(trainee.email);
  await page.getByLabel("Password").fill(trainee.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectTraineeHome(page, trainee);
}

/** The trainee is signed in and on their catalogue. */
export async function expectTraineeHome(page: Page, trainee: Pick<Trainee, "name">): Promise<void> {
  // scrypt on two busy cores can be slow: allow more than the default 5 s.
  await expect(page).toHaveURL("/train", { timeout: 15_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${trainee.name}`);
}

/** The two shared example scenarios the specs play most (scenarios/parcel-third-call.mdx, scenarios/returns-desk-loop.mdx). */
export const PARCEL = { id: "parcel-third-call", title: "The parcel that never came", customer: "Marta" } as const;
export const RETURNS = { id: "returns-desk-loop", title: "No receipt, no problem?", customer: "Pablo" } as const;

function suffix(): string {
  return `${Date.now().toString(36)}${process.pid.toString(36)}${Math.floor(Math.random() * 1e8).toString(36)}`;
}

/** Signs in through the form with a bare request context and returns the session as a storage state. */
export async function signInState(
  playwright: PlaywrightWorkerArgs["playwright"],
  baseURL: string,
  email: string,
  password: string,
): Promise<StorageState> {
  const context = await playwright.request.newContext({ baseURL });
  try {
    const response = await postSignIn(context, { email, password });
    expect(response.status(), `${email} should be able to sign in`).toBe(302);
    return await context.storageState();
  } finally {
    await context.dispose();
  }
}

/** A brand-new trainee (created through the admin form), already signed in. */
export async function createTrainee(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, label = "Trainee"): Promise<Trainee> {
  const admin = await playwright.request.newContext({ baseURL, storageState: stateFile("admin") });
  const tag = suffix();
  const person = { name: `${label} ${tag}`, email: `play-${tag}@frontline.test`, password: `play-password-${tag}` };
  try {
    const id = await createTraineeViaForm(admin, originOf(baseURL), person);
    const state = await signInState(playwright, baseURL, person.email, person.password);
    return { id, ...person, state };
  } finally {
    await admin.dispose();
  }
}

/**
 * `test`: a fresh trainee per test (`trainee`); the page, context and `request` fixtures are signed in as them.
 * Tests that need two trainees call createTrainee for the second.
 */
export const test = base.extend<{ trainee: Trainee }>({
  trainee: async ({ playwright, baseURL }, use) => {
    if (!baseURL) throw new Error("baseURL is not configured");
    await use(await createTrainee(playwright, baseURL));
  },
  storageState: async ({ trainee }, use) => use(trainee.state),
});

/** `workerTest`: one fresh trainee per worker, for tests that only look at pages (axe, layout). */
export const workerTest = base.extend<object, { workerTrainee: Trainee }>({
  workerTrainee: [
    async ({ playwright }, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL;
      if (!baseURL) throw new Error("baseURL is not configured");
      await use(await createTrainee(playwright, baseURL, "Worker trainee"));
    },
    { scope: "worker" },
  ],
  storageState: async ({ workerTrainee }, use) => use(workerTrainee.state),
});
export { expect };

// ---------------------------------------------------------------------------------------------
// The play loop over plain HTTP (what a browser without JavaScript sends).

export type PlayPage = {
  status: number;
  html: string;
  /** The hidden turn number in the choice form. */
  turn: number | null;
  /** The scenario's title (the page's heading). */
  title: string;
  /** The choice ids of the submit buttons, in the order on screen (the attempt's own order). */
  choiceIds: string[];
  /** How many of the trainee's replies the transcript shows. */
  replies: number;
};

export async function readPlayPage(request: APIRequestContext, attemptId: number): Promise<PlayPage> {
  const response = await request.get(`/train/attempts/${attemptId}`, { maxRedirects: 0 });
  const html = await response.text();
  return parsePlayHtml(response.status(), html);
}

export function parsePlayHtml(status: number, html: string): PlayPage {
  const turn = /<input[^>]*name="turn"[^>]*value="(\d+)"/.exec(html)?.[1];
  const choiceIds = [...html.matchAll(/<button[^>]*name="choiceId"[^>]*value="([^"]+)"/g)].map((match) => match[1] ?? "");
  const replies = html.match(/class="bubble bubble--reply"/g)?.length ?? 0;
  const title = textOf(/<h1[^>]*class="play__title"[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? "");
  return { status, html, turn: turn ? Number(turn) : null, title, choiceIds, replies };
}

/** POSTs the brief's Start form; returns the new attempt's id. */
export async function startViaApi(request: APIRequestContext, origin: string, scenarioId: string): Promise<number> {
  const response = await request.post(`/train/scenarios/${scenarioId}`, { form: {}, headers: { Origin: origin }, maxRedirects: 0 });
  expect(response.status(), `starting ${scenarioId} should redirect to the new attempt`).toBe(302);
  const match = /^\/train\/attempts\/(\d+)$/.exec(response.headers().location ?? "");
  if (!match?.[1]) throw new Error(`starting ${scenarioId} redirected to ${response.headers().location}`);
  return Number(match[1]);
}

export function postChoice(
  request: APIRequestContext,
  origin: string,
  attemptId: number,
  turn: number,
  choiceId: string,
): Promise<APIResponse> {
  return request.post(`/train/attempts/${attemptId}`, {
    form: { turn: String(turn), choiceId },
    headers: { Origin: origin },
    maxRedirects: 0,
  });
}

/**
 * Plays the n-th visible choice (1-based) in the authored order at each turn, as `scenarios play
 * --choices` does, whatever order the attempt shows them in. The scenario is the one whose title
 * the page shows, from the library unless given.
 */
export async function playViaApi(
  request: APIRequestContext,
  origin: string,
  attemptId: number,
  positions: readonly number[],
  { scenario }: { scenario?: Scenario } = {},
): Promise<void> {
  for (const position of positions) {
    const page = await readPlayPage(request, attemptId);
    expect(page.status, `attempt ${attemptId} should be in progress`).toBe(200);
    if (page.turn === null) throw new Error(`attempt ${attemptId} shows no turn`);
    const choiceId = authoredChoiceId(scenario ?? authoredScenario(page.title), page.choiceIds, position);
    const response = await postChoice(request, origin, attemptId, page.turn, choiceId);
    expect(response.status(), `choice ${choiceId} at turn ${page.turn} should redirect`).toBe(302);
  }
}

// ---------------------------------------------------------------------------------------------
// The play page in the browser.

/** Waits until React has hydrated the document and run its effects (key handlers, timers). */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const main = document.querySelector("main");
    return main !== null && Object.keys(main).some((key) => key.startsWith("__reactFiber$"));
  });
  // Passive effects run shortly after the hydration commit.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
}

/** The reply buttons, in the order on screen. */
export function choiceButtons(page: Page): Locator {
  return page.getByRole("form", { name: "Your reply" }).getByRole("button");
}

/** The choice ids of the reply buttons, in the order on screen. */
export async function shownChoiceIds(page: Page): Promise<string[]> {
  return choiceButtons(page).evaluateAll((buttons) => buttons.map((button) => (button as HTMLButtonElement).value));
}

/** The scenario the play page is showing (by its heading), from the library unless given. */
export async function scenarioOnPage(page: Page, scenario?: Scenario): Promise<Scenario> {
  return scenario ?? authoredScenario((await page.locator(".play__title").innerText()).trim());
}

/** The id of the reply at an authored position (as `scenarios play --choices` counts) on the page now. */
export async function authoredIdOnPage(page: Page, position: number, scenario?: Scenario): Promise<string> {
  return authoredChoiceId(await scenarioOnPage(page, scenario), await shownChoiceIds(page), position);
}

/** The button of the reply at an authored position, wherever the attempt's order puts it. */
export async function authoredButton(page: Page, position: number, scenario?: Scenario): Promise<Locator> {
  const id = await authoredIdOnPage(page, position, scenario);
  return page.getByRole("form", { name: "Your reply" }).locator(`button[name="choiceId"][value="${id}"]`);
}

/** The key (1–9) that picks the reply at an authored position: its place on screen. */
export async function keyForAuthored(page: Page, position: number, scenario?: Scenario): Promise<string> {
  const id = await authoredIdOnPage(page, position, scenario);
  return String((await shownChoiceIds(page)).indexOf(id) + 1);
}

export function turnInput(page: Page): Locator {
  return page.locator('form input[type="hidden"][name="turn"]');
}

/** The transcript lines (customer lines and replies) as text, in order. */
export function transcriptItems(page: Page): Locator {
  return page.getByRole("region", { name: "Conversation so far" }).locator("ol.conversation__list > li");
}

/** The element that holds the customer's newest line (focused after each reply with JavaScript). */
export function latestLine(page: Page): Locator {
  return page.locator(".conversation__latest");
}

export const ATTEMPT_URL = /\/train\/attempts\/(\d+)$/;
export const DEBRIEF_URL = /\/train\/attempts\/\d+\/debrief$/;

export function attemptIdOf(page: Page): number {
  const match = /\/train\/attempts\/(\d+)/.exec(new URL(page.url()).pathname);
  if (!match?.[1]) throw new Error(`${page.url()} is not an attempt page`);
  return Number(match[1]);
}

/**
 * Clicks the n-th visible choice in the authored order (as `scenarios play --choices` counts) at
 * each turn, wherever the attempt shows it, and checks that the page moves on to the next turn
 * with the reply in the transcript; with `toEnding`, the last click must land on the debrief.
 */
export async function playByClicking(
  page: Page,
  positions: readonly number[],
  { toEnding = true, scenario }: { toEnding?: boolean; scenario?: Scenario } = {},
): Promise<void> {
  for (const [index, position] of positions.entries()) {
    const turn = Number(await turnInput(page).inputValue());
    const button = await authoredButton(page, position, scenario);
    const replyText = (await button.locator(".choice__text").innerText()).trim();
    await button.click();
    if (toEnding && index === positions.length - 1) {
      await expect(page).toHaveURL(DEBRIEF_URL);
    } else {
      await expect(turnInput(page), `the page should move on from turn ${turn}`).toHaveValue(String(turn + 1));
      await expect(transcriptItems(page).last(), "the transcript should end with the reply just chosen").toContainText(replyText);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Debrief.

export type ExpectedDebrief = {
  title: string;
  outcome: string;
  stars: number;
  resolved: boolean;
  overall: number;
  /** Listening, Empathy, Calm, Persuasion, Honest expectations: a score or null for "Not assessed". */
  skills: [number | null, number | null, number | null, number | null, number | null];
  ratings: Array<"Best" | "Fair" | "Poor">;
};

const SKILL_NAMES = ["Listening", "Empathy", "Calm", "Persuasion", "Honest expectations"] as const;

/** The parcel scenario's best path (authored positions, as `scenarios play --choices` takes them): the best reply at every turn. */
export const PERFECT_PARCEL_CHOICES = [2, 3, 2, 3, 3, 2, 3] as const;

/** The parcel scenario's debrief after PERFECT_PARCEL_CHOICES (the same path as PATHS.best in manager-support). */
export const PERFECT_PARCEL_DEBRIEF: ExpectedDebrief = {
  title: PARCEL.title,
  outcome: "Satisfied",
  stars: 4,
  resolved: true,
  overall: 100,
  skills: [100, 100, 100, 100, 100],
  ratings: PERFECT_PARCEL_CHOICES.map(() => "Best" as const),
};

export async function expectDebrief(page: Page, expected: ExpectedDebrief): Promise<void> {
  await expect(page).toHaveURL(DEBRIEF_URL);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Debrief: ${expected.title}`);
  const result = page.getByRole("region", { name: /^Outcome:/ });
  await expect(result.getByRole("heading", { level: 2 })).toHaveText(`Outcome: ${expected.outcome}`);
  await expect(result.getByRole("img", { name: `Customer satisfaction: ${expected.stars} out of 5` })).toBeVisible();
  await expect(result.locator(".star.star--on")).toHaveCount(expected.stars);
  await expect(result.getByText(expected.resolved ? "Resolved in this contact" : "Not resolved in this contact", { exact: true })).toBeVisible();
  await expect(result.locator(".debrief__overall-score")).toHaveText(String(expected.overall));

  const rows = page.getByRole("region", { name: "Your skills in this conversation" }).locator(".skill-row");
  await expect(rows, "exactly five skill rows").toHaveCount(5);
  for (const [index, name] of SKILL_NAMES.entries()) {
    const row = rows.nth(index);
    const score = expected.skills[index] ?? null;
    await expect(row.locator(".skill-row__name")).toHaveText(name);
    if (score === null) {
      await expect(row.locator(".skill-row__none")).toHaveText("Not assessed");
      await expect(row.locator(".skill-row__bar")).toHaveCount(0);
    } else {
      await expect(row.locator(".skill-row__score")).toContainText(`${score} out of 100`);
      await expect(row.locator(".skill-row__none")).toHaveCount(0);
    }
  }

  const reviews = page.getByRole("region", { name: "The whole conversation, reply by reply" }).locator("ol.review-list > li");
  await expect(reviews).toHaveCount(expected.ratings.length);
  for (const [index, rating] of expected.ratings.entries()) {
    const review = reviews.nth(index);
    await expect(review.getByRole("heading", { level: 3 })).toHaveText(new RegExp(`^Reply ${index + 1}\\s*${rating} reply$`));
    await expect(review.locator(".review__feedback")).not.toBeEmpty();
    // Where the reply was not the best, the best reply for that turn is shown.
    await expect(review.getByText("The best reply here")).toHaveCount(rating === "Best" ? 0 : 1);
  }
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
}

// ---------------------------------------------------------------------------------------------
// A separate app server (its own process, database, port and, optionally, scenario folder).

export type AppServer = {
  url: string;
  port: number;
  process: ChildProcess;
  output: () => string;
  /** Sends the signal and waits until the process has exited. */
  stop: (signal: NodeJS.Signals) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function makeTempDir(prefix: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `frontline-${prefix}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

const running = new Set<ChildProcess>();

/** Kills (SIGKILL) every server startAppServer started that is still running; for afterEach. */
export async function killRunningServers(): Promise<void> {
  await Promise.all(
    [...running].map((child) => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      return exited;
    }),
  );
}

/** Starts node build/server.js (NODE_ENV unset) and waits until /sign-in answers. */
export async function startAppServer({
  databasePath,
  port,
  scenariosDir,
  env: extra = {},
  startTimeoutMs = 30_000,
}: {
  databasePath: string;
  port: number;
  scenariosDir?: string;
  /** More environment, WEB_CONCURRENCY say. */
  env?: Record<string, string>;
  /** Seeding a new database's demo data can take longer than the default on a busy machine. */
  startTimeoutMs?: number;
}): Promise<AppServer> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: databasePath, PORT: String(port), REQUEST_LOG: "off" };
  for (const name of ["NODE_ENV", "SESSION_SECRET", "FRAME_ANCESTORS", "TRUST_PROXY", "SCENARIOS_DIR", "WEB_CONCURRENCY"]) delete env[name];
  if (scenariosDir) env.SCENARIOS_DIR = scenariosDir;
  Object.assign(env, extra);

  const child = spawn(process.execPath, [path.join(root, "build", "server.js")], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  let hasExited = false;
  // Never leave a server behind, even when a test times out before its own clean-up.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  running.add(child);
  void exited.then(() => {
    hasExited = true;
    running.delete(child);
    process.removeListener("exit", killOnExit);
  });

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (hasExited) throw new Error(`the server on port ${port} exited while starting:\n${output}`);
    try {
      const response = await fetch(`${url}/sign-in`);
      if (response.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server on port ${port} did not start within ${startTimeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url,
    port,
    process: child,
    output: () => output,
    stop: async (signal) => {
      if (!hasExited) child.kill(signal);
      return exited;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Accessibility and layout.

/** axe-core: no serious or critical violations on the page as it is now. */
export async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  const report = serious.map(
    (violation) =>
      `${violation.impact}: ${violation.id} (${violation.help})\n` +
      violation.nodes.map((node) => `    ${node.target.join(" ")}: ${node.failureSummary ?? ""}`.replace(/\n/g, " ")).join("\n"),
  );
  expect(report, `axe violations on ${page.url()}`).toEqual([]);
}

/** The document is no wider than the window. */
export async function expectNoHorizontalScroll(page: Page, width: number): Promise<void> {
  const size = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  expect(size.clientWidth).toBe(width);
  expect(size.scrollWidth, `${page.url()} is ${size.scrollWidth} px wide in a ${size.clientWidth} px window`).toBeLessThanOrEqual(size.clientWidth);
}

/** Screenshots for a person to look at: outside the repository. */
export const SHOTS_DIR = process.env.PLAY_SHOTS_DIR || "/tmp/shots/play";
