/**
 * The contract: the shared examples. Every expected `play` result must be
 * reproduced exactly, and every invalid file refused at its expected line.
 */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkScenarioSource } from "./check";
import { playByPositions } from "./play";

const dir = new URL("./__fixtures__/shared/", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), "utf8");
const numbers = (list: string | undefined) => (list ? list.split(",").map(Number) : []);

interface ExpectedFile {
  file: string;
  cases: { choices: string; late?: string; expect: Record<string, unknown> }[];
}

for (const name of ["parcel-third-call", "returns-desk-loop"]) {
  const expected = JSON.parse(read(`${name}.expected.json`)) as ExpectedFile;
  describe(`${name}: every expected play result`, () => {
    const { scenario, problems } = checkScenarioSource(read(expected.file), { path: expected.file, hash: "h" });

    it("is a valid scenario", () => {
      expect(problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(scenario).not.toBeNull();
    });

    it.each(expected.cases.map((c) => [`--choices ${c.choices}${c.late ? ` --late ${c.late}` : ""}`, c] as const))("%s", (_, c) => {
      const outcome = playByPositions(scenario!, numbers(c.choices), numbers(c.late));
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      expect(outcome.result).toEqual(c.expect);
      // Same keys in the same order as the contract.
      expect(JSON.stringify(outcome.result)).toBe(JSON.stringify(c.expect));
    });
  });
}

describe("every file in the shared invalid corpus is refused at its expected line", () => {
  const expected = JSON.parse(read("invalid/expected.json")) as Record<string, { line: number; why: string } | string>;
  const files = readdirSync(new URL("invalid/", dir)).filter((f) => f.endsWith(".mdx"));

  it("covers every file", () => {
    expect(files.sort()).toEqual(Object.keys(expected).filter((k) => k.endsWith(".mdx")).sort());
  });

  it.each(files)("%s", (file) => {
    const entry = expected[file] as { line: number; why: string };
    const { scenario, problems } = checkScenarioSource(read(`invalid/${file}`), { path: file, hash: "h" });
    expect(scenario).toBeNull();
    const lines = problems.filter((p) => p.severity === "error").map((p) => p.line);
    expect(lines, entry.why).toContain(entry.line);
  });
});

describe("Windows line endings (CRLF) read exactly like LF", () => {
  const crlf = (text: string) => text.replace(/\r?\n/g, "\r\n");

  it.each(["parcel-third-call.mdx", "returns-desk-loop.mdx"])("%s gives the same scenario and no problem", (file) => {
    const lf = checkScenarioSource(read(file), { path: file, hash: "h" });
    const windows = checkScenarioSource(crlf(read(file)), { path: file, hash: "h" });
    expect(windows.problems).toEqual(lf.problems);
    expect(windows.scenario).toEqual(lf.scenario);
  });

  it.each(readdirSync(new URL("invalid/", dir)).filter((f) => f.endsWith(".mdx")))("invalid/%s reports the same problems at the same lines", (file) => {
    const lf = checkScenarioSource(read(`invalid/${file}`), { path: file, hash: "h" });
    const windows = checkScenarioSource(crlf(read(`invalid/${file}`)), { path: file, hash: "h" });
    expect(windows.problems).toEqual(lf.problems);
  });
});
