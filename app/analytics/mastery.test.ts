import { describe, expect, it } from "vitest";
import { masteryTrajectory } from "./mastery";

const point = (listening: number | null) => ({ listening, empathy: null, calm: 50, persuasion: null, expectations: null });

describe("masteryTrajectory", () => {
  it("averages the last five assessed scores, skipping attempts that did not assess the skill", () => {
    const trajectory = masteryTrajectory([point(0), point(null), point(100), point(50), point(50), point(50), point(100)]);
    expect(trajectory.map((m) => m.listening)).toEqual([0, 0, 50, 50, 50, 50, 70]);
    expect(trajectory.map((m) => m.empathy)).toEqual([null, null, null, null, null, null, null]);
    expect(trajectory.at(-1)?.calm).toBe(50);
  });
});
