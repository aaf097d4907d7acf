/**
 * The editor page's working part: the source, its problems, and the draft kept safe as the
 * trainer types. Without JavaScript it is a plain form (the textarea, Check, Save version,
 * Publish). With it, the text is checked a moment after each change and saved a little later;
 * leaving the page sends any unsaved text first; a conflict stops the saving and says so, and the
 * trainer's text stays where it is.
 */
import { Form, useNavigation } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useHydrated } from "~/components/use-hydrated";
import type { EditorProblem } from "~/workspace/editor-view.server";
import { formatDateTime } from "~/utils/dates";
import { ScenarioEditor } from "./scenario-editor";
import "~/locales/en/workspace";

const CHECK_AFTER_MS = 300;
const SAVE_AFTER_MS = 1500;

type SaveState = { kind: "saved"; at: string } | { kind: "saving" } | { kind: "dirty" } | { kind: "offline" } | { kind: "refused"; message: string; conflict: boolean };

type Props = {
  scenarioId: string;
  source: string;
  revision: number;
  savedAt: string;
  problems: readonly EditorProblem[];
  /** A refusal from the last plain-form post (conflict, errors before publishing), with the text that was posted. */
  refusal: { message: string; conflict: boolean } | null;
};

/** Browsers refuse a keepalive request whose body passes 64 KiB; a bigger draft is sent as a plain request. */
const KEEPALIVE_BYTES = 60 * 1024;

async function post(url: string, body: Record<string, string>, keepalive = false): Promise<Response> {
  const form = new URLSearchParams(body);
  // A plain request still completes when the trainer moves to another page of the app; only closing the tab can cut it.
  const fits = keepalive && new Blob([form.toString()]).size <= KEEPALIVE_BYTES;
  return fetch(url, { method: "POST", body: form, keepalive: fits, headers: { Accept: "application/json" } });
}

export function DraftEditor({ scenarioId, source: initialSource, revision: initialRevision, savedAt, problems: initialProblems, refusal }: Props) {
  const { t, i18n } = useTranslation();
  const hydrated = useHydrated();
  const navigation = useNavigation();
  const [problems, setProblems] = useState(initialProblems);
  const [revision, setRevision] = useState(initialRevision);
  const [state, setState] = useState<SaveState>(refusal ? { kind: "refused", ...refusal } : { kind: "saved", at: savedAt });
  const [jumpTo, setJumpTo] = useState<{ line: number; column: number; nonce: number } | null>(null);
  const latest = useRef({ source: initialSource, saved: initialSource, revision: initialRevision, blocked: refusal?.conflict ?? false });
  const saving = useRef<Promise<void> | null>(null);
  const timers = useRef<{ check?: ReturnType<typeof setTimeout>; save?: ReturnType<typeof setTimeout> }>({});


  const save = useCallback(
    (keepalive = false): Promise<void> => {
      const current = latest.current;
      if (current.blocked) return Promise.resolve();
      if (current.source === current.saved) {
        // Typed back to exactly what is stored: nothing to send, and nothing unsaved either.
        setState((state) => (state.kind === "dirty" ? { kind: "saved", at: new Date().toISOString() } : state));
        return Promise.resolve();
      }
      const sent = current.source;
      setState({ kind: "saving" });
      const work = post(`/workspace/${scenarioId}/draft`, { source: sent, revision: String(current.revision) }, keepalive)
        .then(async (response) => {
          const body = (await response.json()) as { revision?: number; savedAt?: string; problems?: EditorProblem[]; error?: { message: string; status: number } };
          if (response.ok && body.revision !== undefined) {
            latest.current = { ...latest.current, saved: sent, revision: body.revision };
            setRevision(body.revision);
            if (body.problems && latest.current.source === sent) setProblems(body.problems);
            if (latest.current.source === sent) setState({ kind: "saved", at: body.savedAt ?? new Date().toISOString() });
            else {
              // Typed on while this save was on its way: that text gets its own save.
              setState({ kind: "dirty" });
              clearTimeout(timers.current.save);
              timers.current.save = setTimeout(() => void save(), SAVE_AFTER_MS);
            }
          } else {
            const conflict = response.status === 409;
            latest.current.blocked = conflict;
            setState({ kind: "refused", message: body.error?.message ?? response.statusText, conflict });
          }
        })
        .catch(() => setState({ kind: "offline" }))
        .finally(() => {
          saving.current = null;
        });
      saving.current = work;
      return work;
    },
    [scenarioId],
  );

  // After Save version, Publish or a refusal the page's data comes again with the stored draft and
  // its revision. The editor stays as it is (it is never remounted), so text typed while the post
  // was on its way is kept, and saved against the new revision.
  useEffect(() => {
    const typedSince = latest.current.source !== initialSource;
    const blocked = refusal?.conflict ?? false;
    latest.current = { source: latest.current.source, saved: initialSource, revision: initialRevision, blocked };
    setRevision(initialRevision);
    setProblems(initialProblems);
    setState(refusal ? { kind: "refused", ...refusal } : typedSince ? { kind: "dirty" } : { kind: "saved", at: savedAt });
    if (typedSince && !blocked) {
      clearTimeout(timers.current.save);
      timers.current.save = setTimeout(() => void save(), SAVE_AFTER_MS);
    }
  }, [initialSource, initialRevision, initialProblems, savedAt, refusal, save]);

  const onChange = useCallback(
    (text: string) => {
      latest.current.source = text;
      if (latest.current.blocked) return;
      setState({ kind: "dirty" });
      clearTimeout(timers.current.check);
      clearTimeout(timers.current.save);
      timers.current.check = setTimeout(() => {
        post(`/workspace/${scenarioId}/check`, { source: text })
          .then((response) => (response.ok ? (response.json() as Promise<{ problems: EditorProblem[] }>) : null))
          .then((body) => {
            if (body && latest.current.source === text) setProblems(body.problems);
          })
          .catch(() => undefined);
      }, CHECK_AFTER_MS);
      timers.current.save = setTimeout(() => void save(), SAVE_AFTER_MS);
    },
    [scenarioId, save],
  );

  // Leaving the page (closing the tab included) sends what is not saved yet.
  useEffect(() => {
    const flush = () => {
      if (document.visibilityState === "hidden") void save(true);
    };
    const warn = (event: BeforeUnloadEvent) => {
      if (latest.current.source !== latest.current.saved && !latest.current.blocked) {
        void save(true);
        event.preventDefault();
      }
    };
    document.addEventListener("visibilitychange", flush);
    window.addEventListener("beforeunload", warn);
    const pending = timers.current;
    return () => {
      document.removeEventListener("visibilitychange", flush);
      window.removeEventListener("beforeunload", warn);
      clearTimeout(pending.check);
      clearTimeout(pending.save);
      // Leaving for another page of the app: the text still waiting for its autosave goes now.
      void save(true);
    };
  }, [save]);

  // Save version and Publish post the form; an autosave still on its way would make their revision stale.
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    if (!saving.current) return;
    event.preventDefault();
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void saving.current.then(() => form.requestSubmit(submitter ?? undefined));
  };

  const errors = problems.filter((problem) => problem.severity === "error").length;
  const busy = navigation.state === "submitting";
  const status =
    state.kind === "saved"
      ? t("workspace.editor.saved", { time: formatDateTime(state.at, i18n.language) })
      : state.kind === "saving"
        ? t("workspace.editor.saving")
        : state.kind === "offline"
          ? t("workspace.editor.offline")
          : state.kind === "dirty"
            ? t("workspace.editor.notSaved")
            : null;

  return (
    <div className="workspace-layout">
      <Form method="post" className="stack" onSubmit={onSubmit} id="draft-form">
        <input type="hidden" name="revision" value={revision} />
        <div className="field">
          <label htmlFor="scenario-source" id="scenario-source-label">
            {t("workspace.editor.sourceLabel")}
          </label>
          <ScenarioEditor
            id="scenario-source"
            name="source"
            defaultValue={initialSource}
            problems={problems}
            onChange={onChange}
            describedBy="draft-status problems-summary"
            jumpTo={jumpTo}
          />
        </div>
        <p id="draft-status" className="muted" role="status" aria-live="polite">
          {status}
        </p>
        {state.kind === "refused" ? (
          <div className="form-errors" role="alert">
            {state.conflict ? <p className="strong">{t("workspace.editor.conflictTitle")}</p> : null}
            <p>{state.message}</p>
            {state.conflict ? (
              <p>
                <a href={`/workspace/${scenarioId}`}>{t("workspace.editor.reload")}</a>
              </p>
            ) : null}
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="version-note">{t("workspace.editor.noteLabel")}</label>
          <p className="hint" id="version-note-hint">
            {t("workspace.editor.noteHint")}
          </p>
          <input id="version-note" name="note" type="text" maxLength={300} aria-describedby="version-note-hint" />
        </div>
        <div className="actions">
          {hydrated ? null : (
            <button type="submit" name="intent" value="check" className="button" disabled={busy}>
              {t("workspace.editor.checkButton")}
            </button>
          )}
          <button type="submit" name="intent" value="save" className="button" disabled={busy}>
            {t("workspace.editor.saveVersion")}
          </button>
          <button type="submit" name="intent" value="publish" className="button button--primary" disabled={busy} aria-describedby="publish-hint">
            {t("workspace.editor.publish")}
          </button>
        </div>
        <p className="hint" id="publish-hint">
          {t("workspace.editor.publishHint")}
        </p>
      </Form>
      <section className="card stack" aria-labelledby="problems-title">
        <h2 id="problems-title">{t("workspace.editor.problemsTitle")}</h2>
        <p id="problems-summary" aria-live="polite">
          {problems.length === 0 ? t("workspace.editor.noProblems") : `${t("workspace.editor.problemCount", { count: problems.length })}. ${errors > 0 ? t("workspace.editor.errorsBlock") : ""}`}
        </p>
        {problems.length > 0 ? (
          <ul className="workspace-problems">
            {problems.map((problem, index) => {
              const where = t("workspace.editor.where", { line: problem.line, column: problem.column });
              return (
                <li key={`${problem.line}:${problem.column}:${problem.rule}:${index}`} className={`workspace-problem workspace-problem--${problem.severity}`}>
                  <strong>{t(`workspace.editor.severity_${problem.severity}`)}</strong>{" "}
                  {hydrated ? (
                    <button
                      type="button"
                      className="workspace-problem__jump"
                      onClick={() => setJumpTo({ line: problem.line, column: problem.column, nonce: Date.now() })}
                      aria-label={t("workspace.editor.jump", { line: problem.line, column: problem.column })}
                    >
                      {where}
                    </button>
                  ) : (
                    <span>{where}</span>
                  )}
                  <p>{problem.message}</p>
                  <p className="muted">
                    <small>{t("workspace.editor.rule", { rule: problem.rule })}</small>
                  </p>
                </li>
              );
            })}
          </ul>
        ) : null}
      </section>
    </div>
  );
}
