import { Form } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

type Choice = { id: string; html: string };

/**
 * Whether keys 1–9 are worth mentioning: only once JavaScript runs (the keys need it) and when a
 * keyboard is likely, judged by a fine pointer that can hover. False on the server and on the
 * first render, so the server's HTML and the hydrated page agree.
 */
function useKeysLikely(): { hydrated: boolean; keyboard: boolean } {
  const [state, setState] = useState({ hydrated: false, keyboard: false });
  useEffect(() => {
    const query = window.matchMedia("(hover: hover) and (pointer: fine)");
    const update = () => setState({ hydrated: true, keyboard: query.matches });
    update();
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);
  return state;
}

/**
 * The replies of the turn, in the order the server chose for this attempt. Each is a submit
 * button posting its choice id, so the order on screen never changes what a post means; keys
 * 1–9 follow the order on screen.
 */
export function ReplyChoices({ choices, turn, busy }: { choices: readonly Choice[]; turn: number; busy: boolean }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const { hydrated, keyboard } = useKeysLikely();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || busy) return;
      const target = event.target as HTMLElement | null;
      if (target && ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return;
      const index = Number(event.key) - 1;
      if (!Number.isInteger(index) || index < 0 || index > 8) return;
      const button = formRef.current?.querySelectorAll<HTMLButtonElement>("button[name=choiceId]")[index];
      if (!button) return;
      event.preventDefault();
      formRef.current?.requestSubmit(button);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [busy]);

  return (
    <Form method="post" replace ref={formRef} className="choices" aria-labelledby="choices-title">
      <h2 id="choices-title" className="choices__title">
        {t("play.yourReply")}
      </h2>
      <p className="muted choices__hint">
        {t("play.chooseHint")}
        {keyboard ? (
          <>
            {" "}
            <span className="choices__keys">
              {choices.length > 1 ? t("play.keysHint", { count: Math.min(9, choices.length) }) : t("play.keysHintOne")}
            </span>
          </>
        ) : null}
      </p>
      <input type="hidden" name="turn" value={turn} />
      <ol className="choices__list">
        {choices.map((choice, index) => (
          <li key={choice.id}>
            <button
              type="submit"
              name="choiceId"
              value={choice.id}
              className="choice"
              disabled={busy}
              // The keys work once JavaScript runs, on any device: only then are they announced.
              aria-keyshortcuts={hydrated && index < 9 ? String(index + 1) : undefined}
            >
              <span className="choice__key" aria-hidden="true">
                {index + 1}
              </span>
              <span className="choice__text" dangerouslySetInnerHTML={{ __html: choice.html }} />
            </button>
          </li>
        ))}
      </ol>
    </Form>
  );
}
