import { describe, expect, it } from "vitest";
import { currentNavItem } from "./app-header";

const items = [
  { to: "/train", label: "nav.train" },
  { to: "/train/progress", label: "nav.progress" },
  { to: "/guides", label: "nav.guides" },
] as const;

describe("currentNavItem", () => {
  it("marks the page itself and the pages inside its section", () => {
    expect(currentNavItem(items, "/train")?.to).toBe("/train");
    expect(currentNavItem(items, "/train/attempts/12/debrief")?.to).toBe("/train");
    expect(currentNavItem(items, "/guides/empathy")?.to).toBe("/guides");
  });

  it("prefers the most specific section and ignores mere prefixes", () => {
    expect(currentNavItem(items, "/train/progress")?.to).toBe("/train/progress");
    expect(currentNavItem(items, "/trainers")).toBeUndefined();
    expect(currentNavItem(items, "/admin")).toBeUndefined();
  });
});
