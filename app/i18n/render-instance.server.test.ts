import { describe, expect, it } from "vitest";
import { renderInstanceFor } from "./render-instance.server";

describe("renderInstanceFor", () => {
  it("initialises one instance per language and reuses it", async () => {
    const first = await renderInstanceFor("en");
    const again = await renderInstanceFor("en");
    expect(again).toBe(first);
    expect(first.language).toBe("en");
    expect(first.isInitialized).toBe(true);
  });

  it("translates with the app's strings", async () => {
    const instance = await renderInstanceFor("en");
    const key = "skills.empathy.name";
    expect(instance.t(key)).not.toBe(key);
  });
});
