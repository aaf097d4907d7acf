// The game layer on the trainee's pages (issue 12), with JavaScript and without: the debrief's
// itemised XP (lines that add up to the total, the rushed line only when the replies came faster
// than reading, the daily cap, a new level), the home page's summary, mastery bars, next up and
// difficulty locks, and My progress's mastery trend, badges and weeks. Each test has its own fresh
// trainee; axe and the 375 px width on every page in the runs with JavaScript, and screenshots at
// 375 and 1280 px into /tmp/shots/game/ (outside the repository) for a person to look at.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { decisionOf } from "~/analytics/decisions";
import { JS_TYPING_PAUSE_MS, minimumReadingMs } from "~/analytics/reading";
import { GOOD_RESULT } from "~/game/next-up";
import { DAILY_CAP, BEST_REPLY_XP } from "~/game/xp";
import { authoredPath, authoredScenario, publishedScenarios } from "./authored";
import { PATHS } from "./manager-support";
import {
  ATTEMPT_URL,
  DEBRIEF_URL,
  PARCEL,
  PERFECT_PARCEL_CHOICES,
  RETURNS,
  authoredButton,
  expect,
  playByClicking,
  playViaApi,
  shownChoiceIds,
  startViaApi,
  test,
  turnInput,
  waitForHydration,
} from "./play-support";
import { originOf } from "./support";

const SHOTS = process.env.GAME_SHOTS_DIR || "/tmp/shots/game";
const SKILL_NAMES = ["Listening", "Empathy", "Calm", "Persuasion", "Honest expectations"] as const;
const PERSONA_WORDS = { angry: "an angry customer", confused: "a confused customer", patient: "a patient customer" } as const;

/** Today as the pages write it ("4 Dec 2026", UTC). */
const today = () => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date());

const hardest = publishedScenarios().filter((scenario) => scenario.difficulty === 3);
const hardestOf = (persona: keyof typeof PERSONA_WORDS) => hardest.filter((scenario) => scenario.persona === persona);

// ---------------------------------------------------------------------------------------------
// Reading the pages.

type XpRow = { text: string; points: number };

/** "+70 XP", "−170 XP" (a true minus sign) or "0 XP" as a number. */
function pointsOf(cell: string): number {
  const match = /^([+−-]?)(\d+) XP$/.exec(cell.trim());
  if (!match) throw new Error(`"${cell}" is not an XP figure`);
  return (match[1] === "−" || match[1] === "-" ? -1 : 1) * Number(match[2]);
}

function xpRegion(page: Page): Locator {
  return page.getByRole("region", { name: "XP from this conversation" });
}

/** The debrief's XP lines and total, as shown. */
async function xpOnDebrief(page: Page): Promise<{ lines: XpRow[]; total: number }> {
  const table = xpRegion(page).getByRole("table", { name: "Where the XP of this conversation came from" });
  await expect(table).toBeVisible();
  const rows = await table.locator("tbody tr").all();
  const lines: XpRow[] = [];
  for (const row of rows) {
    lines.push({ text: (await row.locator("th").innerText()).trim(), points: pointsOf(await row.locator("td").innerText()) });
  }
  const foot = table.locator("tfoot tr");
  await expect(foot.locator("th")).toHaveText("Total");
  return { lines, total: pointsOf(await foot.locator("td").innerText()) };
}

/** The debrief's XP as any conversation's: known kinds of line, the total their sum, and the rushed line only taking back reply points. */
async function expectWellFormedXp(page: Page): Promise<{ lines: XpRow[]; total: number }> {
  await expect(xpRegion(page).getByRole("heading", { level: 2 })).toHaveText("XP from this conversation");
  const xp = await xpOnDebrief(page);
  const kinds = [
    /^\d+ best repl(y|ies)$/,
    /^\d+ fair repl(y|ies)$/,
    /^Replies faster than they could be read earn nothing$/,
    /^Replay \d+ of a scenario you handle well: \d+% of the reply points$/,
    new RegExp(`^(${SKILL_NAMES.join("|")}) mastery reached a new high: \\d+ to \\d+$`),
    /^Daily limit of \d+ XP reached$/,
  ];
  for (const line of xp.lines) {
    expect(kinds.some((kind) => kind.test(line.text)), `"${line.text}" should be a known kind of XP line (no raw copy key)`).toBe(true);
    expect(line.text).not.toContain("game.");
  }
  expect(xp.total, "the total is the sum of the lines shown").toBe(xp.lines.reduce((sum, line) => sum + line.points, 0));
  const replyPoints = xp.lines.filter((line) => /repl(y|ies)$/.test(line.text)).reduce((sum, line) => sum + line.points, 0);
  const rushed = xp.lines.find((line) => line.text.startsWith("Replies faster"));
  if (rushed) expect(rushed.points, "the rushed line takes back exactly the reply points").toBe(-replyPoints);
  await expect(xpRegion(page).getByRole("link", { name: "How XP works" })).toHaveAttribute("href", "/train/xp");
  return xp;
}

/** The lines of a fresh trainee's first perfect parcel conversation, rushed or not: every skill's first high is 100. */
function firstPerfectParcelLines(rushed: boolean): XpRow[] {
  const replies = PERFECT_PARCEL_CHOICES.length * BEST_REPLY_XP;
  const earned = (rushed ? 0 : replies) + 5 * 100;
  return [
    { text: `${PERFECT_PARCEL_CHOICES.length} best replies`, points: replies },
    ...(rushed ? [{ text: "Replies faster than they could be read earn nothing", points: -replies }] : []),
    ...SKILL_NAMES.map((name) => ({ text: `${name} mastery reached a new high: 0 to 100`, points: 100 })),
    { text: `Daily limit of ${DAILY_CAP} XP reached`, points: DAILY_CAP - earned },
  ];
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A scenario's card in the catalogue, by its title (a card in progress adds "(In progress)" to its heading). */
function card(page: Page, title: string): Locator {
  return page.locator("li.scenario-card").filter({ has: page.getByRole("heading", { level: 3, name: new RegExp(`^${escaped(title)}( \\(In progress\\))?$`) }) });
}

async function expectLocked(page: Page, scenario: { title: string; persona: string }): Promise<void> {
  const locked = card(page, scenario.title);
  const reason = `Locked for now. It opens after an overall score of ${GOOD_RESULT} or more in a difficulty 2 conversation with ${PERSONA_WORDS[scenario.persona as keyof typeof PERSONA_WORDS]}.`;
  const note = locked.locator(".lock-note");
  await expect(note, `${scenario.title} should wait for a good result first`).toHaveText(new RegExp(`^${escaped(reason)} “(.+)” is one\\.$`));
  // The scenario it names is one that can open it: difficulty 2, the same kind of customer.
  const named = /“(.+)” is one\.$/.exec((await note.textContent()) ?? "")?.[1];
  const opener = publishedScenarios().find((candidate) => candidate.title === named);
  expect(opener, `${scenario.title} names "${named}"`).toMatchObject({ difficulty: 2, persona: scenario.persona });
  await expect(locked.getByRole("link"), `${scenario.title}'s card has no start link`).toHaveCount(0);
}

async function expectOpen(page: Page, scenario: { id: string; title: string }): Promise<void> {
  const open = card(page, scenario.title);
  await expect(open.locator(".lock-note")).toHaveCount(0);
  await expect(open.getByRole("link", { name: scenario.title })).toHaveAttribute("href", `/train/scenarios/${scenario.id}`);
}

async function expectHomeGame(page: Page, { level, levelName }: { level: number; levelName: string }): Promise<void> {
  const summary = page.getByRole("region", { name: "Your progress at a glance" });
  await expect(summary.locator(".game-summary__item").nth(0)).toContainText(`Level ${level} of 6`);
  await expect(summary.locator(".game-summary__item").nth(0).locator(".game-summary__value")).toHaveText(levelName);
  await expect(summary.locator(".game-summary__item").nth(0)).toContainText(/\d+ XP · \d+ XP to [A-Z]/);
  await expect(summary.locator(".game-summary__item").nth(1)).toContainText("Weekly streak");
  await expect(summary.locator(".game-summary__item").nth(1)).toContainText(/This week(: \d+ of \d+ conversations\.|'s goal is met \(\d+ of \d+\)\.)/);
  await expect(summary.locator(".game-summary__item").nth(2)).toContainText(/Badges\s*\d+ of 12/);
  await expect(summary.getByRole("link", { name: "See your badges" })).toHaveAttribute("href", "/train/progress#badges-title");

  const bars = page.getByRole("region", { name: "Towards mastered" });
  await expect(bars.getByText("A skill is mastered at 80 or more, over at least 3 conversations that assessed it.")).toBeVisible();
  await expect(bars.locator(".skill-row__name")).toHaveText([...SKILL_NAMES]);
  await expect(bars.locator(".skill-row svg")).toHaveCount(5);
}

/** Follows the home page's Next up link to a scenario's brief that can be started. */
async function followNextUp(page: Page): Promise<void> {
  const nextUp = page.getByRole("region", { name: "Next up" });
  await expect(nextUp.getByText(/^Works on (Listening|Empathy|Calm|Persuasion|Honest expectations), your weakest skill not yet mastered\.$/)).toBeVisible();
  const link = nextUp.getByRole("link");
  await expect(link).toHaveCount(1);
  const title = (await link.innerText()).trim();
  await link.click();
  await expect(page).toHaveURL(/\/train\/scenarios\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("button", { name: "Start the conversation" })).toBeVisible();
}

async function expectProgressGame(page: Page, conversations: number): Promise<void> {
  const trend = page.getByRole("region", { name: "Your mastery over time" });
  await expect(trend.getByText("Each point is a finished conversation; the line is the mastery of each skill right after it.")).toBeVisible();
  await expect(trend.locator("canvas")).toHaveCount(1);
  await expect(trend.locator(".trend-summary li")).toHaveCount(5);
  await trend.getByText("Show the numbers").click();
  const table = trend.getByRole("table", { name: "Mastery over time" });
  await expect(table).toBeVisible();
  await expect(table.locator("thead th")).toHaveText(["Date", ...SKILL_NAMES]);
  await expect(table.locator("tbody tr")).toHaveCount(conversations);

  const badges = page.getByRole("region", { name: "Your badges" });
  await expect(badges.getByText("Badges are private: only you and your manager see them.")).toBeVisible();
  await expect(badges.locator("li.badge-chip")).toHaveCount(12);

  const weeks = page.getByRole("region", { name: "Your weeks" });
  await expect(weeks.getByText(/^Current streak: \d+ · best: \d+$/)).toBeVisible();
  await expect(weeks.getByRole("table", { name: "Your weeks" }).locator("tbody tr")).not.toHaveCount(0);
  await expect(weeks.getByRole("table", { name: "Your weeks" }).locator("thead th")).toHaveText(["Week", "Finished", "Status"]);

  await expect(page.locator("main")).not.toContainText(/\bgame\.[a-zA-Z]/);
}

/**
 * Screenshots at 1280 and 375 px, then, at 375 px, axe (no serious or critical violation) and no
 * horizontal scroll. Soft: the test goes on to its other pages, so one finding does not hide another.
 */
async function lookAt(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await page.reload();
    await waitForHydration(page);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true, animations: "disabled" });
  }
  const size = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect.soft(size.scroll, `${name} is ${size.scroll} px wide in a ${size.client} px window`).toBeLessThanOrEqual(size.client);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.impact}: ${violation.id} on ${violation.nodes.length} elements, first ${violation.nodes[0]?.target.join(" ")}: ${violation.nodes[0]?.failureSummary ?? ""}`);
  expect.soft(serious, `axe on ${name} (${page.url()})`).toEqual([]);
}

/**
 * Plays a scenario by clicking, waiting at each of the first `readTurns` turns at least the time
 * its words need (analytics/reading.ts), so that fewer than half the replies are fast and the
 * conversation is not rushed.
 */
async function playAtReadingPace(page: Page, scenarioId: string, positions: readonly number[], readTurns: number): Promise<void> {
  const scenario = authoredScenario(scenarioId);
  const { steps } = authoredPath(scenario, positions);
  expect(readTurns * 2, "more than half the turns are read").toBeGreaterThan(positions.length);
  for (const [index, position] of positions.entries()) {
    await expect(turnInput(page)).toHaveValue(String(index + 1));
    if (index < readTurns) {
      const words = decisionOf(scenario, steps[index]!.id, await shownChoiceIds(page)).words;
      // The server takes the typing pause off every turn after the first; a margin on top.
      await page.waitForTimeout(minimumReadingMs(words) + (index > 0 ? JS_TYPING_PAUSE_MS : 0) + 500);
    }
    await (await authoredButton(page, position, scenario)).click();
  }
  await expect(page).toHaveURL(DEBRIEF_URL);
}

async function startFromBrief(page: Page, scenarioId: string): Promise<void> {
  const response = await page.goto(`/train/scenarios/${scenarioId}`);
  expect(response?.status()).toBe(200);
  await page.getByRole("button", { name: "Start the conversation" }).click();
  await expect(page).toHaveURL(ATTEMPT_URL);
}

// ---------------------------------------------------------------------------------------------

for (const js of [true, false]) {
  test.describe(js ? "the game with JavaScript" : "the game without JavaScript", () => {
    test.use({ javaScriptEnabled: js });
    // Whole conversations, some at reading pace, on two cores shared with the server and the browser.
    test.describe.configure({ timeout: 75_000 });

    test("a first conversation read at a reading pace: itemised XP with no rushed line, the daily cap, and a new level", async ({ page }) => {
      await startFromBrief(page, PARCEL.id);
      if (js) await waitForHydration(page);
      // Four of seven turns read: three fast replies are fewer than half.
      await playAtReadingPace(page, PARCEL.id, PERFECT_PARCEL_CHOICES, 4);

      const xp = await expectWellFormedXp(page);
      expect(xp.lines).toEqual(firstPerfectParcelLines(false));
      expect(xp.total).toBe(DAILY_CAP);
      await expect(page.getByText("You reached a new level: Listener", { exact: true })).toBeVisible();
      await expect(page.getByText("You hear what the customer is really asking.")).toBeVisible();
      await expect(page.getByText("Replies faster than they could be read earn nothing")).toHaveCount(0);
      // Only a conversation that was read earns badges: every reply the best one is a clean run.
      await expect(xpRegion(page).getByRole("heading", { level: 3 })).toHaveText("Badge earned");
      await expect(xpRegion(page).locator("li.badge-chip")).toHaveText(["Clean run"]);

      // My progress shows it earned, and the home page counts it.
      await page.goto("/train/progress");
      const clean = page.getByRole("region", { name: "Your badges" }).locator("li.badge-chip").filter({ hasText: "Clean run" });
      await expect(clean).toHaveClass(/badge-chip--earned/);
      await expect(clean).toContainText(`Earned on ${today()}`);
      await expect(page.getByRole("region", { name: "Your badges" }).locator("li.badge-chip--earned")).toHaveCount(1);
      await page.goto("/train");
      await expect(page.getByRole("region", { name: "Your progress at a glance" })).toContainText(/Badges\s*1 of 12/);
    });

    test("a quick first conversation: the debrief's lines add up to the total, and the level, summary and next up follow", async ({ page }) => {
      await startFromBrief(page, PARCEL.id);
      if (js) await waitForHydration(page);
      await playByClicking(page, PERFECT_PARCEL_CHOICES);

      // Playwright answers faster than anyone reads, but the test does not control the clock: either way is checked.
      const xp = await expectWellFormedXp(page);
      const rushed = xp.lines.some((line) => line.text.startsWith("Replies faster"));
      expect(xp.lines).toEqual(firstPerfectParcelLines(rushed));
      await expect(page.getByText("You reached a new level: Listener", { exact: true })).toBeVisible();
      if (rushed) await expect(xpRegion(page).locator("li.badge-chip"), "a rushed conversation earns no badge").toHaveCount(0);
      await expect(page.getByRole("link", { name: new RegExp(`^Next up: .+ \\((${SKILL_NAMES.join("|")})\\)$`) })).toHaveAttribute("href", /^\/train\/scenarios\/[a-z0-9-]+$/);
      const debrief = page.url();

      await page.goto("/train");
      await expectHomeGame(page, { level: 2, levelName: "Listener" });
      await expect(page.getByRole("region", { name: "Your progress at a glance" })).toContainText(`${DAILY_CAP} XP · 350 XP to Problem solver`);
      const bars = page.getByRole("region", { name: "Towards mastered" }).locator(".mastery-bars__words");
      await expect(bars).toHaveText(SKILL_NAMES.map(() => "100 now: 2 more conversations to confirm it"));
      await followNextUp(page);

      await page.goto("/train/progress");
      await expectProgressGame(page, 1);

      // The debrief keeps its award when opened again.
      await page.goto(debrief);
      expect((await xpOnDebrief(page)).total).toBe(DAILY_CAP);

      // The debrief's link explains the rules, with the numbers in force.
      await xpRegion(page).getByRole("link", { name: "How XP works" }).click();
      await expect(page).toHaveURL("/train/xp");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("How XP works");
      await expect(page.getByText(`In force today: up to ${DAILY_CAP} XP a day, and a weekly goal of`)).toBeVisible();
      await expect(page.locator("main")).toContainText(`A best reply (as good as any reply on offer) earns ${BEST_REPLY_XP} XP.`);
    });

    test("locks: difficulty 3 opens per kind of customer after an overall score of 70 at difficulty 2, and a direct link always works", async ({ page, request, baseURL }) => {
      const origin = originOf(baseURL);
      expect(hardestOf("angry").length, "the library has difficulty 3 scenarios with an angry customer").toBeGreaterThan(1);
      expect(hardestOf("confused").length + hardestOf("patient").length).toBeGreaterThan(0);
      expect(authoredScenario(PARCEL.id)).toMatchObject({ difficulty: 2, persona: "angry" });

      await page.goto("/train");
      for (const scenario of hardest) await expectLocked(page, scenario);
      for (const scenario of publishedScenarios().filter((candidate) => candidate.difficulty < 3)) await expectOpen(page, scenario);
      await expectHomeGame(page, { level: 1, levelName: "Newcomer" });
      await expect(page.getByRole("region", { name: "Towards mastered" }).locator(".mastery-bars__words")).toHaveText(SKILL_NAMES.map(() => "Not assessed yet"));

      // A locked scenario still opens by its address and can be started; its card then offers to continue.
      const [first, second] = hardestOf("angry");
      await startFromBrief(page, first!.id);
      await page.goto("/train");
      await expect(card(page, first!.title).locator(".lock-note")).toHaveCount(0);
      await expect(card(page, first!.title).getByRole("link", { name: `${first!.title} (In progress)` })).toHaveAttribute("href", ATTEMPT_URL);
      await expectLocked(page, second!);

      // Below a good result at difficulty 2 nothing opens...
      const mixed = authoredPath(authoredScenario(PARCEL.id), PATHS.mixed.choices).result.overall;
      expect(mixed).toBeLessThan(GOOD_RESULT);
      await playViaApi(request, origin, await startViaApi(request, origin, PARCEL.id), PATHS.mixed.choices);
      await page.reload();
      await expect(card(page, PARCEL.title)).toContainText(`Best score ${mixed}`);
      await expectLocked(page, second!);

      // ...and a good one opens the angry customer's hardest scenarios, and only theirs.
      await playViaApi(request, origin, await startViaApi(request, origin, PARCEL.id), PERFECT_PARCEL_CHOICES);
      await page.reload();
      for (const scenario of hardestOf("angry").filter((candidate) => candidate.id !== first!.id)) await expectOpen(page, scenario);
      for (const scenario of [...hardestOf("confused"), ...hardestOf("patient")]) await expectLocked(page, scenario);
    });

    test("My progress after two conversations: the trend with its numbers, twelve private badges and the weeks", async ({ page, request, baseURL }) => {
      const origin = originOf(baseURL);
      await playViaApi(request, origin, await startViaApi(request, origin, RETURNS.id), [4, 3, 1, 2]);
      await playViaApi(request, origin, await startViaApi(request, origin, PARCEL.id), PATHS.mixed.choices);
      await page.goto("/train/progress");
      await expectProgressGame(page, 2);
      await expect(page.getByRole("region", { name: "Your weeks" }).getByRole("table").locator("tbody tr").first()).toContainText(
        /^Week of .+2 of \d+(Goal met|In progress)$/,
      );

    });
  });
}

test.describe("the game's pages after playing, at 375 and 1280 px", () => {
  test.describe.configure({ timeout: 75_000 });

  test("axe and no horizontal scroll on the debrief, home, My progress and How XP works, with screenshots", async ({ page, request, baseURL }) => {
    const origin = originOf(baseURL);
    const attemptId = await startViaApi(request, origin, PARCEL.id);
    await playViaApi(request, origin, attemptId, PERFECT_PARCEL_CHOICES);
    // A locked card, an open one and one in progress on the home page.
    await startViaApi(request, origin, hardestOf("angry")[0]!.id);
    for (const [name, url] of [
      ["debrief", `/train/attempts/${attemptId}/debrief`],
      ["home", "/train"],
      ["progress", "/train/progress"],
      ["xp", "/train/xp"],
    ] as const) {
      expect((await page.goto(url))?.status(), url).toBe(200);
      await lookAt(page, name);
    }
  });
});
