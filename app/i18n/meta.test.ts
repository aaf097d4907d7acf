import { describe, expect, it } from "vitest";
import { pageTitle, productTitle } from "./meta";

const root = (locale: unknown) => [{ id: "root", data: { locale } }];

describe("pageTitle", () => {
  it("names the page, then the product, through the translations", () => {
    expect(pageTitle(root("en"), (t) => t("signIn.title"))).toEqual([{ title: "Sign in · Frontline" }]);
    expect(pageTitle(root("en"), (t) => t("debrief.title", { title: "A lost parcel" }))).toEqual([{ title: "Debrief: A lost parcel · Frontline" }]);
  });

  it("falls back to the default language when the root has no usable locale (an error before its loader ran)", () => {
    expect(pageTitle([], (t) => t("nav.team"))).toEqual([{ title: "Team overview · Frontline" }]);
    expect(pageTitle(root("xx"), (t) => t("nav.team"))).toEqual([{ title: "Team overview · Frontline" }]);
    expect(productTitle(root(42))).toEqual([{ title: "Frontline" }]);
  });
});
