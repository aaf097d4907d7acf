import { describe, expect, it } from "vitest";
import { isTiming } from "~/domain/timing";
import { isLate, LATENESS_GRACE_MS, patienceUnder, replyDeadline } from "./timing";

describe("patienceUnder", () => {
  it("keeps the patience as written, doubles it, or removes the limit", () => {
    expect(patienceUnder("normal", 45)).toBe(45);
    expect(patienceUnder("extended", 45)).toBe(90);
    expect(patienceUnder("none", 45)).toBeNull();
  });

  it("never invents a limit where the step has none", () => {
    expect(patienceUnder("normal", null)).toBeNull();
    expect(patienceUnder("extended", null)).toBeNull();
  });
});

describe("lateness under a setting", () => {
  const shown = "2026-01-01T10:00:00.000Z";
  const after = (seconds: number) => new Date(Date.parse(shown) + seconds * 1000 + LATENESS_GRACE_MS + 1);

  it("is late only after the chosen limit and the grace", () => {
    expect(isLate(replyDeadline(shown, patienceUnder("normal", 45)), after(45))).toBe(true);
    expect(isLate(replyDeadline(shown, patienceUnder("extended", 45)), after(45))).toBe(false);
    expect(isLate(replyDeadline(shown, patienceUnder("extended", 45)), after(90))).toBe(true);
    expect(isLate(replyDeadline(shown, patienceUnder("none", 45)), after(3600))).toBe(false);
  });
});

describe("isTiming", () => {
  it("accepts the three settings and nothing else", () => {
    expect(["normal", "extended", "none"].every(isTiming)).toBe(true);
    expect(isTiming("double")).toBe(false);
    expect(isTiming(undefined)).toBe(false);
  });
});
