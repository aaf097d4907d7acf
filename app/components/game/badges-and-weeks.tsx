import { useTranslation } from "react-i18next";
import type { ProgressGame } from "~/game/views.server";
import { formatDate } from "~/utils/dates";
import "~/locales/en/game";

/** Every badge, earned or not, with what it asks for: private to the trainee (and their manager). */
export function BadgeList({ badges }: { badges: ProgressGame["badges"] }) {
  const { t, i18n } = useTranslation();
  // Each description takes its own placeholders, all drawn from the badge's definition (badgeValues,
  // checked against the copy by app/game/copy.test.ts), which the typed keys cannot express per badge.
  const describe = t as unknown as (key: string, values: Record<string, number>) => string;
  return (
    <section className="card stack" aria-labelledby="badges-title">
      <h2 id="badges-title">{t("game.progress.badgesTitle")}</h2>
      <p className="muted">{t("game.progress.badgesNote")}</p>
      <ul className="badge-list">
        {badges.map((badge) => (
          <li key={badge.id} className={badge.earned ? "badge-chip badge-chip--earned" : "badge-chip"}>
            <strong>{t(`game.badges.${badge.id}.name`)}</strong>
            <p>{describe(`game.badges.${badge.id}.description`, badge.values)}</p>
            <p className="muted">
              {badge.earned
                ? t("game.progress.earnedOn", { date: formatDate(badge.earned.at, i18n.language) })
                : badge.needed === 1
                  ? t("game.progress.notYet")
                  : t("game.progress.have", { have: badge.have, needed: badge.needed })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The weekly goal week by week, newest first, and the streak it makes. */
export function StreakWeeks({ streak }: { streak: ProgressGame["streak"] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="weeks-title">
      <h2 id="weeks-title">{t("game.progress.streakTitle")}</h2>
      <p className="muted">{t("game.progress.streakNote")}</p>
      <p>{t("game.progress.streakNow", { current: streak.current, best: streak.best })}</p>
      <table className="streak-table">
        <caption className="visually-hidden">{t("game.progress.streakTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("game.progress.week")}</th>
            <th scope="col">{t("game.progress.finished")}</th>
            <th scope="col">{t("game.progress.status")}</th>
          </tr>
        </thead>
        <tbody>
          {[...streak.weeks].reverse().map((week) => (
            <tr key={week.monday}>
              <th scope="row">{t("game.progress.weekOf", { date: formatDate(`${week.monday}T00:00:00Z`, i18n.language) })}</th>
              <td>{t("game.progress.ofGoal", { finished: week.finished, goal: week.goal })}</td>
              <td>{t(`game.progress.weekStatus.${week.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
