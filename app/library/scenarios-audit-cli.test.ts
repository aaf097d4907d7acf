/** The `scenarios audit`, `blind-export` and `blind-score` commands (app/cli/scenarios.ts). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../cli/scenarios";
import type { BlindKey } from "~/engine";

const shared = path.join(import.meta.dirname, "../engine/__fixtures__/shared");
const parcel = path.join(shared, "parcel-third-call.mdx");
const returns = path.join(shared, "returns-desk-loop.mdx");
const work = mkdtempSync(path.join(tmpdir(), "frontline-audit-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void out.push(args.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void err.push(args.join(" ")));
});
afterEach(() => vi.restoreAllMocks());

describe("audit", () => {
  it("prints each scenario's figures and warnings, then the library against the targets; exit 0 with warnings", () => {
    expect(main(["audit", parcel, returns])).toBe(0);
    const lines = out.join("\n").split("\n");
    expect(lines.filter((l) => / \d+ decisions?, \d+ assessing a skill · best is longest \d+ of \d+ \(\d+ %\)/.test(l))).toHaveLength(2);
    expect(lines.filter((l) => /^ {2}naive strategies: always longest \d+ · most apologetic \d+ · first \d+ · random \d+(\.\d)?/.test(l))).toHaveLength(2);
    const findings = lines.filter((l) => l.includes(" audit-"));
    expect(findings.length).toBeGreaterThan(0);
    for (const line of findings) expect(line).toMatch(/^\S+\.mdx:\d+:\d+ (warning|info) audit-[a-z-]+ .+/);
    expect(lines).toContain("Library: 2 scenarios, 15 decisions (14 assessing a skill)");
    expect(lines.find((l) => l.includes("best is longest ") && l.includes("target ≤ 35 %"))).toBeDefined();
    expect(lines.find((l) => l.startsWith("  always first") && l.includes("target ≤ 55"))).toBeDefined();
    expect(lines.find((l) => l.startsWith("  skill assessed"))).toMatch(/listening: 2/);
  });

  it("--json gives the same figures for machines", () => {
    expect(main(["audit", returns, "--json"])).toBe(0);
    const report = JSON.parse(out.join("\n")) as {
      library: { decisions: number; longestBest: { count: number; of: number }; strategies: Record<string, number>; targets: unknown };
      scenarios: { id: string; strategies: Record<string, number>; findings: { rule: string; line: number }[] }[];
      refused: unknown[];
    };
    expect(report.library.decisions).toBe(8);
    expect(report.scenarios.map((s) => s.id)).toEqual(["returns-desk-loop"]);
    expect(Object.keys(report.scenarios[0]!.strategies)).toEqual(["longest", "apologetic", "first", "random"]);
    expect(report.library.strategies.longest).toBe(report.scenarios[0]!.strategies.longest);
    expect(report.scenarios[0]!.findings.map((f) => f.rule)).toContain("audit-no-skill-difference");
    expect(report.refused).toEqual([]);
  });

  it("lists files that fail check as refused, leaves them out, and works on absolute paths elsewhere", () => {
    writeFileSync(path.join(work, "broken.mdx"), "---\nid: broken\n---\n");
    expect(main(["audit", path.join(work, "broken.mdx"), path.join(shared, "invalid"), returns])).toBe(0);
    const text = out.join("\n");
    expect(text).toContain(`${path.join(work, "broken.mdx")} refused: fails check`);
    expect(text).toMatch(/missing-target\.mdx refused: fails check \(\d+ errors?; first: .*unknown-target/);
    expect(text).toContain("Library: 1 scenario, 8 decisions (7 assessing a skill); 6 files refused");
  });

  it("exits 2 on a missing path or an unknown option", () => {
    expect(main(["audit", "no/such/folder"])).toBe(2);
    expect(main(["audit", returns, "--frobnicate", "1"])).toBe(2);
    expect(main(["audit", returns, "--json=yes"])).toBe(2);
  });
});

describe("blind-export and blind-score", () => {
  const dir = path.join(work, "blind");
  const read = (name: string) => readFileSync(path.join(dir, name), "utf8");

  it("writes a packet without answers or hints, a key and a template, the same every time", () => {
    expect(main(["blind-export", parcel, returns, "--out", dir])).toBe(0);
    expect(out.join("\n")).toMatch(/^14 decisions from 2 scenarios written to /);
    const packet = read("packet.md");
    const key = JSON.parse(read("key.json")) as BlindKey;
    expect(Object.keys(key)).toHaveLength(14);
    expect(packet).toContain("| `apology-without-liability` |");
    expect(packet).not.toContain("Where each principle is practised");
    expect(packet).toContain("## No receipt, no problem?");
    expect(packet).toContain("### D14");
    for (const file of [parcel, returns]) {
      const source = readFileSync(file, "utf8");
      for (const [, feedback] of source.matchAll(/feedback="([^"]+)"/g)) expect(packet).not.toContain(feedback);
      for (const [, coach] of source.matchAll(/<Coach>([^<]+)<\/Coach>/g)) expect(packet).not.toContain(coach!.trim());
    }
    const decisions = packet.slice(packet.indexOf("\n## ", packet.indexOf("## The principles") + 1));
    expect(decisions).not.toMatch(/=\{-?\d\}|\b(listening|empathy|calm|persuasion|expectations)\b|\b[a-z-]+\.\d+\b/);
    for (const heading of decisions.match(/^#{3,}.*$/gm)!) expect(heading).toMatch(/^### D\d+$/);
    expect(read("answer-template.md")).toMatch(/\nD1: \nD2: [\s\S]*\nD14: \n$/);
    const first = read("packet.md") + read("key.json");
    main(["blind-export", parcel, returns, "--out", dir]);
    expect(read("packet.md") + read("key.json")).toBe(first);
  });

  it("scores answers against the key", () => {
    const key = JSON.parse(read("key.json")) as BlindKey;
    const wrong = (n: string) => Object.keys(key[n]!.letters).find((l) => l !== key[n]!.best)!;
    const answers = [
      `D1: ${key.D1!.best}, difficulty 1`,
      `D2: ${key.D2!.best.toLowerCase()}, 2, took a moment`,
      `D3: ${wrong("D3")}, difficulty 3`,
      `D4: ${key.D4!.best}`,
      "D5: ",
      "D99: A",
    ].join("\n");
    writeFileSync(path.join(work, "answers.md"), answers);
    out = [];
    expect(main(["blind-score", dir, path.join(work, "answers.md")])).toBe(0);
    expect(out.slice(0, 4)).toEqual([
      "answered: 4 of 14 decisions",
      "agreement with the authored best reply: 3 of 4 answered (75 %)",
      "rated 2 or 3 (took thought): 2 of 3 rated (67 %)",
      "disagreements:",
    ]);
    const d3 = key.D3!;
    expect(out[4]).toBe(`  D3 ${d3.scenario}:${d3.step} picked ${wrong("D3")} "${d3.texts[wrong("D3")]}"; authored ${d3.best} "${d3.texts[d3.best]}"`);
    expect(err.join("\n")).toContain("line 6: D99 is not a decision in the key");
  });

  it("exits 2 without --out, a key or an answers file", () => {
    expect(main(["blind-export", returns])).toBe(2);
    expect(main(["blind-score", path.join(work, "nowhere"), path.join(work, "answers.md")])).toBe(2);
    expect(main(["blind-score", dir, path.join(work, "missing.md")])).toBe(2);
    expect(main(["blind-score", dir])).toBe(2);
  });
});
