import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkScenarioSource } from "./check";
import { enumeratePaths, playByPositions, scenarioToMermaid, TooManyPathsError } from "./play";
import { valid } from "./__fixtures__/helpers";

const parcel = checkScenarioSource(readFileSync(new URL("./__fixtures__/shared/parcel-third-call.mdx", import.meta.url), "utf8"), {
  path: "parcel-third-call.mdx",
  hash: "h",
}).scenario!;

describe("playByPositions", () => {
  it("names the step and the valid range when a number is out of range", () => {
    const outcome = playByPositions(parcel, [1, 3]);
    expect(outcome).toEqual({ ok: false, message: expect.stringContaining('step "listen" shows 2 choices, so choose 1..2, not 3') });
    expect(playByPositions(parcel, [0]).ok).toBe(false);
  });

  it("counts only visible choices: the promise hides one option at details", () => {
    // After "promised", details shows the correction (requires) and the vague reply, not the honest one (unless).
    expect(playByPositions(parcel, [3, 3]).ok).toBe(false);
    const vague = playByPositions(parcel, [3, 2, 2]);
    expect(vague.ok && vague.result.path).toEqual(["opening", "details", "vague", "wants-manager"]);
  });

  it("names the step when the numbers run out and the ending when some are left over", () => {
    expect(playByPositions(parcel, [1, 1])).toEqual({ ok: false, message: expect.stringContaining('stops at step "details"') });
    expect(playByPositions(parcel, [1, 1, 1, 1, 1])).toEqual({ ok: false, message: expect.stringContaining('ended at "resolved"') });
  });

  it("refuses --late turns that do not exist", () => {
    expect(playByPositions(parcel, [1, 1, 1, 1], [5])).toEqual({ ok: false, message: expect.stringContaining("--late 5") });
  });
});

describe("enumeratePaths", () => {
  it("lists every complete sequence once, each replaying to the same result", () => {
    const paths = enumeratePaths(parcel);
    expect(new Set(paths.map((p) => p.choices)).size).toBe(paths.length);
    expect(paths[0]!.choices).toBe("1,1,1,1");
    for (const path of paths) {
      const replay = playByPositions(parcel, path.choices.split(",").map(Number));
      expect(replay.ok && replay.result).toEqual(path.result);
    }
  });

  it("stops at the limit", () => {
    expect(() => enumeratePaths(parcel, 3)).toThrow(TooManyPathsError);
  });
});

describe("scenarioToMermaid", () => {
  it("draws every step, ending and choice, with escalation edges, in valid Mermaid syntax", () => {
    const chart = scenarioToMermaid(parcel);
    expect(chart.startsWith("flowchart TD\n")).toBe(true);
    for (const id of ["opening", "listen", "details", "vague", "options", "trace", "resolved", "wants-manager", "lost"]) expect(chart).toContain(`${id}:`);
    const edges = chart.split("\n").filter((l) => l.includes(" -->|"));
    expect(edges).toHaveLength(parcel.steps.reduce((n, s) => n + s.choices.length, 0));
    expect(chart).toContain('s2 -->|"2 · E+1 X+1 · mood -1 · requires promised"| s4');
    expect(chart).toContain('-.->|"mood -5"| e1');
  });

  it("escapes quotes and angle brackets in labels", () => {
    const scenario = valid(`
<Step id="a">
  <Customer>She said "no" &lt;loudly&gt;.</Customer>
  <Choice to="end" listening={1}>Ok.</Choice>
  <Choice to="end">Fine.</Choice>
</Step>

<Ending id="end" outcome="neutral">
Bye.
</Ending>
`);
    const chart = scenarioToMermaid(scenario);
    expect(chart).toContain("#quot;no#quot; #lt;loudly#gt;");
  });
});

describe("enumeratePaths with truncate", () => {
  it("returns the first paths instead of throwing, in the same order", () => {
    const source = readFileSync(new URL("./__fixtures__/shared/returns-desk-loop.mdx", import.meta.url), "utf8");
    const scenario = checkScenarioSource(source, { path: "x", hash: "0".repeat(64) }).scenario;
    if (!scenario) throw new Error("fixture does not check");
    const all = enumeratePaths(scenario);
    expect(all.length).toBeGreaterThan(2);
    expect(() => enumeratePaths(scenario, 2)).toThrow(TooManyPathsError);
    expect(enumeratePaths(scenario, 2, { truncate: true })).toEqual(all.slice(0, 2));
  });
});
