/**
 * Reference pages written in content/*.md (for example "How XP works"): plain markdown with
 * tables, checked like a guide before it reaches the bundler, rendered once per content hash.
 */
import fs from "node:fs";
import path from "node:path";
import { getMDXComponent } from "mdx-bundler/client/index.js";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { projectRoot } from "#db/paths.server";
import { bundleBody } from "~/library/compile.server";
import { contentHash } from "~/library/hash.server";
import { checkMarkdown } from "./guide-check";
import { markdownComponents } from "./guides.server";

const PAGES = { "how-xp-works": "how-xp-works.md", "writing-scenarios": "writing-scenarios.md" } as const;
export type ContentPage = keyof typeof PAGES;

const rendered = new Map<string, string | null>();

/** The page's HTML, or null (with the problems logged) when the file is missing or refused. */
export async function renderContentPage(page: ContentPage): Promise<string | null> {
  const file = path.join(projectRoot, "content", PAGES[page]);
  if (!fs.existsSync(file)) return null;
  const source = fs.readFileSync(file, "utf8");
  const hash = contentHash(source);
  if (rendered.has(hash)) return rendered.get(hash) ?? null;
  const problems = checkMarkdown(source, "a content page", { tables: true });
  let html: string | null = null;
  if (problems.length === 0) {
    const code = await bundleBody(source, { tables: true });
    html = renderToStaticMarkup(createElement(getMDXComponent(code), { components: markdownComponents }));
  } else {
    const where = path.relative(projectRoot, file);
    for (const problem of problems) console.error(`${where}:${problem.line}:${problem.column} page refused: ${problem.message}`);
  }
  rendered.set(hash, html);
  return html;
}
