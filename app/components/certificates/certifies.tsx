import { useTranslation } from "react-i18next";
import { SKILLS } from "~/domain/vocabulary";
import "~/locales/en/certificates";

/** What a certificate stands for, as recorded when it was earned: the core scenarios and the skills bar. */
export function Certifies({ scenarios, minScore, minMastery }: { scenarios: readonly { id: string; title: string }[]; minScore: number; minMastery: number }) {
  const { t } = useTranslation();
  const skills = SKILLS.map((skill) => t(`skills.${skill}.name`)).join(", ");
  return (
    <div className="certifies stack">
      <p>{t("certificates.certificate.scenariosLead", { min: minScore })}</p>
      <ul className="certifies__scenarios">
        {scenarios.map((scenario) => (
          <li key={scenario.id}>{scenario.title}</li>
        ))}
      </ul>
      <p>{t("certificates.certificate.skillsLead", { min: minMastery, skills })}</p>
    </div>
  );
}
