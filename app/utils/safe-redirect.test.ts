import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps same-site paths", () => {
    expect(safeRedirectPath("/admin/users/3?x=1")).toBe("/admin/users/3?x=1");
  });
  it.each(["//evil.example", "https://evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "/\r/x", "admin", "", null, undefined])("refuses %s", (value) => {
    expect(safeRedirectPath(value)).toBeNull();
  });
});
