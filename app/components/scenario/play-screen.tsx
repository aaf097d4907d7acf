/**
 * The conversation as the trainee plays it: header, mood and patience, the brief, the transcript,
 * the customer's newest line and the replies. The play page and the workspace's preview both show
 * it, so a preview is exactly what a trainee sees; `aside` adds the preview's state inspector.
 */
import { Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Refusal } from "~/attempts/errors";
import type { PlayView } from "~/attempts/play-view.server";
import { BriefPanel } from "~/components/scenario/brief-panel";
import { ChannelLabel } from "~/components/scenario/channel-label";
import { ConversationBar, CustomerMessages, ReplyMessage } from "~/components/scenario/conversation";
import { MoodMeter } from "~/components/scenario/mood-meter";
import { PatienceTimer, usePatienceCountdown } from "~/components/scenario/patience-timer";
import { PersonaFace } from "~/components/scenario/persona-badge";
import { ReplyChoices } from "~/components/scenario/reply-choices";
import { TimingControl } from "~/components/scenario/timing-control";

const TYPING_PAUSE_MS = 800;

type Props = {
  view: PlayView;
  refusal: Refusal | null;
  back: { to: string; label: string };
  /** Above the conversation: the preview's banner. */
  banner?: ReactNode;
  /** Beside the conversation: the preview's state inspector. */
  aside?: ReactNode;
};

export function PlayScreen({ view, refusal, back, banner, aside }: Props) {
  const { t } = useTranslation();
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
      {banner}
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

          {refusal ? (
            <p className="form-errors" role="alert">
              {t(`play.refused.${refusal.key}`, { turn: refusal.values?.turn, current: refusal.values?.current })}
            </p>
          ) : null}

          <ReplyChoices choices={view.choices} turn={view.turn} busy={busy} />
          <p className="muted">
            <Link to={back.to}>← {back.label}</Link>
          </p>
        </div>
        {aside}
      </div>
    </div>
  );
}
