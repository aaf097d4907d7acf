import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/utils/dates";
import "~/locales/en/team-game";

export type TeamGoalProps = { goal: number; finished: number; monday: string; sunday: string };

/**
 * The team's shared weekly goal as a bar. The bar is drawn in SVG (our CSP allows no inline
 * styles) and hidden from screen readers: the sentence above it carries the same numbers.
 * `compact` (the home page) keeps to the count, the bar and a link to the team page.
 */
export function TeamGoal({ goal, finished, monday, sunday, compact = false }: TeamGoalProps & { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const date = (day: string) => formatDate(`${day}T00:00:00Z`, i18n.language);
  const left = Math.max(0, goal - finished);
  return (
    <section className="card stack team-goal" aria-labelledby="team-goal-title">
      <h2 id="team-goal-title">{t("teamGame.goal.title")}</h2>
      <div>
        <p className="team-goal__count">{t("teamGame.goal.progress", { finished, count: goal })}</p>
        <svg className="play__progress-bar" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true">
          <rect x="0" y="0" width="100" height="4" rx="2" className="progress__track" />
          <rect x="0" y="0" width={Math.min(100, (100 * finished) / goal)} height="4" rx="2" className="progress__fill" />
        </svg>
      </div>
      {left === 0 ? <p>{t("teamGame.goal.reached")}</p> : compact ? null : <p>{t("teamGame.goal.toGo", { count: left })}</p>}
      {compact ? (
        <p>
          <Link to="/train/team">{t("teamGame.goal.seeTeam")} →</Link>
        </p>
      ) : (
        <p className="hint">{t("teamGame.goal.week", { monday: date(monday), sunday: date(sunday) })}</p>
      )}
    </section>
  );
}
