import { describe, expect, it } from "vitest";
import { checkScenarioSource } from "~/engine/check";
import { workspaceEditor } from "~/locales/en/workspace-editor";
import { expandSnippet, snippets } from "./snippets";
import type { SnippetName } from "./snippets";

const list = snippets(workspaceEditor.snippets);
const template = (name: SnippetName) => list.find((snippet) => snippet.name === name)?.template ?? "";

const header = ["---", "id: snippet-check", "title: Snippets", "summary: Every snippet, filled in.", "persona: patient", "customer: Sam", "channel: chat", "difficulty: 1", "---"].join("\n");

describe("snippets", () => {
  it("offers Step, Choice, Ending and Coach with plain labels", () => {
    expect(list.map((snippet) => snippet.name)).toEqual(["Step", "Choice", "Ending", "Coach"]);
    for (const snippet of list) {
      expect(snippet.label).toMatch(/^[A-Z][A-Za-z ]+$/);
      expect(snippet.label.startsWith(snippet.name)).toBe(true);
      expect(snippet.detail).toBeTruthy();
    }
  });

  it("gives every snippet tab stops, and a last stop after the tag", () => {
    for (const snippet of list) {
      expect(snippet.template).toMatch(/\$\{1:[^}]+\}/);
      expect(snippet.template).toMatch(new RegExp(`\\$\\{\\}$`));
    }
  });

  it("expands to a scenario the engine accepts as it is", () => {
    const ending = expandSnippet(template("Ending"));
    const endingId = /id="([^"]+)"/.exec(ending)?.[1] ?? "";
    // The Step's reply and the extra Choice lead to the Ending; the Coach sits inside the Step.
    const step = expandSnippet(template("Step"), { 3: endingId }).replace(
      "</Step>",
      `  <${expandSnippet(template("Coach"))}\n  <${expandSnippet(template("Choice"), { 1: endingId }, "    ").replace("\n</Choice>", "\n  </Choice>")}\n</Step>`,
    );
    const source = `${header}\n<${step}\n\n<${ending}\n`;
    const result = checkScenarioSource(source, { path: "snippets.mdx", hash: "0" });
    expect(result.problems.filter((problem) => problem.severity === "error"), source).toEqual([]);
    expect(result.scenario?.steps).toBeDefined();
  });

  it("keeps template syntax out of the placeholders", () => {
    const odd = snippets({ ...workspaceEditor.snippets, customer: "Say ${1:this} {now} \\ # $" });
    expect(odd[0]?.template).toContain("<Customer>${2:Say 1:this now   }</Customer>");
  });
});

describe("expandSnippet", () => {
  it("fills every field with its placeholder or the given text, and indents", () => {
    expect(expandSnippet('A ${1:x} ${2:y}\n\tB ${}', { 2: "z" }, "--")).toBe("A x z\n--B ");
  });
});
