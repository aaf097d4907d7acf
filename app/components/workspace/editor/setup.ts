/**
 * The CodeMirror editor itself. The component loads this module with a dynamic import once the
 * page runs, so CodeMirror is a chunk of its own and the page without JavaScript keeps its textarea.
 */
import { autocompletion } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { indentUnit } from "@codemirror/language";
import { lintGutter, lintKeymap, setDiagnostics } from "@codemirror/lint";
import { search, searchKeymap } from "@codemirror/search";
import { EditorState } from "@codemirror/state";
import { EditorView, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers } from "@codemirror/view";
import { reopensCompletion, scenarioCompletions } from "./completions";
import { offsetAt, toDiagnostics } from "./diagnostics";
import type { EditorProblem } from "./diagnostics";
import { scenarioHighlighting, scenarioLanguage } from "./language";
import type { EditorWords } from "./words";

export interface ScenarioEditorOptions {
  parent: HTMLElement;
  doc: string;
  words: EditorWords;
  /** Attributes of the editable element: its accessible name and description. */
  contentAttributes: Record<string, string>;
  problems: readonly EditorProblem[];
  onChange: (source: string) => void;
  /** Where the cursor starts (the textarea's, when the trainer was already typing in it). */
  selection?: number;
  /** The page's CSP nonce: CodeMirror's base styles are a `<style>` element, which carries it. */
  nonce?: string;
}

export interface ScenarioEditorHandle {
  setProblems(problems: readonly EditorProblem[]): void;
  jumpTo(line: number, column: number): void;
  focus(): void;
  destroy(): void;
}

export function createScenarioEditor(options: ScenarioEditorOptions): ScenarioEditorHandle {
  const state = EditorState.create({
    doc: options.doc,
    selection: options.selection === undefined ? undefined : { anchor: Math.min(options.selection, options.doc.length) },
    extensions: [
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightSpecialChars(),
      history(),
      lintGutter(),
      search({ top: true }),
      EditorView.lineWrapping,
      indentUnit.of("  "),
      scenarioLanguage,
      scenarioHighlighting,
      // Its own keymap (arrows, Enter, Escape while the list is open) takes precedence over the ones below.
      autocompletion({ override: [scenarioCompletions(options.words)], icons: false, activateOnCompletion: reopensCompletion }),
      // Tab indents, as in any code editor; Escape then Tab leaves the editor (CodeMirror's escape
      // hatch), which the hint under the editor says.
      keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...lintKeymap, indentWithTab]),
      EditorView.contentAttributes.of(options.contentAttributes),
      options.nonce ? EditorView.cspNonce.of(options.nonce) : [],
      EditorView.updateListener.of((update) => {
        if (update.docChanged) options.onChange(update.state.doc.toString());
      }),
    ],
  });
  const view = new EditorView({ state, parent: options.parent });
  const setProblems = (problems: readonly EditorProblem[]) => view.dispatch(setDiagnostics(view.state, toDiagnostics(view.state.doc.toString(), problems)));
  setProblems(options.problems);
  return {
    setProblems,
    jumpTo(line, column) {
      const pos = offsetAt(view.state.doc.toString(), line, column);
      view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: "center" }) });
      view.focus();
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
