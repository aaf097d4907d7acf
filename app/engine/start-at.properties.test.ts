/**
 * Property tests of start points over every scenario in scenarios/: every step is a start point
 * from which every path ends; a start point taken from a moment of a real attempt plays on exactly
 * as that attempt did; and a random start point is either refused as stuck, or every random play
 * from it, late replies included, reaches an ending.
 */
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { endingReached, visibleChoices } from "./attempt";
import type { AttemptContext } from "./attempt";
import { checkScenarioSource } from "./check";
import { advanceAttempt, createScenarioMachine, startSnapshot } from "./machine";
import type { AttemptSnapshot } from "./machine";
import { scoreAttempt } from "./scoring";
import { checkStartPoint, pathsFrom, scenarioFlags, startPointOf, startSnapshotAt } from "./start-at";
import type { StartPoint } from "./start-at";
import { walkPaths } from "./start-reach";
import { MAX_ENTRIES, MOOD_MAX, MOOD_MIN, SKILLS } from "./types";
import type { Scenario } from "./types";

const dir = new URL("../../scenarios/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".mdx"));

/** Replies, each the pick modulo the visible count, until an ending or the picks run out. */
function play(scenario: Scenario, machine: ReturnType<typeof createScenarioMachine>, from: AttemptSnapshot, picks: number[], late: boolean[]): AttemptSnapshot {
  let snapshot = from;
  for (const [turn, pick] of picks.entries()) {
    if (endingReached(scenario, snapshot.context)) break;
    const visible = visibleChoices(scenario, snapshot.context);
    if (visible.length === 0) throw new Error(`stuck at ${String(snapshot.value)}`);
    snapshot = advanceAttempt(machine, scenario, snapshot, { choiceId: visible[pick % visible.length]!.id, late: late[turn] ?? false });
  }
  return snapshot;
}

/** The context a start point stands for, written out from its definition (start-at.ts) as an independent check. */
function rawContext(scenario: Scenario, point: StartPoint): AttemptContext {
  const entries = Object.fromEntries(Object.entries(point.visits).filter(([, n]) => n > 0));
  entries[point.stepId] = (entries[point.stepId] ?? 0) + 1;
  const points = Object.fromEntries(SKILLS.map((skill) => [skill, 0])) as AttemptContext["points"];
  return { hash: scenario.hash, mood: point.mood, flags: [...point.flags].sort(), entries, points, turns: [], start: point.stepId };
}

const pointsDifference = (after: AttemptContext, before: AttemptContext) => Object.fromEntries(SKILLS.map((s) => [s, after.points[s] - before.points[s]]));

describe.each(files)("start points of %s", (file) => {
  const { scenario } = checkScenarioSource(readFileSync(new URL(file, dir), "utf8"), { path: file, hash: "b".repeat(64) });
  const s = scenario!;
  const machine = createScenarioMachine(s);
  const turns = 2 * s.steps.length;

  it("can start at every step, and every path from there ends, scored within 0..100", () => {
    for (const step of s.steps) {
      const point: StartPoint = { stepId: step.id, mood: s.mood, flags: [], visits: {} };
      expect(checkStartPoint(s, point)).toEqual([]);
      const paths = pathsFrom(s, point);
      expect(paths.length).toBeGreaterThan(0);
      for (const { result } of paths) {
        expect(result.path[0]).toBe(step.id);
        expect(s.endings.map((e) => e.id)).toContain(result.ending);
        if (result.overall !== null) expect(result.overall).toBeGreaterThanOrEqual(0);
        if (result.overall !== null) expect(result.overall).toBeLessThanOrEqual(100);
      }
    }
  });

  it("plays on from a moment of an attempt exactly as the attempt did", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: turns, maxLength: turns }),
        fc.array(fc.boolean(), { minLength: turns, maxLength: turns }),
        fc.nat(),
        (picks, late, cut) => {
          const whole = play(s, machine, startSnapshot(machine), picks, late);
          const at = cut % (whole.context.turns.length + 1);
          const before = play(s, machine, startSnapshot(machine), picks.slice(0, at), late);
          if (endingReached(s, before.context)) return;
          const point = startPointOf(s, before.context);
          expect(checkStartPoint(s, point)).toEqual([]);
          const rest = play(s, machine, JSON.parse(JSON.stringify(startSnapshotAt(machine, s, point))) as AttemptSnapshot, picks.slice(at), late.slice(at));
          expect(rest.value).toBe(whole.value);
          expect(rest.context.turns).toEqual(whole.context.turns.slice(at));
          expect(rest.context.entries).toEqual(whole.context.entries);
          expect(rest.context.flags).toEqual(whole.context.flags);
          expect(rest.context.points).toEqual(pointsDifference(whole.context, before.context));
          expect(scoreAttempt(s, rest.context).path).toEqual(scoreAttempt(s, whole.context).path.slice(at));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("refuses a random start point as stuck exactly when a path from it gets stuck, and otherwise every play from it ends", () => {
    const flags = scenarioFlags(s);
    const steps = s.steps.map((step) => step.id);
    const points = fc
      .record({
        stepId: fc.constantFrom(...steps),
        mood: fc.integer({ min: MOOD_MIN, max: MOOD_MAX }),
        flags: fc.subarray(flags),
        visits: fc.array(fc.integer({ min: 0, max: MAX_ENTRIES }), { minLength: steps.length, maxLength: steps.length }),
      })
      .map(({ stepId, mood, flags, visits }) => ({
        stepId,
        mood,
        flags,
        visits: Object.fromEntries(steps.map((id, i) => [id, id === stepId ? Math.min(visits[i]!, MAX_ENTRIES - 1) : visits[i]!])),
      }));
    fc.assert(
      fc.property(points, fc.array(fc.nat(), { minLength: turns, maxLength: turns }), fc.array(fc.boolean(), { minLength: turns, maxLength: turns }), (point, picks, late) => {
        const problems = checkStartPoint(s, point);
        expect(problems.every((p) => p.rule === "dead-end")).toBe(true);
        const raw = rawContext(s, point);
        if (problems.length) {
          expect(() => walkPaths(s, raw, 100_000)).toThrow(/shows no reply/);
          return;
        }
        expect(() => walkPaths(s, raw, 100_000)).not.toThrow();
        const start = startSnapshotAt(machine, s, point);
        expect({ start: s.start, ...start.context }).toEqual({ start: s.start, ...raw });
        const end = play(s, machine, start, picks, late);
        expect(endingReached(s, end.context)).not.toBeNull();
      }),
      { numRuns: 40 },
    );
  });
});
