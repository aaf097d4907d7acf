import { describe, expect, it } from "vitest";
import { conversationsOf, countReplies, isConversation } from "./history";
import { attempt } from "./testing";

describe("countReplies", () => {
  it("counts each rating and leaves out turns that assessed nothing", () => {
    expect(countReplies(["best", null, "fair", "best", "poor", null])).toEqual({ best: 2, fair: 1, poor: 1 });
    expect(countReplies([])).toEqual({ best: 0, fair: 0, poor: 0 });
  });
});

describe("conversationsOf", () => {
  it("keeps completed attempts only: abandoned and unfinished ones never count", () => {
    const kept = attempt();
    const history = [attempt({ status: "abandoned", endedAt: "2026-03-02T09:00:00Z", outcome: null }), kept, attempt({ status: "in-progress", endedAt: null, outcome: null })];
    expect(conversationsOf(history).map((c) => c.id)).toEqual([kept.id]);
  });

  it("orders by the moment each ended (whatever the zone it is written in), then by id", () => {
    const late = attempt({ endedAt: "2026-03-02T12:00:00Z" });
    const early = attempt({ endedAt: "2026-03-02T12:30:00+02:00" }); // 10:30 UTC
    const tieA = attempt({ endedAt: "2026-03-02T11:00:00Z" });
    const tieB = attempt({ endedAt: "2026-03-02T11:00:00.000Z" });
    expect(conversationsOf([late, tieB, early, tieA]).map((c) => c.id)).toEqual([early.id, tieA.id, tieB.id, late.id]);
  });
});

describe("isConversation", () => {
  it("names the attempt and the problem when a completed attempt carries impossible data", () => {
    const id = 77;
    expect(() => isConversation(attempt({ id, endedAt: null }))).toThrow("attempt 77: completed without an end time");
    expect(() => isConversation(attempt({ id, endedAt: "2026-03-02 10:00" }))).toThrow('attempt 77: endedAt "2026-03-02 10:00"');
    expect(() => isConversation(attempt({ id, outcome: null }))).toThrow("attempt 77: outcome null is not an outcome");
    expect(() => isConversation(attempt({ id, scores: { calm: 101 } }))).toThrow("attempt 77: calm score 101 is not a whole number from 0 to 100");
    expect(() => isConversation(attempt({ id, overall: -1 }))).toThrow("attempt 77: overall -1");
    expect(() => isConversation(attempt({ id, replies: { best: 1.5, fair: 0, poor: 0 } }))).toThrow("attempt 77: reply counts 1.5/0/0");
    expect(() => isConversation(attempt({ id, lowestMood: -6 }))).toThrow("attempt 77: lowest mood -6 is not from -5 to 5");
  });

  it("does not inspect attempts that do not count", () => {
    expect(isConversation(attempt({ status: "abandoned", overall: 500 }))).toBe(false);
  });
});
