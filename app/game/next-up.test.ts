import { describe, expect, it } from "vitest";
import { SKILLS, type Skill } from "~/domain/vocabulary";
import { masteredProgress, type MasteredProgress } from "./mastered";
import { GOOD_RESULT, lockedScenarios, nextUp, skillToWorkOn, type PlayableScenario } from "./next-up";

const scenario = (id: string, over: Partial<PlayableScenario> = {}): PlayableScenario => ({
  id,
  title: id,
  persona: "angry",
  difficulty: 1,
  skills: ["calm"],
  best: null,
  ...over,
});

/** Mastery per skill from a list of recent scores (three or more assessed). */
function skills(levels: Partial<Record<Skill, number[]>>): Record<Skill, MasteredProgress> {
  return Object.fromEntries(
    SKILLS.map((skill) => {
      const recent = levels[skill] ?? [];
      return [skill, masteredProgress({ recent, assessed: recent.length })];
    }),
  ) as Record<Skill, MasteredProgress>;
}

describe("locks", () => {
  const hard = scenario("hard", { difficulty: 3 });
  const middle = scenario("middle", { difficulty: 2 });

  it("locks difficulty 3 of a kind of customer until a good result at difficulty 2 with the same kind", () => {
    expect(lockedScenarios([hard, middle], new Set()).has("hard")).toBe(true);
    expect(lockedScenarios([hard, { ...middle, best: GOOD_RESULT - 1 }], new Set()).has("hard")).toBe(true);
    expect(lockedScenarios([hard, { ...middle, best: GOOD_RESULT }], new Set()).has("hard")).toBe(false);
  });

  it("does not open one kind of customer with a result from another", () => {
    const confused = scenario("confused-middle", { persona: "confused", difficulty: 2, best: 100 });
    expect(lockedScenarios([hard, confused], new Set()).get("hard")).toEqual({ scenarioId: "hard", persona: "angry" });
  });

  it("never locks what is always open (assigned, core) nor easier scenarios", () => {
    const locks = lockedScenarios([hard, middle, scenario("easy")], new Set(["hard"]));
    expect(locks.size).toBe(0);
  });
});

describe("next up", () => {
  it("works on the weakest skill not yet mastered; one never assessed counts as the weakest", () => {
    expect(skillToWorkOn(skills({ listening: [90, 90, 90], empathy: [40, 40, 40], calm: [60], persuasion: [85, 85, 85], expectations: [85, 85, 85] }))).toBe("empathy");
    expect(skillToWorkOn(skills({ listening: [90, 90, 90], empathy: [40, 40, 40] }))).toBe("calm");
  });

  it("a skill with a high score but too little evidence is not mastered and can still come first", () => {
    const all = { listening: [95, 95, 95], empathy: [95, 95, 95], calm: [95, 95, 95], persuasion: [95, 95, 95], expectations: [99] };
    expect(skillToWorkOn(skills(all))).toBe("expectations");
  });

  it("recommends nothing once every skill is mastered", () => {
    const all = Object.fromEntries(SKILLS.map((skill) => [skill, [90, 90, 90]]));
    expect(nextUp([scenario("a")], skills(all), new Map())).toBeNull();
  });

  it("picks an open scenario that assesses that skill, not handled well before handled, untried before tried, gentlest first", () => {
    const weakCalm = skills({ listening: [90, 90, 90], empathy: [90, 90, 90], persuasion: [90, 90, 90], expectations: [90, 90, 90], calm: [30, 30, 30] });
    const library = [
      scenario("other-skill", { skills: ["empathy"] }),
      scenario("handled", { best: 90 }),
      scenario("tried", { best: 50, difficulty: 1 }),
      scenario("untried-hard", { difficulty: 2 }),
      scenario("untried-easy", { difficulty: 1 }),
      scenario("locked", { difficulty: 3 }),
    ];
    const locks = lockedScenarios(library, new Set());
    expect(nextUp(library, weakCalm, locks)).toEqual({ scenarioId: "untried-easy", title: "untried-easy", skill: "calm" });
    expect(nextUp(library.filter((s) => !s.id.startsWith("untried")), weakCalm, locks)?.scenarioId).toBe("tried");
    expect(nextUp([library[1]!], weakCalm, locks)?.scenarioId).toBe("handled");
    expect(nextUp([library[0]!, library[5]!], weakCalm, locks)).toBeNull();
  });
});
