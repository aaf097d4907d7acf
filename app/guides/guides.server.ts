import fs from "node:fs";
import path from "node:path";
import { getMDXComponent } from "mdx-bundler/client/index.js";
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { projectRoot } from "#db/paths.server";
import { SKILLS } from "~/engine/types";
import { bundleBody } from "~/library/compile.server";
import { contentHash } from "~/library/hash.server";
import { checkGuideSource, type GuideFrontMatter } from "./guide-check";

export type Guide = GuideFrontMatter & { html: string };

const guidesDir = path.join(projectRoot, "content", "skills");
export const markdownComponents = {
  a: ({ href, children }: { href?: string; children?: ReactNode }) => createElement("a", { href, rel: "noopener noreferrer nofollow" }, children),
};

// Rendered guides by content hash: an unchanged file is never compiled twice in a process.
const rendered = new Map<string, Guide | null>();

async function renderGuide(file: string): Promise<Guide | null> {
  const source = fs.readFileSync(file, "utf8");
  const hash = contentHash(source);
  if (rendered.has(hash)) return rendered.get(hash) ?? null;
  const checked = checkGuideSource(source);
  let guide: Guide | null = null;
  if (checked.frontMatter) {
    // The check passed, so the body is plain markdown; only now may it reach the bundler.
    const code = await bundleBody(checked.body);
    const html = renderToStaticMarkup(createElement(getMDXComponent(code), { components: markdownComponents }));
    guide = { ...checked.frontMatter, html };
  } else {
    const where = path.relative(projectRoot, file);
    for (const problem of checked.problems) console.error(`${where}:${problem.line}:${problem.column} guide refused: ${problem.message}`);
  }
  rendered.set(hash, guide);
  return guide;
}

export async function listGuides(): Promise<Guide[]> {
  if (!fs.existsSync(guidesDir)) return [];
  const files = fs.readdirSync(guidesDir).filter((name) => name.endsWith(".mdx")).sort();
  const guides: Guide[] = [];
  for (const name of files) {
    const guide = await renderGuide(path.join(guidesDir, name));
    if (guide) guides.push(guide);
  }
  // In the order the skills appear everywhere else, not the files' alphabetical order.
  return guides.sort((a, b) => SKILLS.indexOf(a.skill) - SKILLS.indexOf(b.skill));
}

/** The guide for a skill named in a URL; undefined for anything that is not a skill with a guide. */
export async function findGuide(skill: string | undefined): Promise<Guide | undefined> {
  return (await listGuides()).find((guide) => guide.skill === skill);
}
