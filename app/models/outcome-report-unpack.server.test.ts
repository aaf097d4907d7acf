import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NOT_ASSESSED, readInstant, unpackAttempts, unpackTickets } from "./outcome-report-unpack.server";

const read = (text: string) => readInstant(text, 0, text.length);

describe("readInstant", () => {
  it("agrees with Date.parse on every instant from year 0 to 9999, with and without milliseconds", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("0000-01-01T00:00:00.000Z"), max: new Date("9999-12-31T23:59:59.999Z"), noInvalidDate: true }), fc.boolean(), (date, withMs) => {
        const text = withMs ? date.toISOString() : date.toISOString().replace(/\.\d{3}Z$/, "Z");
        expect(read(text)).toBe(Date.parse(text));
      }),
      { numRuns: 2_000 },
    );
  });

  it("drops fractions below a millisecond and reads a short fraction as milliseconds", () => {
    expect(read("2026-04-01T09:00:00.1234567Z")).toBe(Date.parse("2026-04-01T09:00:00.123Z"));
    expect(read("2026-04-01T09:00:00.5Z")).toBe(Date.parse("2026-04-01T09:00:00.500Z"));
  });

  it.each(["2026-04-01T09:00:00.Z", "2026-04-01T09:00:00.000+01:00", "2026-04-01 09:00:00.000Z", "2026-4-01T09:00:00.000Z", "2026-04-01T09:00:0x.000Z", "2026-13-01T09:00:00.000Z", "2026-04-01T09:00:00.00aZ", ""])(
    "is NaN for %j",
    (text) => {
      expect(read(text)).toBeNaN();
    },
  );

  it("reads inside a longer text, and gives the calendar month when asked", () => {
    const month = new Int32Array(1);
    expect(readInstant("x,2026-12-31T23:59:59.999Z,y", 2, 26, month)).toBe(Date.parse("2026-12-31T23:59:59.999Z"));
    expect(month[0]).toBe(2026 * 12 + 11);
  });
});

describe("unpackTickets", () => {
  it("reads flags, times and ratings, and puts tickets in time order when they came in another", () => {
    const agent = unpackTickets(7, "1-2026-04-02T09:00:00.000Z 1.0,002026-04-01T09:00:00Z 0.25,--2026-04-03T09:00:00.000Z ");
    if (typeof agent === "string") throw new Error(agent);
    expect(agent.userId).toBe(7);
    expect(Array.from(agent.time, (time) => new Date(time).toISOString())).toEqual(["2026-04-01T09:00:00.000Z", "2026-04-02T09:00:00.000Z", "2026-04-03T09:00:00.000Z"]);
    expect([...agent.satisfied]).toEqual([0, 1, -1]);
    expect([...agent.resolved]).toEqual([0, -1, -1]);
    expect([...agent.rating]).toEqual([0.25, 1, Number.NaN]);
  });

  it.each([
    ["a bad flag", "1x2026-04-02T09:00:00.000Z 1", "1x2026-04-02T09:00:00.000Z 1"],
    ["a rating above 1", "102026-04-02T09:00:00.000Z 1.5", "102026-04-02T09:00:00.000Z 1.5"],
    ["no space before the rating", "11,102026-04-02T09:00:00.000Z", "11"],
    ["a time that is not one", "11yesterday 1", "11yesterday 1"],
  ])("names the ticket with %s", (_, packed, flawed) => {
    expect(unpackTickets(1, packed)).toBe(flawed);
  });
});

describe("unpackAttempts", () => {
  it("reads end times, months and scores, an empty score as not assessed", () => {
    const history = unpackAttempts(3, "2026-01-31T23:00:00.000Z,40,,100,0,;2026-02-01T00:00:00Z,,,,,7");
    if (typeof history === "string") throw new Error(history);
    expect(Array.from(history.endedAt, (ms) => new Date(ms).toISOString())).toEqual(["2026-01-31T23:00:00.000Z", "2026-02-01T00:00:00.000Z"]);
    expect([...history.month]).toEqual([2026 * 12, 2026 * 12 + 1]);
    const N = NOT_ASSESSED;
    expect([...history.scores]).toEqual([40, N, 100, 0, N, N, N, N, N, 7]);
  });

  it.each(["2026-01-31T23:00:00.000Z,40,,100,0", "2026-01-31T23:00:00.000Z,101,,,,", "2026-01-31T23:00:00.000Z,4a,,,,", "not a time,1,2,3,4,5"])("refuses %j, naming where", (packed) => {
    expect(typeof unpackAttempts(1, packed)).toBe("string");
  });
});
