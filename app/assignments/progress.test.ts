import { describe, expect, it } from "vitest";
import { compareForTrainee, isInactive, isOverdue, isPastDay, moveScenario, needsAttention, progressOf, scenarioListProblem } from "./progress";

const ASSIGNED = "2026-03-10T09:00:00.000Z";

function progress(lastCompleted: Record<string, string>, { dueOn = null as string | null, today = "2026-03-12", scenarioIds = ["a", "b", "c"] } = {}) {
  return progressOf({ scenarioIds, assignedAt: ASSIGNED, dueOn, today, lastCompleted: (id) => lastCompleted[id] });
}

describe("progressOf", () => {
  it("counts a scenario done only when it was finished at or after the assignment", () => {
    expect(progress({ a: "2026-03-10T08:59:59.999Z" }).done).toEqual([]);
    expect(progress({ a: ASSIGNED }).done).toEqual(["a"]);
    expect(progress({ a: "2026-03-11T10:00:00.000Z", c: "2026-03-11T11:00:00.000Z" })).toEqual({ status: "open", done: ["a", "c"], next: "b" });
  });

  it("is done when every scenario is, whatever the due date", () => {
    const all = { a: "2026-03-11T10:00:00.000Z", b: "2026-03-11T10:00:00.000Z", c: "2026-03-20T10:00:00.000Z" };
    expect(progress(all, { dueOn: "2026-03-11", today: "2026-03-25" })).toEqual({ status: "done", done: ["a", "b", "c"], next: null });
  });

  it("is overdue once the due day has passed in UTC, and not on the due day itself", () => {
    expect(progress({}, { dueOn: "2026-03-12", today: "2026-03-12" }).status).toBe("open");
    expect(progress({}, { dueOn: "2026-03-12", today: "2026-03-13" }).status).toBe("overdue");
    expect(progress({}, { dueOn: null, today: "2030-01-01" }).status).toBe("open");
  });

  it("follows the pathway's order for what is next", () => {
    expect(progress({ b: "2026-03-11T10:00:00.000Z" }).next).toBe("a");
    expect(progress({ a: "2026-03-11T10:00:00.000Z" }).next).toBe("b");
  });

  it("never calls an assignment with nothing left to play done", () => {
    expect(progress({}, { scenarioIds: [] })).toEqual({ status: "open", done: [], next: null });
  });
});

describe("due days", () => {
  it("refuses only days before today", () => {
    expect(isPastDay("2026-03-11", "2026-03-12")).toBe(true);
    expect(isPastDay("2026-03-12", "2026-03-12")).toBe(false);
    expect(isOverdue("2026-03-11", "2026-03-12")).toBe(true);
    expect(isOverdue(null, "2026-03-12")).toBe(false);
  });
});

describe("compareForTrainee", () => {
  const item = (id: number, status: "open" | "overdue" | "done", dueOn: string | null, createdAt: string) => ({ id, status, dueOn, createdAt });
  it("puts overdue first, then the nearest due day, then no due day, newest first within each", () => {
    const items = [
      item(1, "open", null, "2026-03-01T00:00:00.000Z"),
      item(2, "open", "2026-04-01", "2026-03-01T00:00:00.000Z"),
      item(3, "overdue", "2026-03-05", "2026-03-01T00:00:00.000Z"),
      item(4, "open", null, "2026-03-09T00:00:00.000Z"),
      item(5, "open", "2026-03-20", "2026-03-02T00:00:00.000Z"),
      item(6, "overdue", "2026-03-02", "2026-02-01T00:00:00.000Z"),
      item(7, "open", "2026-03-20", "2026-03-08T00:00:00.000Z"),
    ];
    expect(items.sort(compareForTrainee).map((entry) => entry.id)).toEqual([6, 3, 7, 5, 2, 4, 1]);
  });
});

describe("isInactive", () => {
  it("flags no activity on any of the last 14 UTC days, today included, and someone who never played", () => {
    expect(isInactive(null, "2026-03-15")).toBe(true);
    expect(isInactive("2026-03-01T23:59:59.000Z", "2026-03-15")).toBe(true);
    expect(isInactive("2026-03-02T00:00:00.000Z", "2026-03-15")).toBe(false);
    expect(isInactive("2026-03-15T08:00:00.000Z", "2026-03-15")).toBe(false);
  });
});

describe("needsAttention", () => {
  it("needs a mastery below 50 over at least three assessed conversations", () => {
    expect(needsAttention(49, 3)).toBe(true);
    expect(needsAttention(50, 5)).toBe(false);
    expect(needsAttention(10, 2)).toBe(false);
    expect(needsAttention(null, 9)).toBe(false);
  });
});

describe("pathway lists", () => {
  const known = new Set(["a", "b", "c"]);
  it("names what is wrong: empty, unknown, twice", () => {
    expect(scenarioListProblem([], known)).toEqual({ kind: "empty" });
    expect(scenarioListProblem(["a", "zz"], known)).toEqual({ kind: "unknown", id: "zz" });
    expect(scenarioListProblem(["a", "b", "a"], known)).toEqual({ kind: "duplicate", id: "a" });
    expect(scenarioListProblem(["c", "a"], known)).toBeNull();
  });

  it("moves one place up or down and stays put at the ends", () => {
    expect(moveScenario(["a", "b", "c"], "b", "up")).toEqual(["b", "a", "c"]);
    expect(moveScenario(["a", "b", "c"], "b", "down")).toEqual(["a", "c", "b"]);
    expect(moveScenario(["a", "b", "c"], "a", "up")).toEqual(["a", "b", "c"]);
    expect(moveScenario(["a", "b", "c"], "c", "down")).toEqual(["a", "b", "c"]);
    expect(moveScenario(["a", "b"], "x", "up")).toEqual(["a", "b"]);
  });
});
