import { useTranslation } from "react-i18next";
import type { SkillBar } from "~/game/views.server";
import { MASTERED_AT, MASTERED_MIN_CONVERSATIONS } from "~/game/mastered";
import { Bar } from "~/components/scenario/bar";
import "~/locales/en/game";

/** Each skill's way to "mastered": a bar and the words for it. */
export function MasteryBars({ skills }: { skills: readonly SkillBar[] }) {
  const { t } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="mastery-title">
      <h2 id="mastery-title">{t("game.mastery.title")}</h2>
      <p className="muted">{t("game.mastery.rule", { at: MASTERED_AT, conversations: MASTERED_MIN_CONVERSATIONS })}</p>
      <ul className="mastery-bars">
        {skills.map((bar) => (
          <li key={bar.skill} className={`skill-row skill-row--${bar.skill}`}>
            <span className="skill-row__name">{t(`skills.${bar.skill}.name`)}</span>
            <Bar percent={bar.percent} />
            <span className="mastery-bars__words">
              {bar.mastered
                ? t("game.mastery.mastered", { mastery: bar.mastery })
                : bar.mastery === null
                  ? t("game.mastery.notYet")
                  : bar.pointsToGo === 0
                    ? t("game.mastery.moreConversations", { mastery: bar.mastery, count: bar.conversationsToGo })
                    : bar.conversationsToGo === 0
                      ? t("game.mastery.pointsToGo", { mastery: bar.mastery, points: bar.pointsToGo })
                      : t("game.mastery.toGo", { mastery: bar.mastery, points: bar.pointsToGo, count: bar.conversationsToGo })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
