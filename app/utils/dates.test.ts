import { describe, expect, it } from "vitest";
import { formatDate } from "./dates";

describe("formatDate", () => {
  it("writes English dates the British way, in UTC", () => {
    expect(formatDate("2026-11-23T23:30:00.000Z", "en")).toBe("23 Nov 2026");
  });

  it("uses other languages' own format", () => {
    expect(formatDate("2026-11-23T10:00:00.000Z", "pl")).toBe("23 lis 2026");
  });
});
