// Bringing real helpdesk outcomes in: a manager uploads a file, reads the preview (nothing stored
// yet), commits, sees the import in use; the same file again changes nothing; undo puts back what
// it replaced; another team's manager can neither see nor undo it; bad files say what is wrong.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createCrew, PATHS, playAs, requestAs, type Crew } from "./manager-support";
import { expectNoHorizontalScroll, expectNoSeriousViolations } from "./play-support";
import { originOf } from "./support";

const HEADER = "ticket_id,agent_email,date_time,rating,solved_on_first_contact,reopened,channel";

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString().replace(/\.\d+Z$/, "Z");
}

function fileFor(crew: Crew, tag = crew.tag): string {
  const [ana, ben] = crew.trainees;
  return [
    HEADER,
    `${tag}-1,${ana!.email},${daysAgo(20)},5,yes,no,chat`,
    `${tag}-2,${ana!.email},${daysAgo(19)},4,yes,,email`,
    `${tag}-3,${ben!.email},${daysAgo(18)},2,no,yes,phone`,
    `${tag}-4,helper-${tag}@helpdesk.example,${daysAgo(17)},3,yes,,chat`,
    `${tag}-5,${ben!.email},next tuesday,4,yes,,chat`,
  ].join("\n");
}

// axe needs a page in a context of its own.
async function openPage(browser: Browser, options: Parameters<Browser["newContext"]>[0]): Promise<Page> {
  const context = await browser.newContext(options);
  return context.newPage();
}

async function upload(page: Page, name: string, body: string | Buffer, { expectPreview = true } = {}): Promise<void> {
  await page.goto("/team/outcomes/imports");
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: typeof body === "string" ? Buffer.from(body) : body });
  await page.getByRole("button", { name: "Preview the file" }).click();
  if (expectPreview) await expect(page).toHaveURL(/\/team\/outcomes\/imports\/preview\//);
}

function figure(page: Page, label: string) {
  return page.locator(".import-figures > div").filter({ has: page.locator("dt", { hasText: label }) }).locator("dd");
}

async function commitAndWait(page: Page): Promise<number> {
  await page.getByRole("button", { name: /^Import \d+ rows?$/ }).click();
  await expect(page).toHaveURL(/\/team\/outcomes\/imports\/\d+$/);
  await expect(page.getByRole("heading", { name: "In use" })).toBeVisible({ timeout: 15_000 });
  return Number(/imports\/(\d+)/.exec(page.url())![1]);
}

test.describe("outcomes import", () => {
  // Each test makes its own team and manager (scrypt sign-ins) and reads files twice per upload.
  test.describe.configure({ timeout: 90_000 });
  test("a manager previews, commits, imports the same file again to no effect, and undoes", async ({ browser, playwright, baseURL }) => {
    const crew = await createCrew(playwright, baseURL, [["Ana", "Ben"]]);
    const page = await openPage(browser, { storageState: crew.manager.state });
    const csv = fileFor(crew);
    // Ana has practised, so she has a mastery to set beside her tickets; Ben has not.
    await playAs(playwright, baseURL, crew.trainees[0]!, PATHS.mixed.choices);
    const outcomesPage = `/team/outcomes?team=${crew.teams[0]!.id}`;
    await page.goto(outcomesPage);
    await expect(page.getByRole("heading", { name: "No real customer outcomes yet" })).toBeVisible();

    await upload(page, "helpdesk.csv", csv);
    await expect(page.getByRole("heading", { name: "Check before importing" })).toBeVisible();
    await expect(figure(page, "Rows read")).toHaveText("5");
    await expect(figure(page, "New tickets")).toHaveText("4");
    await expect(figure(page, "Rows refused")).toHaveText("1");
    await expect(figure(page, "Agents matched to people")).toHaveText("2");
    await expect(figure(page, "Agents not yet known")).toHaveText("1");
    await expect(page.getByText('Line 6: date_time "next tuesday" is not a date and time')).toBeVisible();
    await expect(page.getByText("Rating scale: 1 to 5 (worked out from the ratings).")).toBeVisible();
    // The ratings as given (of the rows kept: the refused line's 4 is not among them), beside how
    // they count: 5 and 4 are satisfied, 3 and 2 are not.
    const ratings = page.getByRole("table", { name: "Ratings as given, and how they are counted" });
    await expect(ratings.locator("tbody tr")).toHaveText([/^5\s*1\s*1\.00\s*Yes$/, /^4\s*1\s*0\.75\s*Yes$/, /^3\s*1\s*0\.50\s*No$/, /^2\s*1\s*0\.25\s*No$/]);
    await expectNoSeriousViolations(page);

    // Nothing is stored by a preview: the list of imports is still empty.
    const list = await requestAs(playwright, baseURL, crew.manager.state);
    expect(await (await list.get("/team/outcomes/imports")).text()).toContain("No outcomes have been brought in yet.");

    const importId = await commitAndWait(page);
    await expect(figure(page, "New tickets")).toHaveText("4");
    await expect(figure(page, "Rows refused")).toHaveText("1");
    await expectNoSeriousViolations(page);

    // The outcomes page now counts Ana's two tickets (Ben has no mastery yet; the unknown agent is nobody's).
    await page.goto(outcomesPage);
    await expect(page.getByRole("heading", { name: "No real customer outcomes yet" })).toHaveCount(0);
    const fact = (label: string) => page.locator(".facts > div").filter({ has: page.locator("dt", { hasText: label }) }).locator("dd");
    await expect(fact("Agents with tickets and a mastery")).toHaveText("1");
    await expect(fact("Their tickets")).toHaveText("2");

    // The same file again: the preview says so and offers no import.
    await upload(page, "helpdesk-again.csv", csv);
    await expect(page.getByText("Nothing to import: every row is already stored as it is")).toBeVisible();
    await expect(figure(page, "Already stored, unchanged")).toHaveText("4");
    await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
    await page.getByRole("button", { name: "Cancel and delete the file" }).click();
    await expect(page.getByText("The upload was deleted. Nothing was imported.")).toBeVisible();
    await expect(page.locator("tbody tr")).toHaveCount(1);

    // A later version of one ticket replaces the stored one, and the preview says which.
    const [ana] = crew.trainees;
    await upload(page, "update.csv", [HEADER, `${crew.tag}-1,${ana!.email},${daysAgo(10)},1,no,yes,chat`].join("\n"));
    await expect(figure(page, "Replacing stored tickets")).toHaveText("1");
    await expect(page.getByText(new RegExp(`Line 2: ticket ${crew.tag}-1 from .* replaces the version from .* \\(import ${importId}\\)`))).toBeVisible();
    const updateId = await commitAndWait(page);

    // Undo the update: it stops counting and the first version is back (the update's preview
    // would again offer it as a replacement).
    await page.getByRole("button", { name: "Undo the import" }).click();
    await expect(page.getByText("The import was undone.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Undone" })).toBeVisible();
    await upload(page, "update-again.csv", [HEADER, `${crew.tag}-1,${ana!.email},${daysAgo(10)},1,no,yes,chat`].join("\n"));
    await expect(figure(page, "Replacing stored tickets")).toHaveText("1");
    expect(updateId).toBeGreaterThan(importId);
    await list.dispose();
    await page.close();
  });

  test("another team's manager can neither see nor undo an import", async ({ browser, playwright, baseURL }) => {
    const [mine, theirs] = await Promise.all([createCrew(playwright, baseURL, [["Cleo", "Dan"]]), createCrew(playwright, baseURL, [["Eva"]])]);
    const page = await openPage(browser, { storageState: mine.manager.state });
    await upload(page, "mine.csv", fileFor(mine));
    const importId = await commitAndWait(page);
    await page.close();

    const other = await requestAs(playwright, baseURL, theirs.manager.state);
    expect((await other.get(`/team/outcomes/imports/${importId}`)).status()).toBe(404);
    const undo = await other.post(`/team/outcomes/imports/${importId}`, { headers: { Origin: originOf(baseURL!) }, maxRedirects: 0 });
    expect(undo.status()).toBe(404);
    const listing = await (await other.get("/team/outcomes/imports")).text();
    expect(listing).not.toContain("mine.csv");
    // Their manager's own upload cannot take rows for people outside their teams either.
    const otherPage = await openPage(browser, { storageState: theirs.manager.state });
    await upload(otherPage, "poach.csv", [HEADER, `${theirs.tag}-p,${mine.trainees[0]!.email},${daysAgo(3)},5,yes,,chat`].join("\n"));
    await expect(otherPage.getByText(`agent_email "${mine.trainees[0]!.email}" is not in a team you manage`)).toBeVisible();
    await otherPage.close();

    const mineAgain = await requestAs(playwright, baseURL, mine.manager.state);
    expect((await mineAgain.get(`/team/outcomes/imports/${importId}`)).status()).toBe(200);
    await Promise.all([other.dispose(), mineAgain.dispose()]);
  });

  test("an unknown helpdesk agent is mapped once to a person", async ({ browser, playwright, baseURL }) => {
    const crew = await createCrew(playwright, baseURL, [["Fay", "Gus"]]);
    const page = await openPage(browser, { storageState: crew.manager.state });
    await upload(page, "agents.csv", fileFor(crew));
    await commitAndWait(page);
    await page.getByRole("link", { name: "Helpdesk agents and who they are" }).click();
    const agent = `helper-${crew.tag}@helpdesk.example`;
    await page.getByLabel(new RegExp(agent.replace(/[.]/g, "\\."))).selectOption({ label: `${crew.trainees[1]!.name} (${crew.trainees[1]!.email})` });
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(`${agent} is now ${crew.trainees[1]!.name}: 1 tickets count for them.`)).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(agent.replace(/[.]/g, "\\.")) })).toBeVisible();
    await expectNoSeriousViolations(page);
    await page.close();
  });

  test("bad files get a clear reason and store nothing", async ({ browser, playwright, baseURL }) => {
    const crew = await createCrew(playwright, baseURL, [["Hal"]]);
    const page = await openPage(browser, { storageState: crew.manager.state });
    const hal = crew.trainees[0]!;

    await upload(page, "empty.csv", "", { expectPreview: false });
    await expect(page.getByRole("alert")).toHaveText("The file is empty. Nothing was stored.");
    await upload(page, "blank-lines.csv", "\n\n\n");
    await expect(page.getByText("The file has no rows: not even a header line.")).toBeVisible();

    await upload(page, "latin1.csv", Buffer.concat([Buffer.from(`${HEADER}\nx-1,${hal.email},2026-01-01T10:00:00Z,5,yes,,caf`), Buffer.from([0xe9]), Buffer.from("\n")]));
    await expect(page.getByText(/The file is not UTF-8 text/)).toBeVisible();

    await upload(page, "missing.csv", `ticket_id,agent_email,date_time,solved_on_first_contact\nm-1,${hal.email},2026-01-01T10:00:00Z,yes`);
    await expect(page.getByText(/The file has no rating column/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Which column holds what?" })).toBeVisible();

    const tag = crew.tag;
    await upload(
      page,
      "hostile.csv",
      [
        HEADER,
        `=HYPERLINK("http://evil.example/x"),${hal.email},${daysAgo(2)},5,yes,,chat`,
        `${tag}-ok,${hal.email},${daysAgo(2)},5,yes,,chat`,
        `${tag}-ok,${hal.email},${daysAgo(2)},5,yes,,chat`,
        `${tag}-c,${hal.email},${daysAgo(2)},5,yes,,@SUM(1)`,
      ].join("\n"),
    );
    await expect(page.getByText(/Line 2: ticket_id looks like a spreadsheet formula/)).toBeVisible();
    await expect(page.getByText(/Line 5: channel looks like a spreadsheet formula/)).toBeVisible();
    await expect(page.getByText("Line 3 is the same as line 4.")).toBeVisible();
    await expect(figure(page, "New tickets")).toHaveText("1");

    // A file of exactly 50 MB (50 MiB) is taken and previewed; one byte more is refused before it is read.
    const request = await requestAs(playwright, baseURL, crew.manager.state);
    const header = Buffer.from(`${HEADER}\n`);
    const atLimit = Buffer.alloc(50 * 1024 * 1024, 0x0a);
    header.copy(atLimit);
    const taken = await request.post("/team/outcomes/imports", {
      headers: { Origin: originOf(baseURL!) },
      multipart: { file: { name: "fifty.csv", mimeType: "text/csv", buffer: atLimit }, format: "auto", scale: "detect", team: "all", source: "" },
      maxRedirects: 0,
    });
    expect(taken.status()).toBe(302);
    const previewPath = taken.headers()["location"]!;
    expect(previewPath).toMatch(/^\/team\/outcomes\/imports\/preview\//);
    const discarded = await request.post(previewPath, { headers: { Origin: originOf(baseURL!) }, form: { intent: "discard" }, maxRedirects: 0 });
    expect(discarded.headers()["location"]).toBe("/team/outcomes/imports?discarded=1");

    const oneByteOver = await request.post("/team/outcomes/imports", {
      headers: { Origin: originOf(baseURL!) },
      multipart: { file: { name: "over.csv", mimeType: "text/csv", buffer: Buffer.alloc(50 * 1024 * 1024 + 1, 0x61) }, format: "auto", scale: "detect", team: "all", source: "" },
      maxRedirects: 0,
    });
    expect(oneByteOver.status()).toBe(413);
    expect(await oneByteOver.text()).toContain("The file is larger than 50 MB.");
    // A body that declares more than the limit is answered before a byte of it is read.
    const big = Buffer.alloc(51 * 1024 * 1024, 0x61);
    const response = await request.post("/team/outcomes/imports", {
      headers: { Origin: originOf(baseURL!) },
      multipart: { file: { name: "big.csv", mimeType: "text/csv", buffer: big }, format: "auto", scale: "detect", team: "all", source: "" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(413);
    expect(await response.text()).toContain("Uploads can be up to 50 MB");
    expect(await (await request.get("/team/outcomes/imports")).text()).toContain("No outcomes have been brought in yet.");
    await request.dispose();
    await page.close();
  });

  for (const width of [375, 1280]) {
    test(`the import pages fit and pass axe at ${width} px`, async ({ browser, playwright, baseURL }) => {
      const crew = await createCrew(playwright, baseURL, [["Ida", "Jo"]]);
      const page = await openPage(browser, { storageState: crew.manager.state, viewport: { width, height: 900 } });
      await upload(page, "layout.csv", fileFor(crew));
      await expectNoHorizontalScroll(page, width);
      await commitAndWait(page);
      await expectNoHorizontalScroll(page, width);
      await page.goto("/team/outcomes/imports");
      await expectNoSeriousViolations(page);
      await expectNoHorizontalScroll(page, width);
      await page.close();
    });
  }
});
