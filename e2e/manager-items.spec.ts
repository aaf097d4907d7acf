// Item analysis on a scenario's analytics page (version picker, table, CSV export) and the
// "faster than reading" flag: an attempt clicked through over HTTP is flagged on the trainee page
// and left out of the item analysis; one answered at a reading pace is neither.
import { expect, test } from "@playwright/test";
import { JS_TYPING_PAUSE_MS, minimumReadingMs, wordCount } from "~/analytics/reading";
import { authoredChoiceId, authoredScenario, stepAfter } from "./authored";
import { postChoice, readPlayPage, startViaApi } from "./play-support";
import { DEMO_TRAINEES, PARCEL, PATHS, cell, createCrew, parseCsv, playAs, requestAs } from "./manager-support";
import { originOf, stateFile } from "./support";

const CSV_HEADER = [
  "scenario_id",
  "version",
  "version_created_at",
  "step_id",
  "customer",
  "replies_offered",
  "best_replies",
  "answers",
  "facility",
  "discrimination_point_biserial",
  "popular_wrong_reply_id",
  "popular_wrong_reply",
  "popular_wrong_answers",
  "top_third_trainees",
  "top_third_answers",
  "top_third_best",
  "flags_shown",
  "flag_too_easy",
  "flag_not_separating",
  "flag_possible_key_error",
];

test.describe("item analysis on the demo history", () => {
  test.use({ storageState: stateFile("trainer") });

  test("shows a table per decision for the newest version, a version picker that is a link, and a CSV of the same table", async ({ page }) => {
    await page.goto(`/analytics/scenarios/${PARCEL.id}`);
    const section = page.getByRole("region", { name: "How each decision works as a question" });
    await expect(section).toContainText("point-biserial");
    const picker = section.getByRole("combobox", { name: "Version" });
    await expect(picker.locator("option:checked")).toContainText("(current)");
    const hash = await picker.inputValue();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);

    const table = section.getByRole("table", { name: "Item analysis by decision" });
    const rows = table.locator("tbody tr");
    expect(await rows.count()).toBeGreaterThan(0);
    await expect(cell(rows.first(), "Decision")).toContainText("Step opening");
    await expect(cell(rows.first(), "Decision").locator(".rating--best")).not.toHaveCount(0);
    const answers = (await rows.locator('[data-label="Answers"]').allInnerTexts()).map((text) => text.trim());
    // Trainers see no trainee names here.
    for (const trainee of DEMO_TRAINEES) await expect(section).not.toContainText(trainee.name);

    // The picker is a GET form: its view is a link.
    await section.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]version=${hash}`));
    await expect(table.locator("tbody tr")).toHaveCount(answers.length);

    const href = await section.getByRole("link", { name: "Download this table (CSV)" }).getAttribute("href");
    expect(href).toContain(`version=${hash}`);
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/csv");
    expect(response.headers()["content-disposition"]).toContain(`items-${PARCEL.id}-${hash.slice(0, 7)}.csv`);
    const text = await response.text();
    // Every field is quoted, the header too.
    expect(text.slice(1).split("\n")[0]).toBe(CSV_HEADER.map((name) => `"${name}"`).join(","));
    const csv = parseCsv(text);
    expect(csv.header).toEqual(CSV_HEADER);
    expect(csv.rows.map((row) => row.answers)).toEqual(answers);
    expect(new Set(csv.rows.map((row) => row.version))).toEqual(new Set([hash]));
    expect(csv.rows[0]?.step_id).toBe("opening");
  });

  test("a version that is not the scenario's falls back to the default", async ({ page }) => {
    const response = await page.goto(`/analytics/scenarios/${PARCEL.id}?version=${"0".repeat(64)}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("combobox", { name: "Version" }).locator("option:checked")).toContainText("(current)");
  });
});

test.describe("replies faster than reading", () => {
  test("a clicked-through attempt is flagged on the trainee page and left out of item analysis; a read one is not", async ({ playwright, baseURL, browser }) => {
    test.setTimeout(120_000);
    const crew = await createCrew(playwright, baseURL, [["Fay", "Gil"]]);
    const [fay, gil] = crew.trainees;
    if (!fay || !gil) throw new Error("the crew has two trainees");
    const origin = originOf(baseURL);

    // Fay clicks through: every reply within milliseconds of the step being shown.
    await playAs(playwright, baseURL, fay, PATHS.best.choices);
    // Gil reads each turn for a while: the reading time the rule asks for everything the step can show
    // (the customer's lines and all its replies, more than are on offer), plus the typing pause and a second.
    const scenario = authoredScenario(PARCEL.id);
    const request = await requestAs(playwright, baseURL, gil.state);
    try {
      const attemptId = await startViaApi(request, origin, PARCEL.id);
      for (const [index, position] of PATHS.escalated.choices.entries()) {
        const step = stepAfter(scenario, PATHS.escalated.choices.slice(0, index));
        const words = [...step.customer, ...step.choices.map((choice) => choice.text)].reduce((sum, piece) => sum + wordCount(piece.text), 0);
        const play = await readPlayPage(request, attemptId);
        await new Promise((resolve) => setTimeout(resolve, minimumReadingMs(words) + JS_TYPING_PAUSE_MS + 1_000));
        const choiceId = authoredChoiceId(scenario, play.choiceIds, position);
        const response = await postChoice(request, origin, attemptId, play.turn!, choiceId);
        expect(response.status()).toBe(302);
      }
    } finally {
      await request.dispose();
    }

    const context = await browser.newContext({ storageState: crew.manager.state });
    const page = await context.newPage();
    await page.goto(`/team/trainees/${fay.id}`);
    const conversations = page.getByRole("region", { name: "Conversations" });
    await expect(conversations).toContainText("1 of these conversations was answered faster than anyone can read");
    const fayRow = conversations.locator("tbody tr");
    await expect(fayRow).toHaveCount(1);
    await expect(cell(fayRow, "Pace")).toContainText("Faster than reading");
    await expect(cell(fayRow, "Pace")).toContainText(`${PATHS.best.choices.length} of ${PATHS.best.choices.length} replies too fast`);
    await expect(cell(fayRow, "Timer")).toHaveText("Normal");
    // Still in mastery: the overall score is there.
    await expect(cell(fayRow, "Overall")).toHaveText(String(PATHS.best.overall));

    await page.goto(`/team/trainees/${gil.id}`);
    const gilRow = page.getByRole("region", { name: "Conversations" }).locator("tbody tr");
    await expect(cell(gilRow, "Pace")).toHaveText("—");
    await expect(page.getByText("faster than anyone can read")).toHaveCount(0);

    // The team's item analysis counts Gil's conversation and leaves Fay's out.
    await page.goto(`/analytics/scenarios/${PARCEL.id}?team=${crew.teams[0]!.id}`);
    const section = page.getByRole("region", { name: "How each decision works as a question" });
    await expect(section).toContainText("1 finished conversation on this version counts. 1 answered faster than anyone can read is left out.");
    const opening = section.getByRole("table", { name: "Item analysis by decision" }).locator("tbody tr").filter({ hasText: "Step opening" });
    await expect(cell(opening, "Answers")).toHaveText("1");
    await context.close();
  });
});
