import { useTranslation } from "react-i18next";
import type { Skill } from "~/domain/vocabulary";
import { Bar } from "./bar";

/** A skill's 0–100 score as a bar, or "not assessed". */
export function SkillBar({ skill, score }: { skill: Skill; score: number | null }) {
  const { t } = useTranslation();
  return (
    <div className={`skill-row skill-row--${skill}`}>
      <span className="skill-row__name">{t(`skills.${skill}.name`)}</span>
      {score === null ? (
        <span className="skill-row__none">{t("debrief.notAssessed")}</span>
      ) : (
        <>
<Bar percent={score} />
          <span className="skill-row__score">
            <span aria-hidden="true">{score}</span>
            <span className="visually-hidden">{t("debrief.scoreOf", { score })}</span>
          </span>
        </>
      )}
    </div>
  );
}
