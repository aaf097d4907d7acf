import { describe, expect, it } from "vitest";
import type { ItemAnalysisView } from "./item-analysis.server";
import { ITEM_CSV_HEADER, itemCsvRows } from "./item-csv.server";

const view: ItemAnalysisView = {
  scenarioId: "kettle",
  versions: [],
  selected: { hash: "a".repeat(64), createdAt: "2026-11-01T00:00:00.000Z", current: true, attempts: 20, fastExcluded: 1 },
  minAnswers: 20,
  fastExcluded: 1,
  rows: [
    {
      key: "hello|hello.1,hello.2",
      stepId: "hello",
      customer: ["Hi, my kettle broke.", "=It's a week old!"],
      replies: [
        { id: "hello.1", text: "Oh no, let's sort that out.", best: true, count: 15 },
        { id: "hello.2", text: "Do you have the receipt?", best: false, count: 5 },
      ],
      stats: {
        answers: 20,
        facility: 0.75,
        discrimination: 0.123456,
        popularWrong: { id: "hello.2", text: "Do you have the receipt?", best: false, count: 5, share: 0.25 },
        topThird: { trainees: 3, answers: 6, best: 6, popularWrong: null },
        flags: { tooEasy: false, notSeparating: true, keyError: false },
      },
    },
  ],
};

describe("item analysis CSV", () => {
  it("writes one row per decision, in the header's order", () => {
    const [row] = itemCsvRows(view);
    expect(Object.fromEntries(ITEM_CSV_HEADER.map((name, index) => [name, row![index]]))).toEqual({
      scenario_id: "kettle",
      version: "a".repeat(64),
      version_created_at: "2026-11-01T00:00:00.000Z",
      step_id: "hello",
      customer: "Hi, my kettle broke.\n=It's a week old!",
      replies_offered: "hello.1: Oh no, let's sort that out. (15)\nhello.2: Do you have the receipt? (5)",
      best_replies: "hello.1",
      answers: 20,
      facility: 0.75,
      discrimination_point_biserial: 0.1235,
      popular_wrong_reply_id: "hello.2",
      popular_wrong_reply: "Do you have the receipt?",
      popular_wrong_answers: 5,
      top_third_trainees: 3,
      top_third_answers: 6,
      top_third_best: 6,
      flags_shown: "yes",
      flag_too_easy: "no",
      flag_not_separating: "yes",
      flag_possible_key_error: "no",
    });
  });

  it("leaves the flag cells empty below the minimum number of answers, and writes nothing without a version", () => {
    const few = { ...view, rows: [{ ...view.rows[0]!, stats: { ...view.rows[0]!.stats, flags: null } }] };
    expect(itemCsvRows(few)[0]!.slice(-4)).toEqual(["no", null, null, null]);
    expect(itemCsvRows({ ...view, selected: null })).toEqual([]);
  });
});
