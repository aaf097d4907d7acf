import { describe, expect, it } from "vitest";
import { percentile, summarise } from "./stats";

describe("percentile", () => {
  it("is the nearest rank, whatever the order", () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 90)).toBe(9);
    expect(percentile(values, 99)).toBe(10);
    expect(percentile(values, 0)).toBe(1);
  });

  it("of 1000 values, p99 is the 990th: one slow request in a hundred shows", () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i < 989 ? 1 : 500));
    expect(percentile(values, 99)).toBe(500);
    expect(percentile(values.slice(1), 99)).toBe(500);
  });

  it("is NaN with no values", () => {
    expect(percentile([], 50)).toBeNaN();
    expect(summarise([]).count).toBe(0);
  });
});
