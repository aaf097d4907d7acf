import { describe, expect, it } from "vitest";
import { SKILLS, type Skill } from "~/domain/vocabulary";
import { certificationStanding, CORE_SCORE_MIN, SKILL_MASTERY_MIN, type CertificationAttempt } from "./rule";

let nextId = 1;
let minute = 0;

/** A completed attempt ending a minute after the previous one, with every skill at `skill` unless told. */
function attempt(fields: Partial<Omit<CertificationAttempt, "scores">> & { skill?: number | null; scores?: Partial<Record<Skill, number | null>> } = {}): CertificationAttempt {
  const { skill = 90, scores, ...rest } = fields;
  minute++;
  return {
    id: nextId++,
    scenarioId: "parcel",
    status: "completed",
    endedAt: new Date(Date.UTC(2026, 2, 2, 10, minute)).toISOString(),
    overall: 90,
    ...rest,
    scores: { ...(Object.fromEntries(SKILLS.map((name) => [name, skill])) as Record<Skill, number | null>), ...scores },
  };
}

const CORE = ["parcel", "returns"];
/** Meets every condition: both core scenarios at 90, every skill at 90. */
const qualifying = () => [attempt({ scenarioId: "parcel" }), attempt({ scenarioId: "returns" })];

describe("certificationStanding", () => {
  it("is met when every core scenario is at 80 or more and every skill at 70 or more", () => {
    const standing = certificationStanding(qualifying(), CORE);
    expect(standing.met).toBe(true);
    expect(standing.scenarios).toEqual([
      { scenarioId: "parcel", best: 90, met: true },
      { scenarioId: "returns", best: 90, met: true },
    ]);
    expect(standing.skills.map((skill) => [skill.skill, skill.mastery, skill.met])).toEqual(SKILLS.map((skill) => [skill, 90, true]));
  });

  it("uses the thresholds of the issue", () => {
    expect([CORE_SCORE_MIN, SKILL_MASTERY_MIN]).toEqual([80, 70]);
  });

  it("is never met without core scenarios, however good the trainee", () => {
    const standing = certificationStanding(qualifying(), []);
    expect(standing.met).toBe(false);
    expect(standing.scenarios).toEqual([]);
    expect(standing.skills.every((skill) => skill.met)).toBe(true);
  });

  describe("core scenarios", () => {
    it("fails alone when one core scenario's best is 79, and passes at exactly 80", () => {
      const at79 = certificationStanding([attempt({ scenarioId: "parcel" }), attempt({ scenarioId: "returns", overall: 79 })], CORE);
      expect(at79.met).toBe(false);
      expect(at79.scenarios[1]).toEqual({ scenarioId: "returns", best: 79, met: false });
      expect(at79.skills.every((skill) => skill.met)).toBe(true);

      const at80 = certificationStanding([attempt({ scenarioId: "parcel" }), attempt({ scenarioId: "returns", overall: 80 })], CORE);
      expect(at80.met).toBe(true);
      expect(at80.scenarios[1]).toEqual({ scenarioId: "returns", best: 80, met: true });
    });

    it("fails alone when one core scenario was never finished", () => {
      const standing = certificationStanding([attempt({ scenarioId: "parcel" }), attempt({ scenarioId: "other" })], CORE);
      expect(standing.met).toBe(false);
      expect(standing.scenarios[1]).toEqual({ scenarioId: "returns", best: null, met: false });
    });

    it("takes the best overall, so a later worse attempt does not undo it", () => {
      const standing = certificationStanding([...qualifying(), attempt({ scenarioId: "parcel", overall: 20 })], CORE);
      expect(standing.scenarios[0]).toEqual({ scenarioId: "parcel", best: 90, met: true });
      expect(standing.met).toBe(true);
    });

    it("ignores an attempt without an overall score", () => {
      const standing = certificationStanding([attempt({ scenarioId: "parcel" }), attempt({ scenarioId: "returns", overall: null })], CORE);
      expect(standing.scenarios[1]).toEqual({ scenarioId: "returns", best: null, met: false });
    });
  });

  describe("skills", () => {
    it("fails alone when one skill's mastery is 69, and passes at exactly 70", () => {
      const at69 = certificationStanding([...qualifying(), ...Array.from({ length: 5 }, () => attempt({ scenarioId: "other", scores: { calm: 69 } }))], CORE);
      expect(at69.met).toBe(false);
      expect(at69.skills.find((skill) => skill.skill === "calm")).toEqual({ skill: "calm", mastery: 69, met: false });
      expect(at69.scenarios.every((scenario) => scenario.met)).toBe(true);
      expect(at69.skills.filter((skill) => !skill.met)).toHaveLength(1);

      const at70 = certificationStanding([...qualifying(), ...Array.from({ length: 5 }, () => attempt({ scenarioId: "other", scores: { calm: 70 } }))], CORE);
      expect(at70.skills.find((skill) => skill.skill === "calm")).toEqual({ skill: "calm", mastery: 70, met: true });
      expect(at70.met).toBe(true);
    });

    it("reads mastery as the app shows it: the rounded mean of the latest five assessed scores", () => {
      // 70, 70, 70, 70, 68: mean 69.6, shown as 70.
      const first = qualifying();
      const rounds = [70, 70, 70, 70, 68].map((calm) => attempt({ scenarioId: "other", scores: { calm } }));
      expect(certificationStanding([...first, ...rounds], CORE).skills.find((skill) => skill.skill === "calm")?.mastery).toBe(70);
      // 70, 70, 70, 68, 68: mean 69.2, shown as 69.
      const again = qualifying();
      const below = [70, 70, 70, 68, 68].map((calm) => attempt({ scenarioId: "other", scores: { calm } }));
      expect(certificationStanding([...again, ...below], CORE).skills.find((skill) => skill.skill === "calm")?.met).toBe(false);
    });

    it("counts only the latest five assessed scores, in the order attempts ended", () => {
      const first = qualifying();
      const early = attempt({ scenarioId: "other", scores: { empathy: 10 } });
      const late = Array.from({ length: 5 }, () => attempt({ scenarioId: "other", scores: { empathy: 80 } }));
      // Given newest first (as the attempts list comes): the order of ending decides, not the order given.
      const standing = certificationStanding([...late.reverse(), early, ...first], CORE);
      expect(standing.skills.find((skill) => skill.skill === "empathy")?.mastery).toBe(80);

      const recentDip = certificationStanding([...qualifying(), ...Array.from({ length: 5 }, () => attempt({ scenarioId: "other", scores: { empathy: 40 } }))], CORE);
      expect(recentDip.skills.find((skill) => skill.skill === "empathy")).toMatchObject({ mastery: 40, met: false });
    });

    it("fails alone when a skill was never assessed: no mastery is not 70", () => {
      const standing = certificationStanding([attempt({ scenarioId: "parcel", scores: { persuasion: null } }), attempt({ scenarioId: "returns", scores: { persuasion: null } })], CORE);
      expect(standing.met).toBe(false);
      expect(standing.skills.find((skill) => skill.skill === "persuasion")).toEqual({ skill: "persuasion", mastery: null, met: false });
      expect(standing.scenarios.every((scenario) => scenario.met)).toBe(true);
      expect(standing.skills.filter((skill) => !skill.met)).toHaveLength(1);
    });

    it("fails when the trainee has finished nothing", () => {
      const standing = certificationStanding([], CORE);
      expect(standing.met).toBe(false);
      expect(standing.skills.every((skill) => skill.mastery === null && !skill.met)).toBe(true);
      expect(standing.scenarios.every((scenario) => scenario.best === null && !scenario.met)).toBe(true);
    });
  });

  describe("attempts that are not completed", () => {
    it("ignores the scores of attempts in progress and set aside", () => {
      const unfinished = [
        attempt({ scenarioId: "returns", status: "in-progress", endedAt: null, overall: 100, skill: 100 }),
        attempt({ scenarioId: "returns", status: "abandoned", overall: 100, skill: 100 }),
      ];
      const standing = certificationStanding([attempt({ scenarioId: "parcel", skill: 50 }), ...unfinished], CORE);
      expect(standing.scenarios[1]).toEqual({ scenarioId: "returns", best: null, met: false });
      expect(standing.skills.every((skill) => skill.mastery === 50)).toBe(true);
      expect(standing.met).toBe(false);
    });

    it("does not let an unfinished attempt's low scores pull a qualified trainee down", () => {
      const standing = certificationStanding([...qualifying(), attempt({ scenarioId: "parcel", status: "abandoned", overall: 0, skill: 0 })], CORE);
      expect(standing.met).toBe(true);
    });
  });
});
