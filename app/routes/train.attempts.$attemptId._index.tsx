import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { chooseReply } from "~/attempts/choose.server";
import type { Refusal } from "~/attempts/errors";
import { attemptErrorResponse, ownAttemptOr404, readChoiceForm } from "~/attempts/http.server";
import { buildPlayView } from "~/attempts/play-view.server";
import { changeAttemptTiming, readTimingForm } from "~/attempts/timing-settings.server";
import { requireRole } from "~/auth/session.server";
import { BriefPanel } from "~/components/scenario/brief-panel";
import { ChannelLabel } from "~/components/scenario/channel-label";
import { ConversationBar, CustomerMessages, ReplyMessage } from "~/components/scenario/conversation";
import { MoodMeter } from "~/components/scenario/mood-meter";
import { PatienceTimer, usePatienceCountdown } from "~/components/scenario/patience-timer";
import { PersonaFace } from "~/components/scenario/persona-badge";
import { ReplyChoices } from "~/components/scenario/reply-choices";
import { TimingControl } from "~/components/scenario/timing-control";
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
  const formData = await request.formData();
  if (formData.get("intent") === "timing") return timingAction(user.id, attemptId, formData);
  const form = readChoiceForm(formData);
  if (!form) return json({ refusal: { key: "invalid" } as Refusal, reason: "invalid" }, { status: 400 });
  try {
    const outcome = await chooseReply({ userId: user.id, attemptId, ...form });
    return redirect(outcome.completed ? `/train/attempts/${attemptId}/debrief` : `/train/attempts/${attemptId}`);
  } catch (error) {
    return attemptErrorResponse(error);
  }
}

/** The trainee changed the time limit of this conversation (the play page's small form). */
async function timingAction(userId: number, attemptId: number, formData: FormData) {
  const timing = readTimingForm(formData);
  if (!timing) return json({ refusal: { key: "invalidTiming" } as Refusal, reason: "invalid" }, { status: 400 });
  try {
    await changeAttemptTiming(userId, attemptId, timing);
    return redirect(`/train/attempts/${attemptId}`);
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
  const latestRef = useRef<HTMLDivElement>(null);
  const firstTurn = useRef(view.turn);
  const [typing, setTyping] = useState(false);
  const { remaining, expired, live } = usePatienceCountdown(view.patience);
  const busy = typing || navigation.state !== "idle";

  // With JavaScript the customer's newest line gets the focus: on arrival (after "Start the
  // conversation", a reload or "Continue") rather than the top of the page, and after each reply.
  useEffect(() => {
    latestRef.current?.focus();
  }, []);

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
          <PatienceTimer patience={view.patience} remaining={remaining} expired={expired} live={live} customer={customer} timing={view.timing} />
          <TimingControl timing={view.timing} />
        </aside>

        <div className="play__main">
          {view.briefHtml ? <BriefPanel html={view.briefHtml} /> : null}
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
            <div
              className="conversation__latest"
              ref={latestRef}
              tabIndex={-1}
              role="group"
              aria-label={t("play.latestLabel", { name: customer })}
              aria-live="polite"
            >
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

          <ReplyChoices choices={view.choices} turn={view.turn} busy={busy} />
          <p className="muted">
            <Link to="/train">← {t("brief.back")}</Link>
          </p>
        </div>
      </div>
    </div>
  );
}
