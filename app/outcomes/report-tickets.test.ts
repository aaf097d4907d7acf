import { describe, expect, it } from "vitest";
import { csatShare, indexTickets, meanRating, monthsBetween, resolutionShare, shiftIso, totalsBetween, totalsByMonth } from "./report-tickets";

const agent = (userId: number, tickets: [at: string, satisfied: -1 | 0 | 1, rating: number, resolved: -1 | 0 | 1][]) =>
  indexTickets({
    userId,
    time: Float64Array.from(tickets, ([at]) => Date.parse(at)),
    satisfied: Int8Array.from(tickets.map(([, satisfied]) => satisfied)),
    rating: Float64Array.from(tickets.map(([, , rating]) => rating)),
    resolved: Int8Array.from(tickets.map(([, , , resolved]) => resolved)),
  });

const ana = agent(1, [
  ["2026-03-31T23:59:59.999Z", 1, 1, 1],
  ["2026-04-01T00:00:00.000Z", 0, 0.25, 0],
  ["2026-04-15T00:00:00.000Z", -1, Number.NaN, 1],
  ["2026-06-02T00:00:00.000Z", 1, 0.75, -1],
]);
const ben = agent(2, [["2026-04-20T00:00:00.000Z", 1, 1, 1]]);

describe("totalsBetween", () => {
  it("counts tickets in [from, to): rated ones for CSAT and the mean rating, known resolutions for resolution", () => {
    const april = totalsBetween(ana, Date.parse("2026-04-01T00:00:00.000Z"), Date.parse("2026-05-01T00:00:00.000Z"));
    expect(april).toEqual({ tickets: 2, rated: 1, satisfied: 0, ratingSum: 0.25, resolutionKnown: 2, resolved: 1 });
    expect([csatShare(april), meanRating(april), resolutionShare(april)]).toEqual([0, 0.25, 0.5]);
    expect(totalsBetween(undefined, 0, Date.now())).toEqual({ tickets: 0, rated: 0, satisfied: 0, ratingSum: 0, resolutionKnown: 0, resolved: 0 });
    expect(csatShare(totalsBetween(ana, Date.parse("2026-04-10T00:00:00.000Z"), Date.parse("2026-05-01T00:00:00.000Z")))).toBeNull();
  });
});

describe("totalsByMonth", () => {
  it("adds every agent's tickets in the dates by calendar month, oldest first, without empty months", () => {
    const months = totalsByMonth([ben, ana], Date.parse("2026-04-01T00:00:00.000Z"), Date.parse("2026-07-01T00:00:00.000Z"));
    expect([...months.keys()]).toEqual(["2026-04", "2026-06"]);
    expect(months.get("2026-04")).toMatchObject({ tickets: 3, rated: 2, satisfied: 1, resolutionKnown: 3, resolved: 2 });
  });
});

describe("monthsBetween", () => {
  it("lists every month from the first to the last, across a year's end", () => {
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsBetween("2026-03", "2026-03")).toEqual(["2026-03"]);
  });
});

describe("shiftIso", () => {
  it("moves a time and stays within what compares as text: the open ends of the date filter stay put", () => {
    const week = 7 * 24 * 60 * 60 * 1000;
    expect(shiftIso("2026-04-01T00:00:00.000Z", -week)).toBe("2026-03-25T00:00:00.000Z");
    expect(shiftIso("0000-01-01T00:00:00.000Z", -week)).toBe("0000-01-01T00:00:00.000Z");
    expect(shiftIso("9999-12-31T23:59:59.999Z", 12 * week)).toBe("9999-12-31T23:59:59.999Z");
  });
});
