import { describe, expect, it } from "vitest";
import { blindDecisions, blindKey, parseAnswers, scoreAnswers, seededShuffle } from "./audit-blind";
import { valid } from "./__fixtures__/helpers";

const scenario = valid(`
<Step id="a">
  <Customer>First.</Customer>
  <Choice to="b" listening={2}>Right.</Choice>
  <Choice to="b">Wrong.</Choice>
  <Choice to="b" mood={1}>Tempting.</Choice>
</Step>

<Step id="b">
  <Customer>Second.</Customer>
  <Choice to="end">Same.</Choice>
  <Choice to="end">Also same.</Choice>
</Step>

<Ending id="end" outcome="neutral">
End.
</Ending>
`);

describe("blind decisions", () => {
  it("shuffles reproducibly and only permutes", () => {
    const items = ["a", "b", "c", "d", "e", "f"];
    expect(seededShuffle(items, "x")).toEqual(seededShuffle(items, "x"));
    expect([...seededShuffle(items, "x")].sort()).toEqual(items);
    const orders = new Set(["1", "2", "3", "4", "5", "6", "7", "8"].map((seed) => seededShuffle(items, seed).join("")));
    expect(orders.size).toBeGreaterThan(1);
  });

  it("leaves out decisions that assess nothing and keys the authored best by letter", () => {
    const decisions = blindDecisions([scenario]);
    expect(decisions.map((d) => d.number)).toEqual(["D1"]);
    const key = blindKey(decisions);
    expect(key.D1!.choices).toEqual(["a.1", "a.2", "a.3"]);
    expect(key.D1!.letters[key.D1!.best]).toBe("a.1");
    expect(key.D1!.texts[key.D1!.best]).toBe("Right.");
    expect(Object.keys(key.D1!.letters)).toEqual(["A", "B", "C"]);
  });
});

describe("answers", () => {
  const key = blindKey(blindDecisions([scenario]));
  const best = key.D1!.best;

  it("reads the documented line and its lenient forms", () => {
    for (const line of [`D1: ${best}, difficulty 2, because`, `- d1: ${best.toLowerCase()}, 2, because`, `D01) ${best} , difficulty: 2 , because`]) {
      expect(parseAnswers(line, key)).toEqual({ answers: [{ number: "D1", letter: best, difficulty: 2, comment: "because" }], problems: [] });
    }
    expect(parseAnswers("D1: \nNotes about D1: none", key).answers).toEqual([]);
  });

  it("names wrong letters, unknown decisions, bad ratings and repeats", () => {
    const { answers, problems } = parseAnswers(`D1: Z\nD2: A\nD1: ${best}, 5\nD1: ${best}`, key);
    expect(answers).toEqual([{ number: "D1", letter: best, difficulty: null, comment: "" }]);
    expect(problems).toEqual([
      'line 1: D1 has replies A, B, C, not "Z"',
      "line 2: D2 is not a decision in the key",
      'line 3: D1\'s difficulty should be 1, 2 or 3, not "5"',
      "line 4: D1 is answered twice; the first answer counts",
    ]);
  });

  it("counts agreement and ratings", () => {
    const other = best === "A" ? "B" : "A";
    const score = scoreAnswers(key, [{ number: "D1", letter: other, difficulty: 3, comment: "" }]);
    expect(score).toMatchObject({ decisions: 1, answered: 1, agreed: 0, rated: 1, thoughtful: 1 });
    expect(score.disagreements.map((d) => d.picked)).toEqual([other]);
  });
});

describe("the conversation so far", () => {
  const promised = valid(`
<Step id="a">
  <Customer>Where is it?</Customer>
  <Choice to="b" expectations={-2} mood={1} set="promised">Tomorrow, for sure.</Choice>
  <Choice to="b" expectations={1}>Let me look.</Choice>
</Step>

<Step id="b">
  <Customer>So?</Customer>
  <Choice to="end" requires="promised" expectations={2}>I have to correct myself.</Choice>
  <Choice to="end" unless="promised" expectations={2}>It is at the depot.</Choice>
  <Choice to="end" expectations={-1}>Soon.</Choice>
</Step>

<Ending id="end" outcome="neutral">
End.
</Ending>
`);

  it("shows the turns of a shortest way to each decision, so a correction has the promise it corrects", () => {
    const decisions = blindDecisions([promised]);
    expect(decisions[0]!.earlier).toEqual([]);
    const correction = decisions.find((d) => d.replies.some((r) => r.text === "I have to correct myself."))!;
    expect(correction.earlier).toEqual([{ customer: ["Where is it?"], reply: "Tomorrow, for sure." }]);
    const plain = decisions.find((d) => d.replies.some((r) => r.text === "It is at the depot."))!;
    expect(plain.earlier).toEqual([{ customer: ["Where is it?"], reply: "Let me look." }]);
  });
});
