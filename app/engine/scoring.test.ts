import { describe, expect, it } from "vitest";
import { add, compare, mean, rational, roundHalfUp } from "./rational";
import { assessChoices, reviewTurns, scoreAttempt, scoreSkills } from "./scoring";
import { applyChoice, initialContext, visibleChoices } from "./attempt";
import { valid } from "./__fixtures__/helpers";
import type { Choice } from "./types";

describe("rational arithmetic", () => {
  it("rounds exact halves up", () => {
    expect(roundHalfUp(rational(75, 2))).toBe(38); // 37.5
    expect(roundHalfUp(rational(25, 2))).toBe(13); // 12.5
    expect(roundHalfUp(rational(1, 2))).toBe(1);
    expect(roundHalfUp(rational(0))).toBe(0);
    expect(roundHalfUp(rational(100))).toBe(100);
    expect(roundHalfUp(rational(2499, 100))).toBe(25);
    expect(roundHalfUp(rational(2449, 100))).toBe(24);
    expect(roundHalfUp(rational(-5, 2))).toBe(-2);
  });

  it("keeps exact values where floating point drifts", () => {
    // 100 × mean(1/3, 1/3, 1/2, 1/3) summed in floats is not exactly what rationals give.
    const values = [rational(1, 3), rational(1, 3), rational(1, 2), rational(1, 3)];
    expect(compare(mean(values), rational(3, 8))).toBe(0);
    expect(roundHalfUp({ n: mean(values).n * 100n, d: mean(values).d })).toBe(38);
    expect(compare(add(rational(1, 10), rational(2, 10)), rational(3, 10))).toBe(0);
  });
});

function choice(id: string, deltas: Partial<Choice["deltas"]>): Choice {
  return {
    id,
    step: "s",
    to: "x",
    deltas: { listening: 0, empathy: 0, calm: 0, persuasion: 0, expectations: 0, ...deltas },
    mood: 0,
    set: [],
    requires: [],
    unless: [],
    feedback: null,
    text: { key: `choice:${id}`, text: id, line: 1, column: 1 },
    line: 1,
    column: 1,
  };
}

describe("assessChoices", () => {
  it("assesses only skills in which the visible choices differ (missing counts as 0)", () => {
    const a = assessChoices([choice("a", { listening: 2 }), choice("b", { listening: -1, calm: 0 }), choice("c", {})]);
    expect(a.assessed).toEqual(["listening"]);
    expect(a.values.get("c")!.get("listening")).toEqual(rational(1, 3));
    expect(a.best).toBe("a");
  });

  it("takes the first best in source order on a tie and has no quality when nothing differs", () => {
    const tie = assessChoices([choice("a", { listening: 1, calm: -1 }), choice("b", { listening: -1, calm: 1 })]);
    expect(tie.best).toBe("a");
    const flat = assessChoices([choice("a", { empathy: 1 }), choice("b", { empathy: 1 })]);
    expect(flat.assessed).toEqual([]);
    expect(flat.quality.get("a")).toBeNull();
    expect(flat.best).toBe("a");
  });
});

const BODY = `
<Step id="one">
  <Customer>Hi.</Customer>
  <Choice to="two" listening={3} empathy={1} feedback="Best.">A.</Choice>
  <Choice to="two" listening={1} empathy={1} feedback="Middling.">B.</Choice>
  <Choice to="two" listening={0} empathy={-2} feedback="Worst.">C.</Choice>
</Step>

<Step id="two">
  <Customer>So?</Customer>
  <Choice to="end" calm={1}>Only way.</Choice>
</Step>

<Ending id="end" outcome="neutral">
End.
</Ending>
`;

describe("scoring an attempt", () => {
  const scenario = valid(BODY);
  const play = (first: number) => {
    let context = initialContext(scenario);
    context = applyChoice(scenario, context, visibleChoices(scenario, context)[first]!.id, false);
    return applyChoice(scenario, context, "two.1", false);
  };

  it("scores skills from assessing turns and sums points over every turn", () => {
    const result = scoreAttempt(scenario, play(1));
    expect(result.skills.listening).toEqual({ points: 1, turns: 1, score: 33 });
    expect(result.skills.empathy).toEqual({ points: 1, turns: 1, score: 100 });
    // calm never differs among visible choices (single choice), but its points still count
    expect(result.skills.calm).toBeNull();
    expect(result.overall).toBe(67); // mean(33.33…, 100) = 66.67
    expect(result).toMatchObject({ ending: "end", outcome: "neutral", resolved: false, csat: 3, path: ["one", "two", "end"] });
  });

  it("rates each turn best, fair or poor and leaves unassessed turns unrated", () => {
    const rate = (first: number) => reviewTurns(scenario, play(first)).map((t) => t.rating);
    expect(rate(0)).toEqual(["best", null]);
    expect(rate(1)).toEqual(["fair", null]); // (1/3 + 1) / 2 = 2/3
    expect(rate(2)).toEqual(["poor", null]);
    const [turn] = reviewTurns(scenario, play(2));
    expect(turn).toMatchObject({ turn: 1, step: "one", chosen: "one.3", best: "one.1", feedback: "Worst.", assessed: ["listening", "empathy"] });
    expect(turn!.visible.map((v) => v.quality)).toEqual([1, expect.closeTo(2 / 3, 10), 0]);
  });

  it("has overall null when no skill is assessed, and refuses to score an unfinished attempt", () => {
    const flat = valid(BODY.replace(/listening=\{\d\} empathy=\{-?\d\}/g, ""));
    let context = initialContext(flat);
    expect(() => scoreAttempt(flat, context)).toThrow(/not reached an ending/);
    context = applyChoice(flat, context, "one.1", false);
    expect(scoreSkills(flat, context).overall).toBeNull();
  });
});
