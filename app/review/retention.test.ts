import { describe, expect, it } from "vitest";
import type { Rating } from "~/engine/scoring";
import { GameInputError } from "~/game/time";
import type { ReviewResult } from "./retention";
import { MIN_REVIEWS, retention, RETENTION_WINDOW_DAYS } from "./retention";

const NOW = "2026-04-30T15:00:00.000Z";
const on = (day: string, rating: Rating, time = "10:00:00"): ReviewResult => ({ reviewedAt: `${day}T${time}.000Z`, rating });

describe("retention", () => {
  it("is the share of reviews answered with the best reply, with the counts it rests on", () => {
    const results = [on("2026-04-28", "best"), on("2026-04-27", "best"), on("2026-04-20", "fair"), on("2026-04-10", "poor"), on("2026-04-02", "best"), on("2026-04-29", "best")];
    expect(retention(results, NOW)).toEqual({ percent: 67, best: 4, reviews: 6, from: "2026-04-01", to: "2026-04-30" });
  });

  it("is null with fewer than five reviews, but still says how many there are", () => {
    const four = Array.from({ length: MIN_REVIEWS - 1 }, () => on("2026-04-29", "best"));
    expect(retention(four, NOW)).toMatchObject({ percent: null, best: 4, reviews: 4 });
    expect(retention([...four, on("2026-04-29", "poor")], NOW)).toMatchObject({ percent: 80, reviews: 5 });
    expect(retention([], NOW)).toMatchObject({ percent: null, best: 0, reviews: 0 });
  });

  it("counts only the last 30 UTC days, today included, whatever the hour", () => {
    expect(RETENTION_WINDOW_DAYS).toBe(30);
    const inside = [on("2026-04-01", "best", "00:00:00"), on("2026-04-30", "best", "23:59:59")];
    const outside = [on("2026-03-31", "poor", "23:59:59"), on("2026-05-01", "poor", "00:00:00")];
    const results = [...inside, ...inside, on("2026-04-15", "best"), ...outside];
    expect(retention(results, NOW)).toMatchObject({ percent: 100, reviews: 5 });
    expect(retention(results, "2026-04-30T00:00:01.000Z")).toEqual(retention(results, "2026-04-30T23:59:59.000Z"));
    expect(retention(results, NOW, 7)).toMatchObject({ percent: null, reviews: 2, from: "2026-04-24" });
  });

  it("refuses a review time without a zone, and a window that is not whole days", () => {
    expect(() => retention([{ reviewedAt: "2026-04-29 10:00", rating: "best" }], NOW)).toThrow(/review 1: reviewedAt/);
    expect(() => retention([], NOW, 0)).toThrow(GameInputError);
    expect(() => retention([], NOW, 2.5)).toThrow(/2.5/);
  });
});
