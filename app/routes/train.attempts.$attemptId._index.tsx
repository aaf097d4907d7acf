import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { chooseReply } from "~/attempts/choose.server";
import type { Refusal } from "~/attempts/errors";
import { attemptErrorResponse, ownAttemptOr404, readChoiceForm } from "~/attempts/http.server";
import { buildPlayView } from "~/attempts/play-view.server";
import { requireRole } from "~/auth/session.server";
import { ChannelLabel } from "~/components/scenario/channel-label";
import { ConversationBar, CustomerMessages, ReplyMessage } from "~/components/scenario/conversation";
import { MoodMeter } from "~/components/scenario/mood-meter";
import { PatienceTimer, usePatienceCountdown } from "~/components/scenario/patience-timer";
import { PersonaFace } from "~/components/scenario/persona-badge";
import { pageTitle } from "~/i18n/meta";
import { idParamOr404 } from "~/utils/params.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, (t) => data?.view.scenario.title ?? t("meta.conversation"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["trainee"]);
  const attemptId = idParamOr404(params.attemptId);
  const own = await ownAttemptOr404(user.id, attemptId);
  if (own.attempt.status === "completed") throw redirect(`/train/attempts/${attemptId}/debrief`);
  if (own.attempt.status === "abandoned") throw redirect(`/train/scenarios/${own.attempt.scenarioId}`);
  const view = buildPlayView(own);
  if (!view) throw redirect(`/train/attempts/${attemptId}/debrief`);
  return json({ view }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["trainee"]);
  const attemptId = idParamOr404(params.attemptId);
  const form = readChoiceForm(await request.formData());
  if (!form) return json({ refusal: { key: "invalid" } as Refusal, reason: "invalid" }, { status: 400 });
  try {
    const outcome = await chooseReply({ userId: user.id, attemptId, ...form });
    return redirect(outcome.completed ? `/train/attempts/${attemptId}/debrief` : `/train/attempts/${attemptId}`);
  } catch (error) {
    return attemptErrorResponse(error);
  }
}

const TYPING_PAUSE_MS = 800;

export default function Play() {
  const { t } = useTranslation();
  const { view } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  const latestRef = useRef<HTMLDivElement>(null);
  const firstTurn = useRef(view.turn);
  const [typing, setTyping] = useState(false);
  const { remaining, expired, live } = usePatienceCountdown(view.patience);
  const busy = typing || navigation.state !== "idle";

  // With JavaScript: a short "typing…" pause before the customer's new line, then focus on it.
  useEffect(() => {
    if (view.turn === firstTurn.current) return;
    setTyping(true);
    const timer = setTimeout(() => {
      setTyping(false);
      requestAnimationFrame(() => latestRef.current?.focus());
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [view.turn]);

  // Keys 1–9 pick a reply.
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

  const { channel, customer } = view.scenario;
  const impatience = t(`play.impatient.${channel}`);
  const { given, left } = { given: view.progress.repliesGiven, left: view.progress.repliesLeft };

  return (
    <div className={`play play--${view.scenario.channel}`}>
      <header className="play__header">
        <PersonaFace persona={view.scenario.persona} size={48} />
        <div className="play__heading">
          <h1 className="play__title">{view.scenario.title}</h1>
          <p className="play__sub">
            <ChannelLabel channel={view.scenario.channel} /> · {t("play.conversationWith", { name: customer })}
          </p>
        </div>
        <p className="play__progress">
          {t("play.progress", { given, left })}
          <svg className="play__progress-bar" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true">
            <rect x="0" y="0" width="100" height="4" rx="2" className="progress__track" />
            <rect x="0" y="0" width={(100 * given) / (given + left)} height="4" rx="2" className="progress__fill" />
          </svg>
        </p>
      </header>

      <div className="play__layout">
        <aside className="play__status card" aria-label={t("play.moodLabel", { name: customer })}>
          <MoodMeter name={customer} mood={view.mood} previousMood={view.previousMood} pendingDrop={expired} />
          <PatienceTimer patience={view.patience} remaining={remaining} expired={expired} live={live} customer={customer} />
        </aside>

        <div className="play__main">
          <section className="conversation card" aria-label={t("play.transcript")}>
            <ConversationBar channel={channel} />
            <ol className="conversation__list">
              {view.transcript.map((entry) =>
                entry.kind === "customer" ? (
                  <CustomerMessages key={entry.key} channel={channel} customer={customer} lines={entry.lines} />
                ) : (
                  <ReplyMessage key={entry.key} channel={channel} html={entry.html} late={entry.late} />
                ),
              )}
            </ol>
            <div className="conversation__latest" ref={latestRef} tabIndex={-1} aria-live="polite">
              {typing ? (
                <p className="bubble bubble--customer bubble--typing">
                  <span className="bubble__who">{customer}</span>
                  <span className="typing-dots" aria-label={t("play.typing", { name: customer })}>
                    <span />
                    <span />
                    <span />
                  </span>
                </p>
              ) : (
                <CustomerMessages channel={channel} customer={customer} lines={view.latest} className="bubble--latest" as="div" />
              )}
              {expired && !typing ? (
                <p className="bubble bubble--customer bubble--impatient">
                  <span className="bubble__who">{t(`play.who.${channel}`, { name: customer })}</span>
                  <span className="bubble__text">{impatience}</span>
                </p>
              ) : null}
            </div>
          </section>

          {actionData && "refusal" in actionData ? (
            <p className="form-errors" role="alert">
              {t(`play.refused.${actionData.refusal.key}`, { turn: actionData.refusal.values?.turn, current: actionData.refusal.values?.current })}
            </p>
          ) : null}

          <Form method="post" replace ref={formRef} className="choices" aria-labelledby="choices-title">
            <h2 id="choices-title" className="choices__title">
              {t("play.yourReply")}
            </h2>
            <p className="muted choices__hint">
              {t("play.chooseHint")}{" "}
              <span className="choices__keys">
                {view.choices.length > 1 ? t("play.keysHint", { count: Math.min(9, view.choices.length) }) : t("play.keysHintOne")}
              </span>
            </p>
            <input type="hidden" name="turn" value={view.turn} />
            <ol className="choices__list">
              {view.choices.map((choice, index) => (
                <li key={choice.id}>
                  <button type="submit" name="choiceId" value={choice.id} className="choice" disabled={busy} aria-keyshortcuts={index < 9 ? String(index + 1) : undefined}>
                    <span className="choice__key" aria-hidden="true">
                      {index + 1}
                    </span>
                    <span className="choice__text" dangerouslySetInnerHTML={{ __html: choice.html }} />
                  </button>
                </li>
              ))}
            </ol>
          </Form>
          <p className="muted">
            <Link to="/train">← {t("brief.back")}</Link>
          </p>
        </div>
      </div>
    </div>
  );
}
