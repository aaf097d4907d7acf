/** The `scenarios` CLI (app/cli/scenarios.ts): output and exit codes. */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../cli/scenarios";

const shared = path.join(import.meta.dirname, "../engine/__fixtures__/shared");
const parcel = path.join(shared, "parcel-third-call.mdx");
const returns = path.join(shared, "returns-desk-loop.mdx");

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void out.push(args.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void err.push(args.join(" ")));
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

describe("play", () => {
  for (const [file, expectedFile] of [
    [parcel, "parcel-third-call.expected.json"],
    [returns, "returns-desk-loop.expected.json"],
  ] as const) {
    const { cases } = JSON.parse(readFileSync(path.join(shared, expectedFile), "utf8")) as {
      cases: { choices: string; late?: string; expect: unknown }[];
    };
    it.each(cases.map((c) => [c.choices, c.late ?? "", c] as const))(`${path.basename(file)} --choices %s --late %s`, (_, __, c) => {
      const args = ["play", file, "--choices", c.choices, ...(c.late ? ["--late", c.late] : [])];
      expect(main(args)).toBe(0);
      expect(JSON.parse(out.join("\n"))).toEqual(c.expect);
    });
  }

  it("exits 2 naming the step and range, the stopping step, or the ending", () => {
    expect(main(["play", parcel, "--choices", "1,5"])).toBe(2);
    expect(err.join("\n")).toMatch(/step "listen" shows 2 choices, so choose 1\.\.2/);
    expect(main(["play", parcel, "--choices", "1"])).toBe(2);
    expect(err.join("\n")).toMatch(/stops at step "listen"/);
    expect(main(["play", parcel, "--choices", "1,1,1,1,2"])).toBe(2);
    expect(err.join("\n")).toMatch(/ended at "resolved"/);
    expect(out).toEqual([]);
  });

  it("exits 2 on a missing file or bad arguments, 1 on a file that fails check", () => {
    expect(main(["play", "nope.mdx", "--choices", "1"])).toBe(2);
    expect(main(["play", parcel])).toBe(2);
    expect(main(["play", parcel, "--choices", "1,x"])).toBe(2);
    expect(main(["play", parcel, "--choices", "1", "--speed", "2"])).toBe(2);
    expect(main(["play", path.join(shared, "invalid", "missing-target.mdx"), "--choices", "1"])).toBe(1);
    expect(err.join("\n")).toContain("missing-target.mdx:15:3 error unknown-target");
  });
});

describe("check", () => {
  it("prints path:line:column severity rule message and a summary; exit 1 on errors", () => {
    expect(main(["check", path.join(shared, "invalid")])).toBe(1);
    const lines = out.join("\n").split("\n");
    expect(lines).toContain(
      `${path.relative(process.cwd(), path.join(shared, "invalid", "missing-target.mdx"))}:15:3 error unknown-target to="nowhere" names no Step or Ending`,
    );
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^\S+:\d+:\d+ (error|warning) [a-z-]+ .+/);
    expect(lines.at(-1)).toMatch(/^5 files checked: 5 files refused, \d+ errors, \d+ warnings$/);
  });

  it("exits 0 when there are only warnings, and defaults to scenarios/", () => {
    expect(main(["check", returns])).toBe(0);
    expect(out[0]).toContain("warning skill-not-assessed");
    out = [];
    expect(main(["check"])).toBe(0);
    expect(out.at(-1)).toMatch(/files checked: 0 files refused, 0 errors/);
  });

  it("exits 2 on a missing path or an unknown command", () => {
    expect(main(["check", "no/such/folder"])).toBe(2);
    expect(main(["frobnicate"])).toBe(2);
    expect(main([])).toBe(2);
  });
});

describe("paths and graph", () => {
  it("paths prints every sequence with its result as JSON", () => {
    expect(main(["paths", returns])).toBe(0);
    const entries = JSON.parse(out.join("\n")) as { choices: string; result: { ending: string } }[];
    expect(entries.length).toBeGreaterThan(10);
    expect(entries.find((e) => e.choices === "3,3,2,2")?.result).toMatchObject({ ending: "credited", overall: 54 });
  });

  it("graph prints a Mermaid flowchart", () => {
    expect(main(["graph", parcel])).toBe(0);
    expect(out.join("")).toMatch(/^flowchart TD\n/);
  });

  it("both exit 1 on a file that fails check and 2 on a missing file", () => {
    expect(main(["paths", path.join(shared, "invalid", "dead-end.mdx")])).toBe(1);
    expect(main(["graph", path.join(shared, "invalid", "import.mdx")])).toBe(1);
    expect(main(["graph", "missing.mdx"])).toBe(2);
    expect(main(["paths"])).toBe(2);
  });
});

describe("as a real process (npm run --silent scenarios -- …)", () => {
  const cli = path.join(import.meta.dirname, "../cli/scenarios.ts");
  const run = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", cli, ...args], { encoding: "utf8" });

  it("prints exactly the expected JSON and exits 0, 1 and 2 as documented", () => {
    const stdout = execFileSync(process.execPath, ["--import", "tsx", cli, "play", returns, "--choices", "3,3,2,2"], { encoding: "utf8" });
    expect(JSON.parse(stdout).skills.listening).toEqual({ points: 3, turns: 4, score: 38 });
    expect(run("check", path.join(shared, "invalid")).status).toBe(1);
    expect(run("play", returns, "--choices", "9").status).toBe(2);
  });
});
