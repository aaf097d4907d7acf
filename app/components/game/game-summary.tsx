import { useTranslation } from "react-i18next";
import { LEVELS } from "~/game/levels";
import type { HomeGame } from "~/game/views.server";
import { Bar } from "~/components/scenario/bar";
import "~/locales/en/game";

/** Level, XP towards the next level, and the weekly streak, in one calm strip. */
export function GameSummary({ game }: { game: Pick<HomeGame, "xp" | "level" | "streak" | "badges"> }) {
  const { t } = useTranslation();
  const { level, streak } = game;
  return (
    <section className="card game-summary" aria-labelledby="game-summary-title">
      <h2 id="game-summary-title" className="visually-hidden">
        {t("game.summary.title")}
      </h2>
      <div className="game-summary__item">
        <p className="game-summary__label">{t("game.summary.level", { number: level.number, of: LEVELS.length })}</p>
        <p className="game-summary__value">{t(`game.levels.${level.id}.name`)}</p>
<Bar percent={level.percent} />
        <p className="muted">
          {level.next
            ? t("game.summary.toNext", { xp: game.xp, toGo: level.xpToNext, next: t(`game.levels.${level.next.id}.name`) })
            : t("game.summary.top", { xp: game.xp })}
        </p>
      </div>
      <div className="game-summary__item">
        <p className="game-summary__label">{t("game.summary.streak")}</p>
        <p className="game-summary__value">{t("game.summary.weeks", { count: streak.current })}</p>
        <p className="muted">
          {streak.finished >= streak.goal
            ? t("game.summary.weekMet", { finished: streak.finished, goal: streak.goal })
            : t("game.summary.weekSoFar", { finished: streak.finished, goal: streak.goal })}
          {streak.freezeLeft ? ` ${t("game.summary.freezeLeft")}` : ""}
        </p>
      </div>
      <div className="game-summary__item">
        <p className="game-summary__label">{t("game.summary.badges")}</p>
        <p className="game-summary__value">{t("game.summary.badgeCount", { earned: game.badges.earned, total: game.badges.total })}</p>
        <p>
          <a href="/train/progress#badges-title">{t("game.summary.seeBadges")}</a>
        </p>
      </div>
    </section>
  );
}
