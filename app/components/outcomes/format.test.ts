import { describe, expect, it } from "vitest";
import { formatCount, formatPercent, formatPoints, formatR } from "./format";

describe("outcome number formats", () => {
  it("writes percentages whole, correlations to two decimals and changes with a sign, with a real minus sign", () => {
    expect(formatPercent(71.6)).toBe("72%");
    expect(formatPercent(null)).toBe("—");
    expect(formatR(0.4249)).toBe("0.42");
    expect(formatR(-0.126)).toBe("\u22120.13");
    expect(formatPoints(7.6)).toBe("+8");
    expect(formatPoints(-3.2)).toBe("\u22123");
    expect(formatPoints(0.44)).toBe("+0.4");
    expect(formatPoints(0)).toBe("0.0");
    expect(formatCount(100000, "en")).toBe("100,000");
  });
});
