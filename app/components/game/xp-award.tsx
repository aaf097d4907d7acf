import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { BadgeId } from "~/game/badges";
import type { LevelId } from "~/game/levels";
import type { XpLine } from "~/game/xp";
import "~/locales/en/game";

type Props = { award: { lines: XpLine[]; total: number } | null; badges: BadgeId[]; levels: LevelId[] };

function lineText(t: TFunction, line: XpLine): string {
  switch (line.reason) {
    case "best-replies":
      return t("game.xpLines.best-replies", { count: line.count });
    case "fair-replies":
      return t("game.xpLines.fair-replies", { count: line.count });
    case "rushed":
      return t("game.xpLines.rushed");
    case "replay":
      return t("game.xpLines.replay", { replay: line.replay, percent: line.percent });
    case "mastery-high":
      return t("game.xpLines.mastery-high", { skill: t(`skills.${line.skill}.name`), from: line.from, to: line.to });
    case "daily-cap":
      return t("game.xpLines.daily-cap", { cap: line.cap });
  }
}

const signed = (points: number) => (points > 0 ? `+${points}` : points < 0 ? `−${-points}` : "0");

/** The debrief's XP: every line that added or held back points, the total, and what was reached. */
export function XpAward({ award, badges, levels }: Props) {
  const { t } = useTranslation();
  const reached = levels.at(-1);
  return (
    <section className="card stack xp-award" aria-labelledby="xp-title">
      {reached ? (
        // Announced once as the page loads; the flourish is CSS only and stays still for reduced motion.
        <div className="level-up" role="status">
          <span className="level-up__star" aria-hidden="true">
            ★
          </span>
          <p className="level-up__text">{t("game.debrief.levelUp", { level: t(`game.levels.${reached}.name`) })}</p>
          <p className="muted">{t(`game.levels.${reached}.summary`)}</p>
        </div>
      ) : null}
      <h2 id="xp-title">{t("game.debrief.title")}</h2>
      {award === null ? (
        <p className="muted">{t("game.debrief.none")}</p>
      ) : (
        <>
          <table className="xp-lines">
            <caption className="visually-hidden">{t("game.debrief.caption")}</caption>
            <tbody>
              {award.lines.map((line, i) => (
                <tr key={i} className={line.points < 0 ? "xp-lines__held" : undefined}>
                  <th scope="row">{lineText(t, line)}</th>
                  <td>{t("game.debrief.points", { points: signed(line.points) })}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("game.debrief.total")}</th>
                <td>{t("game.debrief.points", { points: signed(award.total) })}</td>
              </tr>
            </tfoot>
          </table>
          {award.lines.length === 0 ? <p className="muted">{t("game.debrief.nothingEarned")}</p> : null}
        </>
      )}
      {badges.length > 0 ? (
        <div className="stack-sm">
          <h3>{t("game.debrief.badges", { count: badges.length })}</h3>
          <ul className="badge-list">
            {badges.map((badge) => (
              <li key={badge} className="badge-chip badge-chip--earned">
                <strong>{t(`game.badges.${badge}.name`)}</strong>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>
        <a href="/train/xp">{t("game.debrief.howXpWorks")}</a>
      </p>
    </section>
  );
}
