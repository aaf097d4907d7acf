/**
 * The scenario source editor. The server renders a plain textarea, which is all a page without
 * JavaScript needs: the form posts it. Once the page runs, CodeMirror (loaded as a chunk of its
 * own) takes over with highlighting, completion, snippets and the live check's underlines; the
 * textarea stays in the form, hidden and kept in step, so a normal submit still posts the text.
 * If CodeMirror cannot load, the textarea simply stays.
 */
import type { LinkDescriptor } from "@remix-run/node";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import styles from "~/styles/workspace-editor.css";
import { offsetAt } from "./editor/diagnostics";
import type { EditorProblem } from "./editor/diagnostics";
import type { ScenarioEditorHandle } from "./editor/setup";
import { editorWords } from "./editor/words";
import "~/locales/en/workspace-editor";

export type { EditorProblem } from "./editor/diagnostics";

export interface ScenarioEditorProps {
  /** The textarea's id (a `<label htmlFor>` points at it). */
  id: string;
  /** The form field the source is posted under. */
  name: string;
  defaultValue: string;
  /** From the server's live check (1-based line and column). */
  problems: readonly EditorProblem[];
  /** Every edit, for the debounced check and autosave. */
  onChange?: (source: string) => void;
  describedBy?: string;
  /** Set by the problem list: the cursor goes there, scrolled into view, and the editor takes the focus. */
  jumpTo?: { line: number; column: number; nonce: number } | null;
}

/** The editor's stylesheet, for the `links` of every route that shows it. */
export function editorStyles(): LinkDescriptor[] {
  return [{ rel: "stylesheet", href: styles }];
}

/**
 * The nonce the server gave this page's scripts. Browsers hide the attribute's value, but the
 * property keeps it; CodeMirror puts it on the `<style>` element of its base styles.
 */
function pageNonce(): string | undefined {
  return document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce || undefined;
}

/** The accessible name for the editable element: the label's id when it has one, else its words. */
function labelAttributes(id: string, fallback: string): Record<string, string> {
  const label = document.querySelector<HTMLLabelElement>(`label[for="${CSS.escape(id)}"]`);
  if (label?.id) return { "aria-labelledby": label.id };
  return { "aria-label": label?.textContent?.trim() || fallback };
}

export function ScenarioEditor({ id, name, defaultValue, problems, onChange, describedBy, jumpTo }: ScenarioEditorProps) {
  const { t } = useTranslation();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const host = useRef<HTMLDivElement>(null);
  const handle = useRef<ScenarioEditorHandle | null>(null);
  const [ready, setReady] = useState(false);
  const hintId = `${id}-hint`;
  const describe = [describedBy, hintId].filter(Boolean).join(" ");
  const copy = t("workspaceEditor", { returnObjects: true });

  // The latest props, for the editor that is created once.
  const latest = useRef({ onChange, problems, copy, describe, defaultValue });
  latest.current = { onChange, problems, copy, describe, defaultValue };

  useEffect(() => {
    let cancelled = false;
    let release = () => {};
    import("./editor/setup")
      .then(({ createScenarioEditor }) => {
        const area = textarea.current;
        if (cancelled || !area || !host.current) return;
        const props = latest.current;
        const hadFocus = document.activeElement === area;
        const editor = createScenarioEditor({
          parent: host.current,
          // What the trainer typed before the editor arrived is kept.
          doc: area.value,
          selection: hadFocus ? area.selectionStart : undefined,
          words: editorWords(props.copy),
          // An explicit tabindex tells checkers such as axe that the scrolling region holds a focusable element.
          contentAttributes: { ...labelAttributes(id, props.copy.fallbackLabel), "aria-describedby": props.describe, tabindex: "0" },
          problems: props.problems,
          nonce: pageNonce(),
          onChange(source) {
            area.value = source;
            latest.current.onChange?.(source);
          },
        });
        handle.current = editor;
        // Hidden at once, not at the next render, so the two never show together.
        area.hidden = true;
        if (area.value !== props.defaultValue) props.onChange?.(area.value);
        // The label points at the hidden textarea; a click on it goes to the editor instead.
        const label = document.querySelector<HTMLLabelElement>(`label[for="${CSS.escape(id)}"]`);
        const focus = (event: MouseEvent) => {
          event.preventDefault();
          editor.focus();
        };
        label?.addEventListener("click", focus);
        release = () => label?.removeEventListener("click", focus);
        setReady(true);
        if (hadFocus) editor.focus();
      })
      .catch(() => {
        // CodeMirror did not load (offline, a failed chunk): the textarea stays and still works.
      });
    return () => {
      cancelled = true;
      release();
      handle.current?.destroy();
      handle.current = null;
      setReady(false);
    };
  }, [id]);

  useEffect(() => {
    handle.current?.setProblems(problems);
  }, [problems]);

  useEffect(() => {
    if (!jumpTo) return;
    if (handle.current) {
      handle.current.jumpTo(jumpTo.line, jumpTo.column);
      return;
    }
    const area = textarea.current;
    if (!area) return;
    const pos = offsetAt(area.value, jumpTo.line, jumpTo.column);
    area.focus();
    area.setSelectionRange(pos, pos);
  }, [jumpTo]);

  return (
    <div className="scenario-editor">
      <textarea
        ref={textarea}
        id={id}
        name={name}
        defaultValue={defaultValue}
        className="scenario-editor__source"
        aria-describedby={describedBy}
        hidden={ready}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        onChange={(event) => onChange?.(event.currentTarget.value)}
      />
      <div ref={host} className="scenario-editor__host" />
      <p id={hintId} className="hint scenario-editor__hint">
        {ready ? t("workspaceEditor.hint") : null}
      </p>
    </div>
  );
}
