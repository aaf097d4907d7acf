/**
 * The snippets the completion list offers: a whole Step, Choice, Ending or Coach note with tab
 * stops (CodeMirror's `${n:placeholder}` template syntax, `\t` for one indent). Pure data built
 * from the copy, so their wording is translated and their shape is tested against the engine.
 */
import type { ComponentName } from "./vocabulary";

export type SnippetName = Extract<ComponentName, "Step" | "Choice" | "Ending" | "Coach">;

export interface SnippetWords {
  label: Record<SnippetName, string>;
  detail: Record<SnippetName, string>;
  /** Placeholders: ids are kebab-case so that a snippet left as it is still checks. */
  stepId: string;
  endingId: string;
  target: string;
  customer: string;
  reply: string;
  feedback: string;
  ending: string;
  coach: string;
}

export interface Snippet {
  name: SnippetName;
  label: string;
  detail: string;
  /** The template after the `<` that opens it. */
  template: string;
  /** Whether it belongs inside a Step (Choice, Coach) or at the top level (Step, Ending). */
  insideStep: boolean;
}

/** Braces and backslashes would be read as template syntax; placeholders are plain words. */
function plain(text: string): string {
  return text.replace(/[{}\\$#]/g, "");
}

export function snippets(words: SnippetWords): Snippet[] {
  const w = {
    stepId: plain(words.stepId),
    endingId: plain(words.endingId),
    target: plain(words.target),
    customer: plain(words.customer),
    reply: plain(words.reply),
    feedback: plain(words.feedback),
    ending: plain(words.ending),
    coach: plain(words.coach),
  };
  const templates: Record<SnippetName, string> = {
    Step: [
      `Step id="\${1:${w.stepId}}">`,
      `\t<Customer>\${2:${w.customer}}</Customer>`,
      `\t<Choice to="\${3:${w.target}}" feedback="\${4:${w.feedback}}">`,
      `\t\t\${5:${w.reply}}`,
      `\t</Choice>`,
      `</Step>\${}`,
    ].join("\n"),
    Choice: [`Choice to="\${1:${w.target}}" feedback="\${2:${w.feedback}}">`, `\t\${3:${w.reply}}`, `</Choice>\${}`].join("\n"),
    Ending: [`Ending id="\${1:${w.endingId}}" outcome="\${2:satisfied}">`, `\${3:${w.ending}}`, `</Ending>\${}`].join("\n"),
    Coach: `Coach>\${1:${w.coach}}</Coach>\${}`,
  };
  const names: SnippetName[] = ["Step", "Choice", "Ending", "Coach"];
  return names.map((name) => ({
    name,
    label: words.label[name],
    detail: words.detail[name],
    template: templates[name],
    insideStep: name === "Choice" || name === "Coach",
  }));
}

/**
 * The text a template inserts when every field keeps its placeholder (or takes `fill[n]`), with
 * `indent` for each `\t`: what the tests give the engine.
 */
export function expandSnippet(template: string, fill: Record<number, string> = {}, indent = "  "): string {
  return template.replace(/\$\{(\d*)(?::([^}]*))?\}/g, (_, n: string, placeholder?: string) => fill[Number(n)] ?? placeholder ?? "").replace(/\t/g, indent);
}
