import { describe, expect, it } from "vitest";
import { wrapLabel } from "./wrap-label";

describe("wrapLabel", () => {
  it("breaks at spaces so that no line is longer than the width", () => {
    expect(wrapLabel("The loaf that shouldn't have been there", 16)).toEqual(["The loaf that", "shouldn't have", "been there"]);
  });

  it("keeps a short label on one line and a long word whole", () => {
    expect(wrapLabel("No receipt", 16)).toEqual(["No receipt"]);
    expect(wrapLabel("Incomprehensibilities ahead", 10)).toEqual(["Incomprehensibilities", "ahead"]);
  });
});
