/** The trainers' guide is a content page, and its worked example is what the engine computes. */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { checkScenarioSource, playByPositions } from "~/engine";
import { starterSource } from "~/workspace/source";
import { checkMarkdown } from "./guide-check";

const guide = readFileSync(new URL("../../content/writing-scenarios.md", import.meta.url), "utf8");

it("content/writing-scenarios.md passes the content-page check", () => {
  expect(checkMarkdown(guide, "a content page", { tables: true })).toEqual([]);
});

it("scores the guide's worked example (the starter with reply B added) as the guide says", () => {
  const replyB = `  <Choice to="options" empathy={1} feedback="Kind, but it skips what Sam told you (listening).">\n    Sorry to hear that! What's your order number?\n  </Choice>\n`;
  const starter = starterSource("kettle-lid", "A cracked lid");
  const at = starter.indexOf('  <Choice to="options" listening={-1}');
  expect(at).toBeGreaterThan(0);
  const { scenario, problems } = checkScenarioSource(starter.slice(0, at) + replyB + starter.slice(at), { path: "guide.mdx", hash: "g" });
  expect(problems.filter((problem) => problem.severity === "error")).toEqual([]);
  const played = playByPositions(scenario!, [2, 1]);
  expect(played.ok && played.result).toMatchObject({
    overall: 83,
    skills: { listening: { score: 33 }, empathy: { score: 100 }, calm: null, persuasion: { score: 100 }, expectations: { score: 100 } },
  });
  expect(guide).toContain("A trainee who picks B and then D scores listening 33");
  expect(guide).toContain("which is 83⅓, shown as 83");
});
