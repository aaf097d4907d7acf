/**
 * Property tests over every scenario in scenarios/, the shared examples and a
 * generated long scenario: random choices and random lateness always reach an
 * ending within 2 × steps turns, scores stay within 0..100, and saving and
 * restoring at a random turn changes nothing.
 */
import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkScenarioSource } from "./check";
import { endingReached, visibleChoices } from "./attempt";
import { advanceAttempt, createScenarioMachine, startSnapshot } from "./machine";
import type { AttemptSnapshot } from "./machine";
import { scoreAttempt } from "./scoring";
import { explore } from "./explore";
import { SKILLS } from "./types";
import type { Scenario } from "./types";
import { generateScenario } from "./__fixtures__/generate";

const root = new URL("../../", import.meta.url);
const sources: [string, string][] = [
  ...readdirSync(new URL("scenarios/", root))
    .filter((f) => f.endsWith(".mdx"))
    .map((f) => [`scenarios/${f}`, readFileSync(new URL(`scenarios/${f}`, root), "utf8")] as [string, string]),
  ...["parcel-third-call.mdx", "returns-desk-loop.mdx"].map(
    (f) => [`shared/${f}`, readFileSync(new URL(`./__fixtures__/shared/${f}`, import.meta.url), "utf8")] as [string, string],
  ),
  ["generated 40 steps", generateScenario({ steps: 40, flags: 4, loops: 3, seed: 7 })],
];

interface Run {
  snapshot: AttemptSnapshot;
  turns: number;
  visited: string[];
}

/** Play until an ending, taking picks[i] modulo the visible count; optionally store/restore before turn `restoreAt`. */
function play(scenario: Scenario, picks: number[], late: boolean[], restoreAt: number | null): Run {
  let machine = createScenarioMachine(scenario);
  let snapshot = startSnapshot(machine);
  const limit = 2 * scenario.steps.length;
  const visited = [scenario.start];
  let turn = 0;
  while (!endingReached(scenario, snapshot.context)) {
    if (turn >= limit) throw new Error(`no ending after ${limit} turns`);
    if (turn === restoreAt) {
      snapshot = JSON.parse(JSON.stringify(snapshot)) as AttemptSnapshot;
      machine = createScenarioMachine(scenario);
    }
    const visible = visibleChoices(scenario, snapshot.context);
    if (visible.length === 0) throw new Error(`dead end at ${String(snapshot.value)}`);
    const choice = visible[(picks[turn] ?? 0) % visible.length]!;
    snapshot = advanceAttempt(machine, scenario, snapshot, { choiceId: choice.id, late: late[turn] ?? false });
    visited.push(String(snapshot.value));
    turn++;
  }
  return { snapshot, turns: turn, visited };
}

describe.each(sources)("properties of %s", (_, source) => {
  const { scenario, problems } = checkScenarioSource(source, { path: "p.mdx", hash: "a".repeat(64) });

  it("is valid", () => {
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("reaches an ending within 2 × steps turns, scores within 0..100, same result after save and restore", () => {
    const s = scenario!;
    const maxTurns = 2 * s.steps.length;
    const reachable = explore(s).reachableSteps;
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: maxTurns, maxLength: maxTurns }),
        fc.array(fc.boolean(), { minLength: maxTurns, maxLength: maxTurns }),
        fc.nat(),
        (picks, late, restorePoint) => {
          const straight = play(s, picks, late, null);
          expect(straight.turns).toBeLessThanOrEqual(maxTurns);
          for (const node of straight.visited.slice(0, -1)) expect(reachable.has(node)).toBe(true);

          const result = scoreAttempt(s, straight.snapshot.context);
          for (const skill of SKILLS) {
            const score = result.skills[skill];
            if (score) {
              expect(score.score).toBeGreaterThanOrEqual(0);
              expect(score.score).toBeLessThanOrEqual(100);
              expect(score.turns).toBeGreaterThan(0);
            }
          }
          if (result.overall !== null) expect(result.overall).toBeGreaterThanOrEqual(0);
          if (result.overall !== null) expect(result.overall).toBeLessThanOrEqual(100);
          expect(result.mood).toBeGreaterThanOrEqual(-5);
          expect(result.mood).toBeLessThanOrEqual(5);

          const restored = play(s, picks, late, restorePoint % (straight.turns + 1));
          expect(restored.snapshot).toEqual(straight.snapshot);
          expect(scoreAttempt(s, restored.snapshot.context)).toEqual(result);
        },
      ),
      { numRuns: 200 },
    );
  });
});
