/**
 * The hostile corpus (ours and the shared invalid files): each file is
 * refused where expected, and nothing in any of them ever runs, whether it
 * goes through check, compile, the whole library, or straight to the bundler.
 * Files that once stalled the check (generated here) are refused in milliseconds.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { bundleMDX } from "mdx-bundler";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { checkScenarioSource } from "~/engine";
import { bundleBody, compileScenario, RefusedFrontMatterError, safeGrayMatterOptions } from "./compile.server";
import { createScenarioCache } from "./cache.server";
import { loadLibrary } from "./library.server";
import { main as scenariosCli } from "../cli/scenarios";

const FLAG = "__frontlinePwned";
const flags = globalThis as Record<string, unknown>;
const hostileDir = path.join(import.meta.dirname, "../engine/__fixtures__/hostile");
const invalidDir = path.join(import.meta.dirname, "../engine/__fixtures__/shared/invalid");
const expected = JSON.parse(readFileSync(path.join(hostileDir, "expected.json"), "utf8")) as Record<string, { line: number; rule: string; why: string }>;
const hostile = readdirSync(hostileDir).filter((f) => f.endsWith(".mdx"));
const corpus = [...hostile.map((f) => path.join(hostileDir, f)), ...readdirSync(invalidDir).filter((f) => f.endsWith(".mdx")).map((f) => path.join(invalidDir, f))];

beforeEach(() => {
  delete flags[FLAG];
});
afterEach(() => {
  expect(flags[FLAG], "hostile code ran").toBeUndefined();
});

describe("hostile files are refused where they are", () => {
  it("every hostile file has an expectation", () => {
    expect(hostile.sort()).toEqual(Object.keys(expected).filter((k) => k.endsWith(".mdx")).sort());
  });

  it.each(hostile)("%s", (file) => {
    const { line, rule, why } = expected[file]!;
    const { scenario, problems } = checkScenarioSource(readFileSync(path.join(hostileDir, file), "utf8"), { path: file, hash: "h" });
    expect(scenario).toBeNull();
    expect(problems.filter((p) => p.severity === "error").map((p) => `${p.line}:${p.rule}`), why).toContain(`${line}:${rule}`);
  });
});

describe("nothing in the corpus ever runs", () => {
  it.each(corpus.map((f) => [path.basename(f), f]))("%s: check and compile refuse it", async (_, file) => {
    const source = readFileSync(file, "utf8");
    expect(checkScenarioSource(source, { path: file, hash: "h" }).scenario).toBeNull();
    const compiled = await compileScenario(source, { path: file, hash: "h" });
    expect(compiled.compiled).toBeNull();
  });

  it.each(corpus.map((f) => [path.basename(f), f]))("%s: even sent straight to the bundler, it runs nothing", async (_, file) => {
    const source = readFileSync(file, "utf8");
    // Bypass the check on purpose: the bundler's own gates (safe gray-matter engines, the remark gate) must hold.
    // (remark-mdx-frontmatter warns about the !!js tag it leaves unresolved; keep the test output quiet.)
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    await bundleBody(source).catch(() => null);
    warn.mockRestore();
  });

  it("the whole corpus as a library loads nothing and lists every file", async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), "frontline-hostile-"));
    try {
      const library = await loadLibrary({ dir: hostileDir, cache: createScenarioCache(cacheDir) });
      expect(library.scenarios).toEqual([]);
      expect(library.invalid).toHaveLength(hostile.length);
      expect(library.compiled).toBe(0);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});

describe("gray-matter is given engines that refuse every language but YAML", () => {
  const js = readFileSync(path.join(hostileDir, "js-frontmatter.mdx"), "utf8");

  it.each(["js-frontmatter.mdx", "javascript-frontmatter.mdx", "coffee-frontmatter.mdx", "json-frontmatter.mdx", "spaced-js-frontmatter.mdx"])(
    "%s is refused by bundleMDX's gray-matter call",
    async (file) => {
      const source = readFileSync(path.join(hostileDir, file), "utf8");
      await expect(bundleBody(source)).rejects.toThrow(RefusedFrontMatterError);
    },
  );

  it("canary: without those engines the same file does run (so the tests above mean something)", async () => {
    await bundleMDX({ source: js }).catch(() => null);
    expect(flags[FLAG]).toBe("js-frontmatter");
    delete flags[FLAG];
  });

  it("keeps YAML working through the safe engines", async () => {
    const options = safeGrayMatterOptions({}) as { engines: Record<string, { parse: (s: string) => unknown }> };
    expect(options.engines.yaml!.parse("a: 1")).toEqual({ a: 1 });
    expect(() => options.engines.javascript!.parse("({})")).toThrow(RefusedFrontMatterError);
  });
});

describe("generated hostile files (too big to keep as fixtures) are refused in milliseconds, by the library and the CLI", () => {
  const front = "---\nid: hostile\ntitle: Hostile\nsummary: A hostile file.\npersona: angry\ncustomer: Sam\nchannel: phone\ndifficulty: 1\n---\n";
  const customer = (said: string) => `${front}<Step id="a">\n  <Customer>${said}</Customer>\n  <Choice to="a">Ok.</Choice>\n</Step>\n`;
  const list: string[] = [];
  for (let length = 0, i = 0; length < 9 * 1024 * 1024; i++) length += list[list.push(" ".repeat(i) + "- item") - 1]!.length + 1;
  const files: Record<string, [string, string]> = {
    "braces-16000.mdx": [customer("{".repeat(16_000) + "}".repeat(16_000)), "too-deep"],
    "braces-8000.mdx": [customer("{".repeat(8_000) + "}".repeat(8_000)), "too-deep"],
    "indented-list-9mb.mdx": [front + list.join("\n"), "too-large"],
    "nested-customers-5000.mdx": [customer("<Customer>".repeat(5_000) + "x" + "</Customer>".repeat(5_000)), "too-deep"],
  };
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "frontline-generated-hostile-"));
    for (const [name, [text]] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("the library lists each as invalid, with its rule", async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), "frontline-hostile-cache-"));
    try {
      const start = performance.now();
      const library = await loadLibrary({ dir, cache: createScenarioCache(cacheDir) });
      expect(performance.now() - start).toBeLessThan(2_000);
      expect(library.scenarios).toEqual([]);
      const rules = Object.fromEntries(library.invalid.map((file) => [path.basename(file.path), file.problems.map((p) => p.rule)]));
      expect(rules).toEqual(Object.fromEntries(Object.entries(files).map(([name, [, rule]]) => [name, [rule]])));
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it("`scenarios check` reports them and exits 1 (5,000 nested elements threw a RangeError before)", () => {
    const out: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void out.push(args.join(" ")));
    try {
      expect(scenariosCli(["check", dir])).toBe(1);
    } finally {
      log.mockRestore();
    }
    expect(out.find((line) => line.includes("nested-customers-5000.mdx"))).toMatch(/nested-customers-5000\.mdx:\d+:\d+ error too-deep Elements are nested more than 32 deep here/);
    expect(out.at(-1)).toBe("4 files checked: 4 files refused, 4 errors, 0 warnings");
  });
});
