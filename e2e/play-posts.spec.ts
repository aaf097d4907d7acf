// The server is the authority on choices: a repeated post is recorded once; a stale turn, a
// hidden choice or another trainee's attempt is refused with a clear 4xx and changes nothing.
// Each test works on its own attempt (by id), so one trainee per worker is enough.
import path from "node:path";
import { authoredPath, authoredScenario } from "./authored";
import { originOf, textOf } from "./support";
import {
  PARCEL,
  PERFECT_PARCEL_CHOICES,
  SHOTS_DIR,
  choiceButtons,
  createTrainee,
  expect,
  latestLine,
  postChoice,
  readPlayPage,
  startViaApi,
  turnInput,
  waitForHydration,
  workerTest as test,
  type PlayPage,
} from "./play-support";

/** The parcel scenario as the engine reads it, and the choice ids of its best path (one per turn). */
const parcel = authoredScenario(PARCEL.id);
const BEST_IDS = authoredPath(parcel, PERFECT_PARCEL_CHOICES).picks.map((choice) => choice.id);

/** The parts of the play page a refused post must leave as they were. */
function stateOf(page: PlayPage) {
  return { status: page.status, turn: page.turn, choiceIds: page.choiceIds, replies: page.replies };
}

test.describe("posting choices", () => {
  test("the same (attempt, turn, choice) posted twice is recorded once and answers the same way", async ({ request, baseURL }) => {
    const origin = originOf(baseURL);
    const attemptId = await startViaApi(request, origin, PARCEL.id);
    const start = await readPlayPage(request, attemptId);
    expect(start.turn).toBe(1);
    // In the attempt's own order: the opening's replies, whichever comes first.
    const opening = parcel.steps.find((step) => step.id === parcel.start)!;
    expect([...start.choiceIds].sort()).toEqual(opening.choices.map((choice) => choice.id).sort());
    const [turn1, turn2, ...rest] = BEST_IDS;
    const last = rest.pop();
    if (!turn1 || !turn2 || !last) throw new Error("the best path has at least three turns");

    // One after the other (a retry)...
    const first = await postChoice(request, origin, attemptId, 1, turn1);
    const second = await postChoice(request, origin, attemptId, 1, turn1);
    expect(first.status()).toBe(302);
    expect(second.status(), "the repeat answers like the first").toBe(302);
    expect(second.headers().location).toBe(first.headers().location);
    expect(first.headers().location).toBe(`/train/attempts/${attemptId}`);
    const afterRetry = await readPlayPage(request, attemptId);
    expect(afterRetry.turn).toBe(2);
    expect(afterRetry.replies, "one reply for turn 1").toBe(1);

    // ...and at the same moment (a double click).
    const [a, b] = await Promise.all([
      postChoice(request, origin, attemptId, 2, turn2),
      postChoice(request, origin, attemptId, 2, turn2),
    ]);
    expect([a.status(), b.status()]).toEqual([302, 302]);
    expect(b.headers().location).toBe(a.headers().location);
    const afterDouble = await readPlayPage(request, attemptId);
    expect(afterDouble.turn).toBe(3);
    expect(afterDouble.replies, "one reply each for turns 1 and 2").toBe(2);

    // The turns in between, then the last reply twice: both answers go to the debrief.
    for (const [index, choiceId] of rest.entries()) {
      expect((await postChoice(request, origin, attemptId, index + 3, choiceId)).status()).toBe(302);
    }
    const lastTurn = BEST_IDS.length;
    const lastPost = await postChoice(request, origin, attemptId, lastTurn, last);
    const lastAgain = await postChoice(request, origin, attemptId, lastTurn, last);
    expect(lastPost.headers().location).toBe(`/train/attempts/${attemptId}/debrief`);
    expect(lastAgain.status()).toBe(302);
    expect(lastAgain.headers().location).toBe(`/train/attempts/${attemptId}/debrief`);

    // The debrief has each reply once; the progress page lists the attempt once, with its score.
    const debrief = await request.get(`/train/attempts/${attemptId}/debrief`);
    expect(debrief.status()).toBe(200);
    const debriefHtml = await debrief.text();
    expect(debriefHtml.match(/class="card review review--/g)?.length, "one review per reply in the debrief").toBe(BEST_IDS.length);
    expect(textOf(debriefHtml).match(/Reply 1 Best reply/g)?.length).toBe(1);
    const progress = await (await request.get("/train/progress")).text();
    const rows = progress.split("<tr").filter((row) => row.includes(`href="/train/attempts/${attemptId}/debrief"`));
    expect(rows, "the attempt is on the progress page once").toHaveLength(1);
    expect(textOf(`<tr${rows[0]}`)).toContain(`${PARCEL.title} Satisfied 100 100 100 100 100 100`);
  });

  test("a stale turn number gets 409 with a clear message and changes nothing", async ({ request, baseURL }) => {
    const origin = originOf(baseURL);
    const attemptId = await startViaApi(request, origin, PARCEL.id);
    expect((await postChoice(request, origin, attemptId, 1, "opening.1")).status()).toBe(302);
    const before = await readPlayPage(request, attemptId);
    expect(before.turn).toBe(2);

    // Turn 1 again, with another reply (a second tab left on turn 1).
    const answered = await postChoice(request, origin, attemptId, 1, "opening.2");
    expect(answered.status()).toBe(409);
    expect(textOf(await answered.text())).toContain("Turn 1 was already answered, perhaps in another tab. Here is where the conversation stands now.");
    // A turn from the future.
    const ahead = await postChoice(request, origin, attemptId, 3, "story.1");
    expect(ahead.status()).toBe(409);
    expect(textOf(await ahead.text())).toContain("This page was out of date: the conversation is at turn 2, not 3. Here is where it stands now.");

    const after = await readPlayPage(request, attemptId);
    expect(stateOf(after)).toEqual(stateOf(before));
    // The customer's line at turn 2 (the story step).
    expect(after.html).toContain("Both times they said it was on its way.");
  });

  test("a stale page in the browser shows the 409 message and catches up with the conversation", async ({ page, request, baseURL }) => {
    const origin = originOf(baseURL);
    const attemptId = await startViaApi(request, origin, PARCEL.id);
    await page.goto(`/train/attempts/${attemptId}`);
    await waitForHydration(page);
    await expect(turnInput(page)).toHaveValue("1");
    // Turn 1 is answered elsewhere (another tab) while this page still shows it.
    expect((await postChoice(request, origin, attemptId, 1, "opening.1")).status()).toBe(302);

    const refused = page.waitForResponse((response) => response.request().method() === "POST");
    // Any reply but the one given elsewhere (that one would be a harmless repeat of it).
    await choiceButtons(page).and(page.locator('[value]:not([value="opening.1"])')).first().click();
    expect((await refused).status()).toBe(409);
    await expect(page.getByRole("alert")).toHaveText("Turn 1 was already answered, perhaps in another tab. Here is where the conversation stands now.");
    // The page catches up: it now shows turn 2 and the reply given elsewhere, without a reload.
    await expect(turnInput(page)).toHaveValue("2");
    await expect(page.getByRole("region", { name: "Conversation so far" })).toContainText("I'm sorry you've had to call again, Marta.");
    await page.screenshot({ path: path.join(SHOTS_DIR, "play-stale-409-1280.png"), fullPage: true });
    const after = await readPlayPage(request, attemptId);
    expect(after.turn).toBe(2);
    expect(after.replies).toBe(1);
    expect(after.html).toContain("I&#x27;m sorry you&#x27;ve had to call again, Marta.");
    await expect(latestLine(page)).toBeVisible();
  });

  test("a choice that is not visible at this turn gets 422 and changes nothing", async ({ request, baseURL }) => {
    const origin = originOf(baseURL);
    const attemptId = await startViaApi(request, origin, PARCEL.id);
    expect((await postChoice(request, origin, attemptId, 1, "opening.1")).status()).toBe(302);
    expect((await postChoice(request, origin, attemptId, 2, "story.1")).status()).toBe(302);
    const before = await readPlayPage(request, attemptId);
    expect(before.turn).toBe(3);
    // facts.3 and facts.4 need the "promised" flag, which only opening.4 sets: they are not offered here.
    expect([...before.choiceIds].sort()).toEqual(["facts.1", "facts.2", "facts.5"]);

    for (const choiceId of ["facts.3", "opening.1", "no-such-choice"]) {
      const response = await postChoice(request, origin, attemptId, 3, choiceId);
      expect(response.status(), `${choiceId} at turn 3`).toBe(422);
      expect(textOf(await response.text())).toContain("That reply is not one of the choices at this point of the conversation.");
    }
    expect(stateOf(await readPlayPage(request, attemptId))).toEqual(stateOf(before));
  });

  test("another trainee's attempt is a 404 and is left alone", async ({ request, baseURL, playwright }) => {
    const origin = originOf(baseURL);
    const attemptId = await startViaApi(request, origin, PARCEL.id);
    expect((await postChoice(request, origin, attemptId, 1, "opening.1")).status()).toBe(302);
    const before = await readPlayPage(request, attemptId);

    if (!baseURL) throw new Error("baseURL is not configured");
    const other = await createTrainee(playwright, baseURL, "Other trainee");
    const intruder = await playwright.request.newContext({ baseURL, storageState: other.state });
    try {
      const post = await postChoice(intruder, origin, attemptId, 2, "story.1");
      expect(post.status()).toBe(404);
      expect((await intruder.get(`/train/attempts/${attemptId}`, { maxRedirects: 0 })).status()).toBe(404);
      expect((await intruder.get(`/train/attempts/${attemptId}/debrief`, { maxRedirects: 0 })).status()).toBe(404);
      // Their own catalogue shows nothing of it.
      expect(textOf(await (await intruder.get("/train")).text())).not.toContain("In progress");
    } finally {
      await intruder.dispose();
    }
    expect(stateOf(await readPlayPage(request, attemptId))).toEqual(stateOf(before));
  });
});
