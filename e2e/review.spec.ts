// Spaced review of missed decisions: a trainee misses one decision in a conversation, the decision
// comes back on a later day as "1 decision to review", and answering it with the best reply shows
// the feedback and moves it to a later date. With JavaScript and without, at 375 px, and a double
// submit over plain HTTP. Each test has its own fresh trainee.
//
// A new card is due the day after the miss (never in the same sitting as the debrief), so each
// test moves its own trainee's history one day back in the e2e database (e2e/.tmp/e2e.db, which
// the running server shares through SQLite's WAL): as if the conversation had been yesterday.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { APIRequestContext, Page } from "@playwright/test";
import sqlite3 from "sqlite3";
import type { Step } from "~/engine";
import { authoredChoiceId, authoredPath, authoredScenario } from "./authored";
import { expect, expectNoHorizontalScroll, expectNoSeriousViolations, PARCEL, playViaApi, startViaApi, test, type Trainee } from "./play-support";
import { originOf, textOf } from "./support";

const DATABASE = path.join(path.dirname(fileURLToPath(import.meta.url)), ".tmp", "e2e.db");
const SHOTS_DIR = process.env.REVIEW_SHOTS_DIR || "/tmp/shots/review";

/** The parcel's best path, except a poor reply at the second step (her story told back as blame). */
const ONE_MISS = [2, 1, 2, 3, 3, 2, 3];
const parcel = authoredScenario(PARCEL.id);
const missed = authoredPath(parcel, ONE_MISS);
const [opening, story] = missed.steps as [Step, Step];
/** The missed step's replies in the order the file lists them, and the best of them (authored position 3). */
const AUTHORED = story.choices.map((choice) => choice.id);
const BEST = story.choices[2]!;

test.beforeAll(() => {
  // The path this spec rests on: exactly one decision that was not the best, the second.
  expect(missed.ratings).toEqual(["best", "poor", "best", "best", "best", "best", "best"]);
});

function run(db: sqlite3.Database, sql: string, params: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => db.run(sql, params, (error) => (error ? reject(error) : resolve())));
}

/** Moves every time of one trainee's attempts and review cards a day back, as if a day had passed. */
async function aDayLater(userId: number): Promise<void> {
  const back = (column: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${column}, '-1 day')`;
  const db = new sqlite3.Database(DATABASE);
  try {
    db.configure("busyTimeout", 10_000);
    await run(db, "BEGIN IMMEDIATE", []);
    await run(db, `UPDATE attempts SET started_at = ${back("started_at")}, step_shown_at = ${back("step_shown_at")}, ended_at = ${back("ended_at")} WHERE user_id = ?`, [userId]);
    await run(db, `UPDATE attempt_turns SET chosen_at = ${back("chosen_at")} WHERE attempt_id IN (SELECT id FROM attempts WHERE user_id = ?)`, [userId]);
    await run(db, `UPDATE review_log SET reviewed_at = ${back("reviewed_at")} WHERE user_id = ?`, [userId]);
    await run(
      db,
      `UPDATE review_cards SET created_at = ${back("created_at")}, due_at = ${back("due_at")},
         schedule = json_set(schedule, '$.due', ${back("json_extract(schedule, '$.due')")}, '$.lastReview', ${back("json_extract(schedule, '$.lastReview')")})
       WHERE user_id = ?`,
      [userId],
    );
    await run(db, "COMMIT", []);
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

/** A finished parcel conversation with one missed decision, over plain HTTP; then a day passes. */
async function missOneDecisionYesterday(request: APIRequestContext, baseURL: string | undefined, trainee: Trainee): Promise<void> {
  const origin = originOf(baseURL);
  const attemptId = await startViaApi(request, origin, PARCEL.id);
  await playViaApi(request, origin, attemptId, ONE_MISS, { scenario: parcel });
  const debrief = await request.get(`/train/attempts/${attemptId}/debrief`, { maxRedirects: 0 });
  expect(debrief.status(), "the conversation should have ended").toBe(200);
  // The card exists now, but it is due on a later day: nothing is due yet.
  const home = await request.get("/train");
  expect(textOf(await home.text())).not.toMatch(/decisions? to review/);
  await aDayLater(trainee.id);
}

const dueNotice = (page: Page) => page.getByRole("region", { name: /decisions? to review$/ });
const shownIds = (page: Page) => page.locator('button[name="choiceId"]').evaluateAll((buttons) => buttons.map((button) => (button as HTMLButtonElement).value));

/** The date in "You'll see this again on 12 Dec 2026." as a UTC day. */
async function comesBackOn(page: Page): Promise<string> {
  const sentence = await page.getByText(/^You'll see this again on /).innerText();
  const date = /on (\d{1,2} \w{3} \d{4})\.$/.exec(sentence)?.[1];
  if (!date) throw new Error(`no date in "${sentence}"`);
  return new Date(`${date} 12:00 UTC`).toISOString().slice(0, 10);
}

/** `axe`: axe runs scripts in the page, so it checks only where JavaScript runs. */
async function reviewAndAnswer(page: Page, { shots, axe }: { shots: string; axe: boolean }): Promise<void> {
  await page.goto("/train");
  await expect(dueNotice(page)).toHaveAccessibleName("1 decision to review");
  await mkdir(SHOTS_DIR, { recursive: true });
  await dueNotice(page).screenshot({ path: path.join(SHOTS_DIR, `${shots}-home-notice.png`) });
  await dueNotice(page).getByRole("link", { name: "Review now" }).click();
  await expect(page).toHaveURL("/train/review");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PARCEL.title);
  // The conversation before the missed step, in short: her first words and the reply given.
  const soFar = page.getByRole("region", { name: "The conversation so far" });
  await expect(soFar).toContainText(opening.customer[0]!.text);
  await expect(soFar).toContainText(missed.picks[0]!.text.text);
  await expect(page.getByRole("group", { name: `${PARCEL.customer} says` })).toContainText(story.customer[0]!.text.slice(0, 40));

  // The three replies of that moment, in an order that is not the file's.
  const ids = await shownIds(page);
  expect([...ids].sort()).toEqual([...AUTHORED].sort());
  expect(ids).not.toEqual(AUTHORED);
  if (axe) await expectNoSeriousViolations(page);
  await page.screenshot({ path: path.join(SHOTS_DIR, `${shots}-review.png`), fullPage: true });

  await page.locator(`button[name="choiceId"][value="${authoredChoiceId(parcel, ids, 3)}"]`).click();
  await expect(page).toHaveURL(/\/train\/review\/\d+$/);
  await expect(page.getByRole("heading", { name: "That was the best reply." })).toBeVisible();
  await expect(page.getByText(BEST.feedback!)).toBeVisible();
  const today = new Date().toISOString().slice(0, 10);
  expect((await comesBackOn(page)) > today, "the decision comes back on a later day").toBe(true);
  if (axe) await expectNoSeriousViolations(page);
  await page.screenshot({ path: path.join(SHOTS_DIR, `${shots}-feedback.png`), fullPage: true });

  // Nothing else was due: the way back is home, where no decision is due any more.
  await expect(page.getByRole("link", { name: /Review the next decision/ })).toHaveCount(0);
  await page.getByRole("link", { name: "Back to practice" }).click();
  await expect(page).toHaveURL("/train");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(dueNotice(page)).toHaveCount(0);
  await page.goto("/train/review");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nothing to review right now");
  await expect(page.getByText(/^Your next review is due on /)).toBeVisible();

  // My progress: one review is too few for a retention figure, and it says so.
  await page.goto("/train/progress");
  const retention = page.getByRole("region", { name: "Remembering what you practised" });
  await expect(retention).toContainText("Too few reviews for a figure yet: 1 in the last 30 days. It appears from 5 reviews.");
  await expect(retention).toContainText(/Your next review is due on /);
  await retention.screenshot({ path: path.join(SHOTS_DIR, `${shots}-progress.png`) });
}

test.describe("reviewing a missed decision", () => {
  test.describe.configure({ timeout: 60_000 });

  test("with JavaScript: the missed decision comes back the next day, is answered, and moves to a later date", async ({ page, request, baseURL, trainee }) => {
    await missOneDecisionYesterday(request, baseURL, trainee);
    await reviewAndAnswer(page, { shots: "js", axe: true });
  });

  test("at 375 px: the review and its feedback fit the screen and pass axe", async ({ page, request, baseURL, trainee }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await missOneDecisionYesterday(request, baseURL, trainee);
    await page.goto("/train/review");
    await expectNoHorizontalScroll(page, 375);
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: path.join(SHOTS_DIR, "375-review.png"), fullPage: true });
    await page.locator(`button[name="choiceId"][value="${story.choices[0]!.id}"]`).click();
    await expect(page.getByRole("heading", { name: "Not a good reply here." })).toBeVisible();
    await expect(page.getByText("The best reply here")).toBeVisible();
    await expectNoHorizontalScroll(page, 375);
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: path.join(SHOTS_DIR, "375-feedback.png"), fullPage: true });
  });

  test("a reply the card did not offer is refused, and a double submit is logged once", async ({ request, baseURL, trainee }) => {
    await missOneDecisionYesterday(request, baseURL, trainee);
    const html = await (await request.get("/train/review")).text();
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1] ?? "";
    const form = { version: field("version"), step: field("step"), reps: field("reps") };
    const post = (choiceId: string) => request.post("/train/review?index", { form: { ...form, choiceId }, headers: { Origin: originOf(baseURL) }, maxRedirects: 0 });

    const foreign = await post("not-a-reply");
    expect(foreign.status()).toBe(422);
    expect(textOf(await foreign.text())).toContain("That reply is not one of the replies for this decision.");

    const [first, second] = [await post(BEST.id), await post(BEST.id)];
    expect(first.status()).toBe(302);
    expect(second.status()).toBe(302);
    expect(second.headers().location).toBe(first.headers().location);
    expect(first.headers().location).toMatch(/^\/train\/review\/\d+$/);
    // Another reply posted from the same, now stale page is not applied either.
    const stale = await post(story.choices[0]!.id);
    expect(stale.status()).toBe(409);
    expect(textOf(await stale.text())).toContain("That decision has already been reviewed.");

    const feedback = await request.get(first.headers().location!);
    expect(feedback.status()).toBe(200);
    expect(textOf(await feedback.text())).toContain("That was the best reply.");
    expect((await request.get("/train/review/999999999")).status()).toBe(404);
  });
});

test.describe("reviewing a missed decision without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test.describe.configure({ timeout: 60_000 });

  test("the same review works with plain form posts and redirects", async ({ page, request, baseURL, trainee }) => {
    await missOneDecisionYesterday(request, baseURL, trainee);
    await reviewAndAnswer(page, { shots: "nojs", axe: false });
  });
});
