/** checkOffThread (check-pool.server.ts): the same result as the check in-process, in a warm worker, with a time limit and a bounded queue. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { checkScenarioSource } from "~/engine/check";
import { generateScenario } from "~/engine/__fixtures__/generate";
import { CHECK_QUEUE_LIMIT, checkOffThread, checkPoolStatus, checkTimeLimitMs, closeCheckPool, resolveWorkerEntry } from "./check-pool.server";

const root = path.join(import.meta.dirname, "../..");
const parcel = readFileSync(path.join(root, "scenarios/parcel-third-call.mdx"), "utf8");
const invalid = readFileSync(path.join(root, "app/engine/__fixtures__/shared/invalid/dead-end.mdx"), "utf8");
const info = { path: "scenarios/parcel-third-call.mdx", hash: "a".repeat(64) };
/** About a second of checking on this machine. */
const slow = generateScenario({ steps: 300, seed: 7 });

afterAll(() => closeCheckPool());

describe("checkOffThread", () => {
  it("gives exactly what checkScenarioSource gives, valid, invalid or hostile", async () => {
    for (const source of [parcel, invalid, "---\nid: x\n---\n" + "{".repeat(5000)]) {
      expect(await checkOffThread(source, info)).toEqual(checkScenarioSource(source, info));
    }
    expect(checkPoolStatus()).toMatchObject({ mode: "source", workerFile: path.join(root, "app/library/check-worker.ts") });
  });

  it("keeps one warm worker for check after check", async () => {
    const before = checkPoolStatus().started;
    for (let i = 0; i < 5; i++) expect((await checkOffThread(parcel, info)).scenario?.id).toBe("parcel-third-call");
    expect(checkPoolStatus().started).toBe(before);
  });

  it("leaves the event loop free while it checks", async () => {
    let last = performance.now();
    let longestGap = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    const start = performance.now();
    const result = await checkOffThread(slow, info, { timeoutMs: 60_000 });
    const took = performance.now() - start;
    clearInterval(ticker);
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    // In-process, the longest gap would be the whole check.
    expect(longestGap).toBeLessThan(took / 2);
  });

  it("stops a check that takes too long, says so, and replaces the worker", async () => {
    const before = checkPoolStatus().started;
    const start = performance.now();
    const result = await checkOffThread(slow, { path: "slow.mdx", hash: "h" }, { timeoutMs: 50 });
    expect(performance.now() - start).toBeLessThan(1_000);
    expect(result).toEqual({
      scenario: null,
      problems: [
        {
          severity: "error",
          rule: "check-timeout",
          message: expect.stringMatching(/^Checking this scenario took too long, so it was stopped \(it is \d+ KB, and the check may take \d+\.\d s\)\. The check plays every path/),
          line: 1,
          column: 1,
          path: "slow.mdx",
        },
      ],
    });
    expect(checkPoolStatus().started).toBe(before + 1);
    expect(await checkOffThread(parcel, info)).toEqual(checkScenarioSource(parcel, info));
  });

  it("gives bigger files more time, from 2 s for a small one to 5 s at the size limit, and no more beyond it", () => {
    expect(checkTimeLimitMs("x")).toBe(2000);
    expect(checkTimeLimitMs("x".repeat(128 * 1024))).toBe(3500);
    expect(checkTimeLimitMs("x".repeat(256 * 1024))).toBe(5000);
    expect(checkTimeLimitMs("é".repeat(200 * 1024))).toBe(5000);
  });

  it("answers check-busy at once when the queue is full, and every other call in turn", async () => {
    const busy = checkOffThread(slow, info, { timeoutMs: 60_000 });
    let slowDone = false;
    void busy.then(() => (slowDone = true));
    const calls = Array.from({ length: CHECK_QUEUE_LIMIT + 3 }, (_, i) => checkOffThread(parcel, { path: `f${i}.mdx`, hash: "h" }));
    const refusedAtOnce = await Promise.all(calls.slice(CHECK_QUEUE_LIMIT));
    expect(slowDone).toBe(false);
    expect(refusedAtOnce.map((r) => [r.scenario, r.problems.map((p) => p.rule)])).toEqual(Array(3).fill([null, ["check-busy"]]));
    expect(refusedAtOnce[0]!.problems[0]!.message).toMatch(/^The server is busy checking other scenarios/);
    const answered = await Promise.all(calls.slice(0, CHECK_QUEUE_LIMIT));
    expect(answered.map((r) => [r.scenario?.id, r.scenario?.path])).toEqual(answered.map((_, i) => ["parcel-third-call", `f${i}.mdx`]));
    expect(slowDone).toBe(true);
  });
});

describe("resolveWorkerEntry", () => {
  it("runs the TypeScript source with tsx from the sources", () => {
    const entry = resolveWorkerEntry(pathToFileURL(path.join(root, "app/library/check-pool.server.ts")).href, "test");
    expect(entry).toMatchObject({ mode: "source", file: path.join(root, "app/library/check-worker.ts"), eval: true });
    expect(entry!.code).toContain(JSON.stringify(path.join(root, "tsconfig.json")));
  });

  it("runs build/check-worker.js from a bundle in build/, and the source under remix dev; nothing when neither can run", () => {
    const project = mkdtempSync(path.join(tmpdir(), "frontline-pool-"));
    try {
      writeFileSync(path.join(project, "package.json"), "{}");
      mkdirSync(path.join(project, "build"));
      const bundle = pathToFileURL(path.join(project, "build/index.js")).href;
      expect(resolveWorkerEntry(bundle, "production")).toBeNull();
      writeFileSync(path.join(project, "build/check-worker.js"), "");
      expect(resolveWorkerEntry(bundle, "production")).toMatchObject({ mode: "bundle", file: path.join(project, "build/check-worker.js"), eval: false });
      // Without tsx (a production install), even development mode takes the bundle.
      mkdirSync(path.join(project, "app/library"), { recursive: true });
      copyFileSync(path.join(root, "app/library/check-worker.ts"), path.join(project, "app/library/check-worker.ts"));
      expect(resolveWorkerEntry(bundle, "development")).toMatchObject({ mode: "bundle" });
      symlinkSync(path.join(root, "node_modules"), path.join(project, "node_modules"));
      expect(resolveWorkerEntry(bundle, "development")).toMatchObject({ mode: "source", file: path.join(project, "app/library/check-worker.ts") });
      expect(resolveWorkerEntry(bundle, "production")).toMatchObject({ mode: "bundle" });
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
