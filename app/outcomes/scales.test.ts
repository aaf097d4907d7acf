import { describe, expect, it } from "vitest";
import { detectScale, normaliseRating } from "./scales";

describe("normaliseRating", () => {
  it("puts every scale on 0–1 and marks the satisfied top of each", () => {
    expect(normaliseRating("5", "1-5")).toEqual({ rating: 1, satisfied: 1 });
    expect(normaliseRating("4", "1-5")).toEqual({ rating: 0.75, satisfied: 1 });
    expect(normaliseRating("3", "1-5")).toEqual({ rating: 0.5, satisfied: 0 });
    expect(normaliseRating("1", "1-5")).toEqual({ rating: 0, satisfied: 0 });
    expect(normaliseRating("9", "1-10")).toEqual({ rating: 0.889, satisfied: 1 });
    expect(normaliseRating("8", "1-10")).toEqual({ rating: 0.778, satisfied: 0 });
    expect(normaliseRating("0", "0-10")).toEqual({ rating: 0, satisfied: 0 });
    expect(normaliseRating("9", "0-10")).toEqual({ rating: 0.9, satisfied: 1 });
    expect(normaliseRating("10", "0-10")).toEqual({ rating: 1, satisfied: 1 });
    expect(normaliseRating(" Good ", "good-bad")).toEqual({ rating: 1, satisfied: 1 });
    expect(normaliseRating("bad", "good-bad")).toEqual({ rating: 0, satisfied: 0 });
  });

  it("explains values the scale cannot hold", () => {
    expect(normaliseRating("0", "1-5")).toBe('"0" is not a whole number from 1 to 5');
    expect(normaliseRating("6", "1-5")).toMatch(/from 1 to 5/);
    expect(normaliseRating("4.5", "1-5")).toMatch(/whole number/);
    expect(normaliseRating("11", "0-10")).toMatch(/from 0 to 10/);
    expect(normaliseRating("great-ish", "good-bad")).toBe('"great-ish" is not a good/bad rating');
    expect(normaliseRating("=1+1", "1-5")).toMatch(/not a whole number/);
  });
});

describe("detectScale", () => {
  it("tells the scales apart from the values seen", () => {
    expect(detectScale(["good", "bad", ""])).toEqual({ scale: "good-bad", ambiguous: false });
    expect(detectScale(["1", "5", "3"])).toEqual({ scale: "1-5", ambiguous: false });
    expect(detectScale(["0", "10", "7"])).toEqual({ scale: "0-10", ambiguous: false });
    expect(detectScale(["1", "10", "7"])).toEqual({ scale: "1-10", ambiguous: true });
  });

  it("gives up rather than guess", () => {
    expect(detectScale([])).toBeNull();
    expect(detectScale(["", " "])).toBeNull();
    expect(detectScale(["12", "3"])).toBeNull();
    expect(detectScale(["good", "4"])).toBeNull();
  });
});
