import { describe, expect, it } from "vitest";
import { CHANNELS, SKILLS, type Skill } from "~/domain/vocabulary";
import { BADGES, badgeStatuses, emptyBadgeProgress, trackBadges, type BadgeId } from "./badges";
import { at, conversation } from "./testing";

type Fields = Parameters<typeof conversation>[0] & { masteredAfter?: Skill[] };

/** Plays the conversations through trackBadges in order; returns each badge's status. */
function track(list: Fields[]) {
  let progress = emptyBadgeProgress();
  const made = list.map(({ masteredAfter: _, ...fields }, i) => conversation({ endedAt: at(i * 60), ...fields }));
  made.forEach((c, i) => {
    progress = trackBadges(progress, { ...c, masteredAfter: list[i]!.masteredAfter ?? [] }).progress;
  });
  return { made, status: (id: BadgeId) => badgeStatuses(progress).find((badge) => badge.id === id)! };
}

const earned = (list: Fields[], id: BadgeId) => track(list).status(id).earned !== null;
const scenarios = (n: number, fields: (i: number) => Fields) => Array.from({ length: n }, (_, i) => ({ scenarioId: `scenario-${i}`, ...fields(i) }));

describe("the badge table", () => {
  it("holds about a dozen badges with distinct ids", () => {
    expect(BADGES.length).toBe(12);
    expect(new Set(BADGES.map((badge) => badge.id)).size).toBe(BADGES.length);
  });
});

describe("calm-under-fire: calm ≥ 90 with angry customers in three scenarios", () => {
  const angry = (calm: number) => (): Fields => ({ persona: "angry", scores: { calm } });
  it("is earned at the third, on that conversation's date", () => {
    const { made, status } = track(scenarios(3, angry(90)));
    expect(status("calm-under-fire").earned).toEqual({ at: made[2]!.endedAt, attemptId: made[2]!.id });
  });
  it("is not earned with calm 89 in one of them, two scenarios, or a customer who was not angry", () => {
    expect(earned([...scenarios(2, angry(90)), { scenarioId: "third", persona: "angry", scores: { calm: 89 } }], "calm-under-fire")).toBe(false);
    expect(earned([...scenarios(2, angry(90)), { scenarioId: "scenario-0", persona: "angry", scores: { calm: 100 } }], "calm-under-fire")).toBe(false);
    expect(earned([...scenarios(2, angry(90)), { scenarioId: "third", persona: "confused", scores: { calm: 100 } }], "calm-under-fire")).toBe(false);
  });
});

describe("straight-talker: honest expectations at 100 in five scenarios", () => {
  it("is earned at the fifth", () => expect(earned(scenarios(5, () => ({ scores: { expectations: 100 } })), "straight-talker")).toBe(true));
  it("is not earned with 99 in one, or in four scenarios", () => {
    expect(earned(scenarios(5, (i) => ({ scores: { expectations: i === 4 ? 99 : 100 } })), "straight-talker")).toBe(false);
    expect(earned(scenarios(4, () => ({ scores: { expectations: 100 } })), "straight-talker")).toBe(false);
  });
});

describe("good-listener: listening ≥ 90 in five scenarios", () => {
  it("is earned at the fifth", () => expect(earned(scenarios(5, () => ({ scores: { listening: 90 } })), "good-listener")).toBe(true));
  it("is not earned with 89 in one", () => expect(earned(scenarios(5, (i) => ({ scores: { listening: i === 0 ? 89 : 95 } })), "good-listener")).toBe(false));
});

describe("in-their-shoes: empathy ≥ 90 in five scenarios", () => {
  it("is earned at the fifth", () => expect(earned(scenarios(5, () => ({ scores: { empathy: 90 } })), "in-their-shoes")).toBe(true));
  it("is not earned with 89 in one", () => expect(earned(scenarios(5, (i) => ({ scores: { empathy: i === 2 ? 89 : 90 } })), "in-their-shoes")).toBe(false));
});

describe("good-case: persuasion ≥ 90 in three scenarios", () => {
  it("is earned at the third", () => expect(earned(scenarios(3, () => ({ scores: { persuasion: 90 } })), "good-case")).toBe(true));
  it("is not earned with 89 in one, or unassessed", () => {
    expect(earned(scenarios(3, (i) => ({ scores: { persuasion: i === 1 ? 89 : 90 } })), "good-case")).toBe(false);
    expect(earned(scenarios(3, (i) => ({ scores: { persuasion: i === 1 ? null : 90 } })), "good-case")).toBe(false);
  });
});

describe("clear-explainer: overall ≥ 80 with confused customers in three scenarios", () => {
  it("is earned at the third", () => expect(earned(scenarios(3, () => ({ persona: "confused", overall: 80 })), "clear-explainer")).toBe(true));
  it("is not earned with 79 in one, or with a patient customer", () => {
    expect(earned(scenarios(3, (i) => ({ persona: "confused", overall: i === 2 ? 79 : 80 })), "clear-explainer")).toBe(false);
    expect(earned(scenarios(3, (i) => ({ persona: i === 2 ? "patient" : "confused", overall: 90 })), "clear-explainer")).toBe(false);
  });
});

describe("delight-everywhere: a delighted customer on every channel", () => {
  it("is earned on the fifth channel", () => {
    expect(CHANNELS).toHaveLength(5);
    expect(earned(scenarios(5, (i) => ({ channel: CHANNELS[i], outcome: "delighted" })), "delight-everywhere")).toBe(true);
  });
  it("is not earned when one channel's customer was only satisfied, or with two delighted on one channel", () => {
    expect(earned(scenarios(5, (i) => ({ channel: CHANNELS[i], outcome: i === 3 ? "satisfied" : "delighted" })), "delight-everywhere")).toBe(false);
    expect(earned(scenarios(5, (i) => ({ channel: CHANNELS[Math.min(i, 3)], outcome: "delighted" })), "delight-everywhere")).toBe(false);
  });
});

describe("hard-cases: overall ≥ 80 at difficulty 3 with each kind of customer", () => {
  const personas = ["angry", "confused", "patient"] as const;
  it("is earned with the third kind", () => expect(earned(scenarios(3, (i) => ({ persona: personas[i], difficulty: 3, overall: 80 })), "hard-cases")).toBe(true));
  it("is not earned with 79, at difficulty 2, or with two kinds", () => {
    expect(earned(scenarios(3, (i) => ({ persona: personas[i], difficulty: 3, overall: i === 0 ? 79 : 80 })), "hard-cases")).toBe(false);
    expect(earned(scenarios(3, (i) => ({ persona: personas[i], difficulty: i === 0 ? 2 : 3, overall: 90 })), "hard-cases")).toBe(false);
    expect(earned(scenarios(3, (i) => ({ persona: personas[Math.min(i, 1)], difficulty: 3, overall: 90 })), "hard-cases")).toBe(false);
  });
});

describe("turnaround: a customer at mood −4 left satisfied", () => {
  it("is earned from −4 to satisfied or delighted", () => {
    expect(earned([{ lowestMood: -4, outcome: "satisfied" }], "turnaround")).toBe(true);
    expect(earned([{ lowestMood: -4, outcome: "delighted" }], "turnaround")).toBe(true);
  });
  it("is not earned from −3, or ending neutral", () => {
    expect(earned([{ lowestMood: -3, outcome: "delighted" }], "turnaround")).toBe(false);
    expect(earned([{ lowestMood: -4, outcome: "neutral" }], "turnaround")).toBe(false);
  });
});

describe("clean-run: every rated reply the best, at least three of them", () => {
  it("is earned with three best replies and nothing else", () => expect(earned([{ replies: { best: 3, fair: 0, poor: 0 } }], "clean-run")).toBe(true));
  it("is not earned with two, or with one fair or poor reply among them", () => {
    expect(earned([{ replies: { best: 2, fair: 0, poor: 0 } }], "clean-run")).toBe(false);
    expect(earned([{ replies: { best: 6, fair: 1, poor: 0 } }], "clean-run")).toBe(false);
    expect(earned([{ replies: { best: 6, fair: 0, poor: 1 } }], "clean-run")).toBe(false);
  });
});

describe("first-mastered: one skill mastered", () => {
  it("is earned when the first skill is mastered", () => expect(earned([{ masteredAfter: ["calm"] }], "first-mastered")).toBe(true));
  it("is not earned before", () => expect(earned([{ masteredAfter: [] }], "first-mastered")).toBe(false));
});

describe("all-mastered: all five skills mastered at once", () => {
  it("is earned with all five", () => expect(earned([{ masteredAfter: [...SKILLS] }], "all-mastered")).toBe(true));
  it("is not earned with four", () => expect(earned([{ masteredAfter: SKILLS.slice(0, 4) }], "all-mastered")).toBe(false));
});

describe("evidence", () => {
  it("never comes from a conversation answered faster than it could be read", () => {
    expect(earned([{ rushed: true, lowestMood: -4, outcome: "delighted" }], "turnaround")).toBe(false);
    expect(earned(scenarios(3, (i) => ({ rushed: i === 2, persona: "angry", scores: { calm: 95 } })), "calm-under-fire")).toBe(false);
  });

  it("keeps the date a badge was first earned", () => {
    const { made, status } = track([{ lowestMood: -4, outcome: "satisfied" }, { lowestMood: -4, outcome: "satisfied" }]);
    expect(status("turnaround").earned?.attemptId).toBe(made[0]!.id);
  });

  it("shows how far the trainee has come towards a badge", () => {
    const { status } = track(scenarios(2, () => ({ scores: { listening: 95 } })));
    expect(status("good-listener")).toEqual({ id: "good-listener", needed: 5, have: 2, earned: null });
  });
});
