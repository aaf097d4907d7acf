/** The trainer guide's example must stay a valid scenario. */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { checkScenarioSource } from "./check";
import { playByPositions } from "./play";

it("the complete example in content/writing-scenarios.md passes check and plays", () => {
  const guide = readFileSync(new URL("../../content/writing-scenarios.md", import.meta.url), "utf8");
  const example = /```mdx\n([\s\S]*?)```/.exec(guide)?.[1];
  expect(example).toBeDefined();
  const { scenario, problems } = checkScenarioSource(example!, { path: "guide.mdx", hash: "g" });
  expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  const best = playByPositions(scenario!, [1, 1]);
  expect(best.ok && best.result).toMatchObject({ ending: "sorted", overall: 100, csat: 4 });
});
