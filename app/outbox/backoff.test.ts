import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff";

const limits = { baseMs: 1_000, maxMs: 60_000 };

describe("backoffDelay", () => {
  it("doubles from the base, between half and all of the planned wait", () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, limits, () => 0))).toEqual([500, 1_000, 2_000, 4_000]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, limits, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it("stops growing at the maximum, however many tries failed", () => {
    expect(backoffDelay(7, limits, () => 1)).toBe(60_000);
    expect(backoffDelay(1_000, limits, () => 1)).toBe(60_000);
    expect(backoffDelay(1_000, limits, () => 0)).toBe(30_000);
  });

  it("spreads the retries of one outage (jitter)", () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(3, limits, random)));
    expect(delays.size).toBeGreaterThan(40);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(2_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(4_000);
  });
});
