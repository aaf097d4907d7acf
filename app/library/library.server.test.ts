import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createScenarioCache, defaultCacheDir } from "./cache.server";
import { COMPILED_FORMAT } from "./compile.server";
import { checkFiles, findScenarioFiles, MissingPathError } from "./files.server";
import { loadLibrary } from "./library.server";
import { contentHash } from "./hash.server";

const fixtures = path.join(import.meta.dirname, "../engine/__fixtures__/shared");
const work = mkdtempSync(path.join(tmpdir(), "frontline-library-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function library(name: string) {
  const dir = path.join(work, name, "scenarios");
  mkdirSync(path.join(dir, "more"), { recursive: true });
  cpSync(path.join(fixtures, "parcel-third-call.mdx"), path.join(dir, "a-parcel.mdx"));
  cpSync(path.join(fixtures, "returns-desk-loop.mdx"), path.join(dir, "more", "returns.mdx"));
  cpSync(path.join(fixtures, "invalid", "import.mdx"), path.join(dir, "b-import.mdx"));
  // Same id as a-parcel.mdx, later in path order: refused.
  cpSync(path.join(fixtures, "parcel-third-call.mdx"), path.join(dir, "c-parcel-copy.mdx"));
  writeFileSync(path.join(dir, "notes.txt"), "not a scenario");
  return { dir, cache: createScenarioCache(path.join(work, name, "cache")) };
}

describe("loadLibrary", () => {
  it("loads valid files, lists bad ones with their problems, and lets the first of a duplicate id win", async () => {
    const { dir, cache } = library("first");
    const result = await loadLibrary({ dir, cache });
    expect(result.scenarios.map((s) => s.scenario.id)).toEqual(["parcel-third-call", "returns-desk-loop"]);
    expect(result.scenarios[0]!.path).toMatch(/a-parcel\.mdx$/);
    expect(result.invalid.map((f) => [path.basename(f.path), f.problems.filter((p) => p.severity === "error").map((p) => `${p.line}:${p.rule}`)])).toEqual([
      ["b-import.mdx", ["11:esm"]],
      ["c-parcel-copy.mdx", ["2:duplicate-scenario"]],
    ]);
    expect(result.compiled).toBe(2);
  });

  it("compiles nothing on a warm start and only what changed afterwards", async () => {
    const { dir, cache } = library("warm");
    const cold = await loadLibrary({ dir, cache });
    expect(cold.compiled).toBe(2);
    expect(cold.cached).toBe(1); // c-parcel-copy.mdx has the same content hash as a-parcel.mdx
    const warm = await loadLibrary({ dir, cache });
    expect(warm.compiled).toBe(0);
    expect(warm.scenarios.map((s) => s.html)).toEqual(cold.scenarios.map((s) => s.html));

    const returns = path.join(dir, "more", "returns.mdx");
    writeFileSync(returns, readFileSync(returns, "utf8").replace("Pablo leaves with store credit.", "Pablo leaves, credit in hand."));
    const changed = await loadLibrary({ dir, cache });
    expect(changed.compiled).toBe(1);
    expect(changed.scenarios[1]!.html["ending:credited"]).toBe("<p>Pablo leaves, credit in hand.</p>");
  });

  it("recompiles a torn or foreign cache entry", async () => {
    const { dir, cache } = library("torn");
    await loadLibrary({ dir, cache });
    const hash = contentHash(readFileSync(path.join(dir, "a-parcel.mdx"), "utf8"));
    writeFileSync(path.join(cache.dir, `${hash}.json`), "{ not json");
    expect(cache.read(hash)).toBeNull();
    const again = await loadLibrary({ dir, cache });
    expect(again.compiled).toBe(1);
    expect(cache.read(hash)?.format).toBe(COMPILED_FORMAT);
    expect(readdirSync(cache.dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("returns an empty library for a missing folder", async () => {
    const result = await loadLibrary({ dir: path.join(work, "nothing-here"), cache: createScenarioCache(path.join(work, "nothing-cache")) });
    expect(result).toEqual({ scenarios: [], archived: [], invalid: [], compiled: 0, cached: 0 });
  });
});

describe("compiled content", () => {
  it("has server-rendered HTML for the brief and every customer line, coach note, choice and ending", async () => {
    const { dir, cache } = library("html");
    const { scenarios } = await loadLibrary({ dir, cache });
    const parcel = scenarios[0]!;
    const keys = Object.keys(parcel.html);
    expect(keys).toContain("brief");
    expect(keys).toContain("step:details:coach");
    for (const step of parcel.scenario.steps) {
      for (const piece of [...step.customer, ...step.choices.map((c) => c.text)]) expect(parcel.html[piece.key]).toMatch(/^<p>/);
    }
    expect(parcel.html["step:opening:customer:1"]).toBe("<p>This is the <strong>third</strong> time I&#x27;m calling. Where is my parcel?</p>");
    expect(parcel.html["brief"]).toContain("You <strong>cannot</strong> promise delivery tomorrow.");
    expect(parcel.html["ending:lost"]).toBe("<p>Marta hangs up. The next day she cancels the order and posts a one-star review.</p>");
    for (const html of Object.values(parcel.html)) expect(html).not.toMatch(/<script|frontline-piece|data-at/);
    // Plain JSON: what is cached is exactly what is loaded.
    expect(JSON.parse(JSON.stringify(parcel.html))).toEqual(parcel.html);
  });

  it("compiles a file saved with Windows line endings to the same content", async () => {
    const { dir, cache } = library("crlf");
    const lf = (await loadLibrary({ dir, cache })).scenarios[0]!;
    const crlfDir = path.join(work, "crlf-only");
    mkdirSync(crlfDir, { recursive: true });
    writeFileSync(path.join(crlfDir, "parcel.mdx"), readFileSync(path.join(fixtures, "parcel-third-call.mdx"), "utf8").replace(/\n/g, "\r\n"));
    const { scenarios, invalid } = await loadLibrary({ dir: crlfDir, cache });
    expect(invalid).toEqual([]);
    expect(scenarios[0]!.html).toEqual(lf.html);
  });

  it("renders allowed links with rel=noopener", async () => {
    const dir = path.join(work, "links");
    mkdirSync(dir, { recursive: true });
    const source = readFileSync(path.join(fixtures, "returns-desk-loop.mdx"), "utf8").replace(
      "Pablo walks out, jacket still in his bag.",
      "Pablo walks out. [Returns policy](https://example.com/returns).",
    );
    writeFileSync(path.join(dir, "returns.mdx"), source);
    const { scenarios } = await loadLibrary({ dir, cache: createScenarioCache(path.join(work, "links-cache")) });
    expect(scenarios[0]!.html["ending:walked-out"]).toBe(
      '<p>Pablo walks out. <a href="https://example.com/returns" rel="noopener noreferrer nofollow">Returns policy</a>.</p>',
    );
  });
});

describe("files and cache location", () => {
  it("finds .mdx files in path order and reports missing paths", () => {
    const { dir } = library("find");
    expect(findScenarioFiles([dir]).map((f) => path.relative(dir, f))).toEqual(["a-parcel.mdx", "b-import.mdx", "c-parcel-copy.mdx", "more/returns.mdx"]);
    expect(() => findScenarioFiles([path.join(dir, "missing.mdx")])).toThrow(MissingPathError);
  });

  it("checkFiles reports duplicate ids without compiling", () => {
    const { dir } = library("check");
    const checked = checkFiles(findScenarioFiles([dir]));
    expect(checked.map((c) => c.scenario?.id ?? null)).toEqual(["parcel-third-call", null, null, "returns-desk-loop"]);
    expect(checked[2]!.problems.at(-1)).toMatchObject({ rule: "duplicate-scenario", line: 2, column: 1 });
  });

  it("uses SCENARIO_CACHE_DIR, else data/cache/scenarios under the working directory", () => {
    const saved = process.env.SCENARIO_CACHE_DIR;
    try {
      process.env.SCENARIO_CACHE_DIR = path.join(work, "custom");
      expect(defaultCacheDir()).toBe(path.join(work, "custom"));
      delete process.env.SCENARIO_CACHE_DIR;
      expect(defaultCacheDir()).toBe(path.join(process.cwd(), "data", "cache", "scenarios"));
    } finally {
      if (saved === undefined) delete process.env.SCENARIO_CACHE_DIR;
      else process.env.SCENARIO_CACHE_DIR = saved;
    }
  });
});
