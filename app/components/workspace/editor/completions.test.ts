import { CompletionContext } from "@codemirror/autocomplete";
import type { CompletionResult } from "@codemirror/autocomplete";
import { EditorState } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { workspaceEditor } from "~/locales/en/workspace-editor";
import { reopensCompletion, scenarioCompletions } from "./completions";
import { ATTRIBUTES, COMPONENT_NAMES } from "./vocabulary";
import { editorWords } from "./words";

const words = editorWords(workspaceEditor);
const source = scenarioCompletions(words);

/** The completion result at the `|` in `text`. */
function complete(text: string, explicit = false): CompletionResult | null {
  const pos = text.indexOf("|");
  const state = EditorState.create({ doc: text.slice(0, pos) + text.slice(pos + 1) });
  return source(new CompletionContext(state, pos, explicit)) as CompletionResult | null;
}

/** The labels in the order the list shows them when nothing is typed yet: boost first, then sortText. */
function labels(result: CompletionResult | null): string[] {
  const options = [...(result?.options ?? [])];
  options.sort((a, b) => (b.boost ?? 0) - (a.boost ?? 0) || (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  return options.map((option) => option.label);
}

const doc = `---
id: kettle
title: Kettle
---
<Step id="hello">
  <Customer>Hi</Customer>
  <Choice to="sorted" set="promised checked">Yes</Choice>
  <Choice to="hello" requires="promised" unless="angry">No</Choice>
</Step>
<Ending id="sorted" outcome="satisfied">Done</Ending>
`;
const end = doc.length;
const withCursor = (insert: string, at = end) => doc.slice(0, at) + insert + doc.slice(at);

describe("scenario completions", () => {
  it("offers the components after <, those that belong here first, and the snippets", () => {
    const top = labels(complete(withCursor("<|")));
    expect(top.slice(0, 3)).toEqual(["Brief", "Step", "Ending"]);
    expect(top).toEqual(expect.arrayContaining([...COMPONENT_NAMES, ...Object.values(workspaceEditor.snippets.label)]));
    const inStep = labels(complete(withCursor("  <|", doc.indexOf("</Step>"))));
    expect(inStep.slice(0, 3)).toEqual(["Customer", "Coach", "Choice"]);
  });

  it("opens the attribute list again after a component that takes attributes", () => {
    const options = complete(withCursor("<|"))?.options ?? [];
    expect(options.filter(reopensCompletion).map((option) => option.label)).toEqual(["Step", "Choice", "Ending"]);
    expect(options.find((option) => option.label === "Brief")?.apply).toBe("Brief>");
  });

  it("offers each component's own attributes, required first, leaving out those written", () => {
    expect(labels(complete(withCursor('<Choice |')))).toEqual(["to", "listening", "empathy", "calm", "persuasion", "expectations", "mood", "feedback", "set", "requires", "unless", "id"]);
    expect(labels(complete(withCursor('<Ending outcome="lost" |')))).toEqual(["id", "resolved"]);
    expect(complete(withCursor("<Customer |"))).toBeNull();
    for (const component of COMPONENT_NAMES) {
      for (const attribute of ATTRIBUTES[component]) {
        const info = complete(withCursor(`<${component} |`))?.options.find((option) => option.label === attribute.name)?.info;
        expect(info, `${component}.${attribute.name}`).toBeTruthy();
      }
    }
  });

  it("offers the document's steps and endings in to=", () => {
    const result = complete(withCursor('<Choice to="|'));
    expect(labels(result)).toEqual(["hello", "sorted"]);
    expect(result?.options.map((option) => option.detail)).toEqual([words.step, words.ending]);
    expect(labels(complete(withCursor("<Choice to=|")))).toEqual(["hello", "sorted"]);
  });

  it("offers the flags in set, requires and unless, the ones a reply sets first, without those already written", () => {
    expect(labels(complete(withCursor('<Choice set="|')))).toEqual(["angry", "checked", "promised"]);
    const requires = complete(withCursor('<Choice requires="promised |'));
    expect(labels(requires)).toEqual(["checked", "angry"]);
    expect(requires?.options.map((option) => option.detail)).toEqual([words.flag, words.flagUnset]);
  });

  it("offers outcomes and skill values", () => {
    expect(labels(complete(withCursor('<Ending id="x" outcome="|')))).toEqual(["delighted", "satisfied", "neutral", "escalated", "lost"]);
    expect(labels(complete(withCursor("<Choice empathy={|")))).toEqual(["3", "2", "1", "0", "-1", "-2", "-3"]);
    expect(complete(withCursor("<Choice empathy=|"))?.options[0]?.apply).toBeTypeOf("function");
    expect(complete(withCursor('<Step patience={|'))).toBeNull();
    expect(complete(withCursor('<Step id="|'))).toBeNull();
    expect(complete(withCursor('<Choice feedback="|'))).toBeNull();
  });

  it("offers the front matter keys not written yet, and the values of those with fixed values", () => {
    const keys = labels(complete(doc.replace("title: Kettle\n", "title: Kettle\n|\n")));
    expect(keys).not.toContain("id");
    expect(keys.slice(0, 5)).toEqual(["summary", "persona", "customer", "channel", "difficulty"]);
    expect(labels(complete(doc.replace("title: Kettle\n", "title: Kettle\nchannel: |\n")))).toEqual(["phone", "chat", "email", "in-person", "social"]);
    expect(labels(complete(doc.replace("title: Kettle\n", "title: Kettle\nescalation: |\n")))).toEqual(["sorted"]);
    expect(complete(doc.replace("title: Kettle\n", "title: Kettle\nsummary: |\n"))).toBeNull();
  });

  it("offers snippets in plain text only when asked", () => {
    expect(complete(withCursor("Some words|"))).toBeNull();
    const asked = complete(withCursor("|"), true);
    expect(labels(asked)).toEqual([workspaceEditor.snippets.label.Step, workspaceEditor.snippets.label.Ending, workspaceEditor.snippets.label.Choice, workspaceEditor.snippets.label.Coach]);
  });
});
