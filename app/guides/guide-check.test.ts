import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "#db/paths.server";
import { checkGuideSource } from "./guide-check";

const FRONT = "---\nskill: calm\ntitle: Staying calm\nsummary: Keep steady.\n---\n";

describe("checkGuideSource", () => {
  it("accepts every shipped guide", () => {
    const dir = path.join(projectRoot, "content", "skills");
    const files = fs.readdirSync(dir).filter((name) => name.endsWith(".mdx"));
    expect(files).toHaveLength(5);
    for (const name of files) {
      const checked = checkGuideSource(fs.readFileSync(path.join(dir, name), "utf8"));
      expect(checked.problems, name).toEqual([]);
      expect(checked.frontMatter?.skill).toBe(name.replace(/\.mdx$/, ""));
    }
  });

  it("accepts plain markdown with ## headings, lists, quotes and safe links", () => {
    const checked = checkGuideSource(`${FRONT}\n## Why\n\nSome *text* and **bold**, \`code\`.\n\n- one\n- two\n\n> quoted\n\n[read](https://example.com)\n`);
    expect(checked.problems).toEqual([]);
  });

  it.each([
    ["an import", "import x from './y'\n", 7],
    ["an expression", "Hello {process.exit(1)}\n", 7],
    ["a component", "<Danger />\n", 7],
    ["raw HTML", "<script>alert(1)</script>\n", 7],
    ["an image", "![x](https://example.com/x.png)\n", 7],
    ["a javascript: link", "[x](javascript:alert(1))\n", 7],
    ["a top-level heading", "# Title\n", 7],
  ])("refuses %s and says where", (_label, body, line) => {
    const checked = checkGuideSource(`${FRONT}\n${body}`);
    expect(checked.frontMatter).toBeNull();
    expect(checked.problems[0]?.line).toBe(line);
  });

  it("refuses executable front matter without running it", () => {
    const checked = checkGuideSource("---js\n{ skill: (globalThis.ranGuide = true, 'calm') }\n---\nText\n");
    expect(checked.frontMatter).toBeNull();
    expect((globalThis as { ranGuide?: boolean }).ranGuide).toBeUndefined();
  });

  it("refuses unknown or missing front-matter keys", () => {
    expect(checkGuideSource("---\nskill: calm\ntitle: T\n---\nText\n").problems[0]?.message).toMatch(/summary/);
    expect(checkGuideSource(`${FRONT.replace("---\n", "---\nextra: 1\n")}Text\n`).problems[0]?.message).toMatch(/extra/);
  });
});
