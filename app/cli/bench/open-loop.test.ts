import { describe, expect, it } from "vitest";
import { seededRandom } from "~/engine/random";
import { capacityOf, holds, poissonArrivals } from "./open-loop";
import { percentile } from "./stats";

describe("Poisson arrivals", () => {
  it("come at the asked rate on average, ascending, inside the span", () => {
    const times = poissonArrivals(200, 50, seededRandom(7));
    expect(times.length / 50).toBeGreaterThan(190);
    expect(times.length / 50).toBeLessThan(210);
    expect(times.every((time, i) => time >= 0 && time < 50_000 && (i === 0 || time >= times[i - 1]!))).toBe(true);
  });

  it("have exponential gaps: as many shorter as longer than ln 2 / rate, and a mean gap of 1 / rate", () => {
    const rate = 100;
    const times = poissonArrivals(rate, 200, seededRandom(11));
    const gaps = times.slice(1).map((time, i) => time - times[i]!);
    const mean = gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
    expect(mean).toBeGreaterThan(9.5);
    expect(mean).toBeLessThan(10.5);
    // A fixed-interval schedule (every 10 ms) would put the median at the mean; an exponential puts it at ln 2 × the mean.
    expect(percentile(gaps, 50)).toBeGreaterThan(6.5);
    expect(percentile(gaps, 50)).toBeLessThan(7.4);
  });

  it("are the same for the same seed, and none for a rate or span of zero", () => {
    expect(poissonArrivals(50, 2, seededRandom(3))).toEqual(poissonArrivals(50, 2, seededRandom(3)));
    expect(poissonArrivals(0, 5, seededRandom(3))).toEqual([]);
    expect(poissonArrivals(50, 0, seededRandom(3))).toEqual([]);
  });

  it("stay finite when the random source gives its largest value", () => {
    // The longest gap mulberry32 can give: -ln(2^-32) / rate, 2.218 s at 10 per second.
    const times = poissonArrivals(10, 10, () => 1 - 2 ** -32);
    expect(times.map(Math.round)).toEqual([2218, 4436, 6654, 8872]);
  });
});

describe("capacity", () => {
  const point = { cycles: 1000, p99: 40, errors: 0, skipped: 0 };

  it("a step holds with p99 within the limit, no error and no skipped arrival", () => {
    expect(holds(point, 100)).toBe(true);
    expect(holds({ ...point, p99: 100.1 }, 100)).toBe(false);
    expect(holds({ ...point, errors: 1 }, 100)).toBe(false);
    expect(holds({ ...point, skipped: 1 }, 100)).toBe(false);
    expect(holds({ ...point, cycles: 0, p99: Number.NaN }, 100)).toBe(false);
  });

  it("is the highest rate that held before the first step that broke", () => {
    const curve = [50, 100, 150, 200, 250].map((rate) => ({ rate, held: rate <= 150 }));
    expect(capacityOf(curve)).toBe(150);
    // A lucky step after a broken one does not count: the curve ended where it first broke.
    expect(capacityOf([...curve, { rate: 300, held: true }])).toBe(150);
    expect(capacityOf([{ rate: 300, held: true }, ...curve])).toBe(150);
  });

  it("is 0 when the first step broke or there is none", () => {
    expect(capacityOf([{ rate: 50, held: false }])).toBe(0);
    expect(capacityOf([])).toBe(0);
  });
});
