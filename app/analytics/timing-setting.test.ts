import { describe, expect, it } from "vitest";
import { timingSettingOf } from "./timing-setting";

describe("timingSettingOf", () => {
  it("reads the attempt's setting, and the normal timer when it has none", () => {
    expect(timingSettingOf({ timing: "extended" })).toBe("extended");
    expect(timingSettingOf({ timing: "none" })).toBe("none");
    expect(timingSettingOf({ timing: null })).toBe("normal");
    expect(timingSettingOf({})).toBe("normal");
    expect(timingSettingOf({ timing: "sideways" })).toBe("normal");
  });
});
