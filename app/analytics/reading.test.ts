import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "#db/paths.server";
import { checkScenarioSource, createScenarioMachine, advanceAttempt, currentStep, endingReached, startSnapshot, visibleChoices } from "~/engine";
import { fastRepliesOf, decisionOf } from "./decisions";
import { fastReplies, JS_TYPING_PAUSE_MS, minimumReadingMs, readingTimeMs, wordCount } from "./reading";

describe("the reading rule", () => {
  it("needs max(1.5 s, 0.05 s a word)", () => {
    expect(wordCount("  Hi,   my kettle\nbroke. ")).toBe(4);
    expect(wordCount("")).toBe(0);
    expect(minimumReadingMs(4)).toBe(1_500);
    expect(minimumReadingMs(30)).toBe(1_500);
    expect(minimumReadingMs(100)).toBe(5_000);
  });

  it("flags the issue's example: a 30-word turn answered in under 1.5 s", () => {
    expect(fastReplies([{ turn: 1, responseMs: 1_400, words: 30 }]).fast).toBe(1);
    expect(fastReplies([{ turn: 1, responseMs: 1_600, words: 30 }]).fast).toBe(0);
  });

  it("takes the typing pause off every turn after the first", () => {
    expect(readingTimeMs(1, 2_000)).toBe(2_000);
    expect(readingTimeMs(2, 2_000)).toBe(2_000 - JS_TYPING_PAUSE_MS);
    expect(readingTimeMs(2, 300)).toBe(0);
  });

  it("flags an attempt from half of its replies", () => {
    const turn = (responseMs: number) => ({ turn: 1, responseMs, words: 10 });
    expect(fastReplies([turn(500), turn(5_000)])).toEqual({ fast: 1, replies: 2, share: 0.5, flagged: true });
    expect(fastReplies([turn(500), turn(5_000), turn(5_000)]).flagged).toBe(false);
    expect(fastReplies([]).flagged).toBe(false);
  });

  it("uses the play page's typing pause", () => {
    const route = fs.readFileSync(path.join(projectRoot, "app", "components", "scenario", "play-screen.tsx"), "utf8");
    expect(Number(/const TYPING_PAUSE_MS = ([\d_]+);/.exec(route)?.[1]?.replace(/_/g, ""))).toBe(JS_TYPING_PAUSE_MS);
  });
});

describe("replies faster than reading, on a real scenario", () => {
  const source = fs.readFileSync(path.join(projectRoot, "scenarios", fs.readdirSync(path.join(projectRoot, "scenarios")).filter((name) => name.endsWith(".mdx")).sort()[0]!), "utf8");
  const { scenario } = checkScenarioSource(source, { path: "first.mdx", hash: "h" });
  if (!scenario) throw new Error("the first scenario does not check");
  const machine = createScenarioMachine(scenario);

  /** Plays the longest reply every turn; `think` says how long the trainee took to read and choose. */
  function playLongest(think: (words: number) => number) {
    let snapshot = startSnapshot(machine);
    const turns: { turn: number; stepId: string; visible: string[]; responseMs: number }[] = [];
    while (!endingReached(scenario!, snapshot.context)) {
      const step = currentStep(scenario!, snapshot.context)!;
      const visible = visibleChoices(scenario!, snapshot.context);
      const longest = visible.reduce((best, choice) => (choice.text.text.length > best.text.text.length ? choice : best));
      const turn: number = turns.length + 1;
      const words = decisionOf(scenario!, step.id, visible.map((choice) => choice.id)).words;
      // The server measures from the step being shown: the typing pause (JavaScript) comes first.
      turns.push({ turn, stepId: step.id, visible: visible.map((choice) => choice.id), responseMs: (turn > 1 ? JS_TYPING_PAUSE_MS : 0) + think(words) });
      snapshot = advanceAttempt(machine, scenario!, snapshot, { choiceId: longest.id, late: false });
    }
    return fastRepliesOf(scenario!, turns);
  }

  it("flags always picking the longest reply at about 1.2 s a reply", () => {
    const result = playLongest(() => 1_200);
    expect(result.replies).toBeGreaterThan(0);
    expect(result.flagged).toBe(true);
  });

  it("does not flag a normal pace: reading at 250 words a minute, then a few seconds to choose", () => {
    const result = playLongest((words) => (words / 250) * 60_000 + 3_000);
    expect(result).toMatchObject({ fast: 0, flagged: false });
  });

  it("does not flag a fast skimmer at 600 words a minute who decides in a second", () => {
    expect(playLongest((words) => (words / 600) * 60_000 + 1_000).flagged).toBe(false);
  });
});
