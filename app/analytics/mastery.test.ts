import { describe, expect, it } from "vitest";
import { averageMasteryByMonth, currentMasteryByTrainee, masteryTrajectory, meanMastery } from "./mastery";

const point = (listening: number | null) => ({ listening, empathy: null, calm: 50, persuasion: null, expectations: null });

describe("masteryTrajectory", () => {
  it("averages the last five assessed scores, skipping attempts that did not assess the skill", () => {
    const trajectory = masteryTrajectory([point(0), point(null), point(100), point(50), point(50), point(50), point(100)]);
    expect(trajectory.map((m) => m.listening)).toEqual([0, 0, 50, 50, 50, 50, 70]);
    expect(trajectory.map((m) => m.empathy)).toEqual([null, null, null, null, null, null, null]);
    expect(trajectory.at(-1)?.calm).toBe(50);
  });
});

describe("meanMastery", () => {
  it("averages the skills that have a mastery and is null when none has", () => {
    expect(meanMastery({ listening: 40, empathy: null, calm: 81, persuasion: null, expectations: null })).toBe(61);
    expect(meanMastery({ listening: null, empathy: null, calm: null, persuasion: null, expectations: null })).toBeNull();
  });
});

describe("averageMasteryByMonth", () => {
  const at = (userId: number, endedAt: string, calm: number | null) => ({ userId, endedAt, listening: null, empathy: null, calm, persuasion: null, expectations: null });

  it("carries each trainee's mastery through quiet months and averages over the trainees who have one", () => {
    const points = [
      at(1, "2026-01-10T09:00:00Z", 20),
      at(1, "2026-03-05T09:00:00Z", 60),
      at(2, "2026-02-20T09:00:00Z", null),
      at(2, "2026-02-21T09:00:00Z", 90),
    ];
    const byMonth = averageMasteryByMonth(points, ["2026-01", "2026-02", "2026-03"]);
    // January: only trainee 1 (20). February: 20 and 90. March: trainee 1 is now (20 + 60) / 2 = 40, with 90.
    expect([...byMonth]).toEqual([
      ["2026-01", 20],
      ["2026-02", 55],
      ["2026-03", 65],
    ]);
  });

  it("gives each trainee's mastery after their latest attempt", () => {
    const current = currentMasteryByTrainee([at(1, "2026-01-10T09:00:00Z", 20), at(1, "2026-03-05T09:00:00Z", 61), at(2, "2026-02-21T09:00:00Z", 90)]);
    expect([...current].map(([userId, mastery]) => [userId, mastery.calm])).toEqual([
      [1, 41],
      [2, 90],
    ]);
  });

  it("has no value for a month before anyone was assessed", () => {
    expect(averageMasteryByMonth([at(1, "2026-02-01T00:00:00Z", null)], ["2026-01", "2026-02"]).get("2026-02")).toBeNull();
  });
});
