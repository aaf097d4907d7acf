import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { masteryTrajectory } from "~/analytics/mastery";
import { SKILLS } from "~/domain/vocabulary";
import { addScore, addScores, emptySkills, masteredProgress, masteredSkills, masteryOf, NO_EVIDENCE, type SkillEvidence } from "./mastered";

const evidenceOf = (...scores: (number | null)[]): SkillEvidence => scores.reduce<SkillEvidence>(addScore, NO_EVIDENCE);

describe("mastery", () => {
  it("agrees with the app's mastery rule (analytics' masteryTrajectory) after every conversation", () => {
    const score = fc.option(fc.integer({ min: 0, max: 100 }), { nil: null });
    const point = fc.record(Object.fromEntries(SKILLS.map((skill) => [skill, score])) as Record<(typeof SKILLS)[number], typeof score>);
    fc.assert(
      fc.property(fc.array(point, { maxLength: 30 }), (points) => {
        const expected = masteryTrajectory(points);
        let skills = emptySkills();
        points.forEach((scores, i) => {
          skills = addScores(skills, scores);
          for (const skill of SKILLS) expect(masteryOf(skills[skill])).toBe(expected[i]![skill]);
        });
      }),
    );
  });
});

describe("masteredProgress", () => {
  it("is mastered at mastery 80 over three assessed conversations", () => {
    const progress = masteredProgress(evidenceOf(80, 80, 80));
    expect(progress).toMatchObject({ mastery: 80, assessed: 3, mastered: true, pointsToGo: 0, conversationsToGo: 0, percent: 100 });
  });

  it("is not mastered one point below", () => {
    // 79, 80, 80 has mean 79.67, which rounds to 80: the rounded mastery is what counts, as on every page.
    expect(masteredProgress(evidenceOf(79, 80, 80)).mastered).toBe(true);
    const below = masteredProgress(evidenceOf(79, 79, 80)); // 79.33 rounds to 79
    expect(below).toMatchObject({ mastery: 79, mastered: false, pointsToGo: 1, conversationsToGo: 0 });
    expect(below.percent).toBe(98);
  });

  it("is not mastered on two conversations, however good", () => {
    const two = masteredProgress(evidenceOf(100, 100));
    expect(two).toMatchObject({ mastery: 100, mastered: false, pointsToGo: 0, conversationsToGo: 1 });
    expect(two.percent).toBe(66);
  });

  it("counts only conversations that assessed the skill", () => {
    expect(masteredProgress(evidenceOf(90, null, 90, null))).toMatchObject({ assessed: 2, mastered: false });
  });

  it("starts empty, and can be lost again when recent scores fall", () => {
    expect(masteredProgress(NO_EVIDENCE)).toEqual({ mastery: null, assessed: 0, mastered: false, pointsToGo: 80, conversationsToGo: 3, percent: 0 });
    expect(masteredProgress(evidenceOf(90, 90, 90, 40, 40)).mastered).toBe(false); // mean 70
  });

  it("fills the bar only as both mastery and evidence grow", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 12 }), (scores) => {
        const progress = masteredProgress(evidenceOf(...scores));
        expect(progress.percent).toBeGreaterThanOrEqual(0);
        expect(progress.percent === 100).toBe(progress.mastered);
      }),
    );
  });
});

describe("masteredSkills", () => {
  it("lists the mastered skills in the fixed skill order", () => {
    let skills = emptySkills();
    for (let i = 0; i < 3; i++) skills = addScores(skills, { listening: null, empathy: 85, calm: 60, persuasion: null, expectations: 95 });
    expect(masteredSkills(skills)).toEqual(["empathy", "expectations"]);
  });
});
