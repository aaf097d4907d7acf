import { useTranslation } from "react-i18next";
import { SKILLS } from "~/domain/vocabulary";

export function SkillList() {
  const { t } = useTranslation();
  return (
    <ul className="skill-grid">
      {SKILLS.map((skill) => (
        <li key={skill} className={`card skill-card skill-card--${skill}`}>
          <h3>{t(`skills.${skill}.name`)}</h3>
          <p>{t(`skills.${skill}.summary`)}</p>
        </li>
      ))}
    </ul>
  );
}
