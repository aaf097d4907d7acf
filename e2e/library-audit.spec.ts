// The trainer's library page shows the assessment-quality audit: library figures
// against targets, breadth, and each scenario folded in <details>.
import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousViolations } from "./play-support";
import { stateFile } from "./support";

test.use({ storageState: stateFile("trainer") });

for (const width of [375, 1280]) {
  test(`library audit at ${width} px: figures, targets and findings, readable and accessible`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/library");
    const audit = page.getByRole("region", { name: "Can the scores be gamed?" });
    await expect(audit).toBeVisible();
    const figures = audit.getByRole("table", { name: "The library's audit figures against their targets" });
    for (const measure of ["Best reply is also the longest", "Decisions with a tempting wrong reply", "Always the longest reply", "Always the most apologetic reply", "Always the first reply", "Random replies"]) {
      await expect(figures.getByRole("rowheader", { name: measure })).toBeVisible();
    }
    await expect(figures.getByRole("row").filter({ hasText: "Best reply is also the longest" })).toContainText(/\d+ % \(\d+ of \d+\)\s*at most 35 %\s*(Met|Missed)/);
    await expect(figures.getByRole("row").filter({ hasText: "Random replies" })).toContainText("Reference");
    await expect(audit.getByRole("table", { name: "Scenarios per persona, channel, difficulty and skill" })).toBeVisible();

    // Folded by default; opening one shows its figures and its findings with line and column.
    // (Any scenario: the library is being rewritten, so no title or finding is assumed.)
    const first = audit.locator("details").first();
    await expect(first.getByRole("table")).toBeHidden();
    await first.locator("summary").click();
    await expect(first.getByRole("table", { name: /^Audit figures for / })).toBeVisible();
    await expect(first.getByText(/\.mdx:\d+:\d+|No findings/).first()).toBeVisible();

    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    await expectNoHorizontalScroll(page, width);
    await expectNoSeriousViolations(page);
    // For a person to look at (test-results/ is not committed).
    await page.evaluate(() => document.getElementById("audit-title")!.scrollIntoView());
    await page.screenshot({ path: testInfo.outputPath(`library-audit-${width}-top.png`) });
    await first.screenshot({ path: testInfo.outputPath(`library-audit-${width}-scenario.png`) });
  });
}
