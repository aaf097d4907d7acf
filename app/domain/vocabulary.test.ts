/** The shared vocabulary is imported by the browser and the pure engine, so it must import nothing. */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { CHANNELS, OUTCOMES, PERSONAS, ROLES, SKILLS } from "./vocabulary";

it("imports nothing", () => {
  const source = readFileSync(new URL("./vocabulary.ts", import.meta.url), "utf8");
  expect(source).not.toMatch(/^import\s/m);
});

it("has no repeated word in any list", () => {
  for (const list of [SKILLS, PERSONAS, CHANNELS, OUTCOMES, ROLES]) expect(new Set(list).size).toBe(list.length);
});
