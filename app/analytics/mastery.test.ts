import { describe, expect, it } from "vitest";
import { averageMasteryByMonth, masteryTrajectory, meanMastery } from "./mastery";

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
  /** A trainee's timeline as the outcomes page builds it: masteryTrajectory over their attempts. */
  const timeline = (...attempts: [endedAt: string, calm: number | null][]) =>
    masteryTrajectory(attempts.map(([, calm]) => ({ listening: null, empathy: null, calm, persuasion: null, expectations: null }))).map((mastery, i) => ({
      endedAt: attempts[i]![0],
      mastery,
    }));

  it("carries each trainee's mastery through quiet months and averages over the trainees who have one", () => {
    const first = timeline(["2026-01-10T09:00:00Z", 20], ["2026-03-05T09:00:00Z", 60]);
    const second = timeline(["2026-02-20T09:00:00Z", null], ["2026-02-21T09:00:00Z", 90]);
    const byMonth = averageMasteryByMonth([first, second], ["2026-01", "2026-02", "2026-03"]);
    // January: only the first trainee (20). February: 20 and 90. March: the first is now (20 + 60) / 2 = 40, with 90.
    expect([...byMonth]).toEqual([
      ["2026-01", 20],
      ["2026-02", 55],
      ["2026-03", 65],
    ]);
  });

  it("has no value for a month before anyone was assessed", () => {
    expect(averageMasteryByMonth([timeline(["2026-02-01T00:00:00Z", null])], ["2026-01", "2026-02"]).get("2026-02")).toBeNull();
  });
});
