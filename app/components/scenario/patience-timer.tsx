import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Timing } from "~/domain/timing";

type Patience = { seconds: number; deadline: string; serverNow: string; overdue: boolean };

/**
 * Counts down to the server's deadline. The first render uses the server's clock only, so the
 * server and the browser render the same thing; the browser then ticks (`live`), correcting for
 * any difference between its clock and the server's.
 */
export function usePatienceCountdown(patience: Patience | null): { remaining: number | null; expired: boolean; live: boolean } {
  const initial = patience ? Math.max(0, new Date(patience.deadline).getTime() - new Date(patience.serverNow).getTime()) : null;
  const [remaining, setRemaining] = useState<number | null>(initial);
  const [live, setLive] = useState(false);

  useEffect(() => {
    if (!patience) return;
    setLive(true);
    const skew = Date.now() - new Date(patience.serverNow).getTime();
    const deadline = new Date(patience.deadline).getTime();
    const tick = () => setRemaining(Math.max(0, deadline - (Date.now() - skew)));
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [patience]);

  return { remaining, expired: patience !== null && (patience.overdue || remaining === 0), live };
}

type TimerProps = { patience: Patience | null; remaining: number | null; expired: boolean; live: boolean; customer: string; timing: Timing };

/**
 * A live countdown with JavaScript; before that (and without it) a sentence that cannot go stale.
 * `patience` is already the trainee's chosen limit (twice the customer's for "extended").
 */
export function PatienceTimer({ patience, remaining, expired, live, customer, timing }: TimerProps) {
  const { t } = useTranslation();
  if (!patience || remaining === null) return <p className="timer timer--none">{timing === "none" ? t("play.noTimerChosen") : t("play.noTimer")}</p>;
  if (!live) {
    return (
      <div className={patience.overdue ? "timer timer--expired" : "timer"}>
        <p className="timer__text">{patience.overdue ? t("play.timeUp") : t("play.patienceStatic", { name: customer, seconds: patience.seconds })}</p>
      </div>
    );
  }
  const seconds = Math.ceil(remaining / 1000);
  const fraction = Math.max(0, Math.min(1, remaining / (patience.seconds * 1000)));
  return (
    <div className={expired ? "timer timer--expired" : fraction < 0.3 ? "timer timer--low" : "timer"}>
      <svg className="timer__bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
        <rect x="0" y="0" width="100" height="6" rx="3" className="timer__track" />
        <rect x="0" y="0" width={fraction * 100} height="6" rx="3" className="timer__fill" />
      </svg>
      <p className="timer__text" role="timer" aria-live="off">
        {expired ? t("play.timeUp") : t("play.timeLeft", { seconds })}
      </p>
    </div>
  );
}
