/**
 * The words the editor's completion list shows. The component reads them from the copy
 * (app/locales/en/workspace-editor.ts) and hands them in, so the CodeMirror chunk needs no i18n.
 */
import type { SnippetWords } from "./snippets";
import type { ComponentName } from "./vocabulary";

export interface EditorWords {
  /** What each component is, shown beside its name. */
  components: Record<ComponentName, string>;
  /** What each attribute means, by `Component.attribute`; the skill values share `skill`. */
  attributes: Record<string, string>;
  skill: string;
  required: string;
  closes: string;
  step: string;
  ending: string;
  flag: string;
  flagUnset: string;
  outcome: string;
  header: string;
  snippets: SnippetWords;
}

/** The shape of the copy file, with any language's strings. */
export interface EditorCopy {
  components: Record<ComponentName, string>;
  attributes: Record<
    | "stepId"
    | "stepPatience"
    | "choiceTo"
    | "choiceMood"
    | "choiceFeedback"
    | "choiceSet"
    | "choiceRequires"
    | "choiceUnless"
    | "choiceId"
    | "endingId"
    | "endingOutcome"
    | "endingResolved"
    | "skill",
    string
  >;
  required: string;
  closes: string;
  step: string;
  ending: string;
  flag: string;
  flagUnset: string;
  outcome: string;
  header: string;
  snippets: SnippetWords;
}

export function editorWords(copy: EditorCopy): EditorWords {
  const a = copy.attributes;
  return {
    components: copy.components,
    attributes: {
      "Step.id": a.stepId,
      "Step.patience": a.stepPatience,
      "Choice.to": a.choiceTo,
      "Choice.mood": a.choiceMood,
      "Choice.feedback": a.choiceFeedback,
      "Choice.set": a.choiceSet,
      "Choice.requires": a.choiceRequires,
      "Choice.unless": a.choiceUnless,
      "Choice.id": a.choiceId,
      "Ending.id": a.endingId,
      "Ending.outcome": a.endingOutcome,
      "Ending.resolved": a.endingResolved,
    },
    skill: a.skill,
    required: copy.required,
    closes: copy.closes,
    step: copy.step,
    ending: copy.ending,
    flag: copy.flag,
    flagUnset: copy.flagUnset,
    outcome: copy.outcome,
    header: copy.header,
    snippets: copy.snippets,
  };
}
