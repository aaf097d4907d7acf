import { useTranslation } from "react-i18next";
import type { Skill } from "~/domain/vocabulary";

/** A 0–100 bar drawn in SVG (our CSP allows no inline styles), or "not assessed". */
export function SkillBar({ skill, score }: { skill: Skill; score: number | null }) {
  const { t } = useTranslation();
  return (
    <div className={`skill-row skill-row--${skill}`}>
      <span className="skill-row__name">{t(`skills.${skill}.name`)}</span>
      {score === null ? (
        <span className="skill-row__none">{t("debrief.notAssessed")}</span>
      ) : (
        <>
          <svg className="skill-row__bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
            <rect x="0" y="0" width="100" height="8" className="skill-row__track" />
            <rect x="0" y="0" width={score} height="8" className="skill-row__fill" />
          </svg>
          <span className="skill-row__score">
            <span aria-hidden="true">{score}</span>
            <span className="visually-hidden">{t("debrief.scoreOf", { score })}</span>
          </span>
        </>
      )}
    </div>
  );
}
