import { describe, expect, it } from "vitest";
import { checkMarkdown } from "./guide-check";
import { renderContentPage } from "./content-page.server";

describe("content pages", () => {
  it("renders How XP works with its tables, under the page's own title", async () => {
    const html = await renderContentPage("how-xp-works");
    expect(html).toContain("<table>");
    expect(html).toContain("<td>Newcomer</td>");
    expect(html).toContain("<td>Calm under fire</td>");
    expect(html).not.toContain("<h1");
  });

  it("allows tables only where asked, and still refuses HTML and script in them", () => {
    const table = "| a | b |\n| --- | --- |\n| 1 | 2 |\n";
    expect(checkMarkdown(table, "a page", { tables: true })).toEqual([]);
    expect(checkMarkdown("| a | <b>x</b> |\n| --- | --- |\n| 1 | {alert(1)} |\n", "a page", { tables: true }).map((problem) => problem.message)).toEqual([
      "<b> is not allowed in a page",
      "mdxTextExpression is not allowed in a page",
    ]);
  });
});
