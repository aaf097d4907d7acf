import { useTranslation } from "react-i18next";
import "~/locales/en/certificates";

/** The certification rule in plain words (admin page and trainee page). */
export function RuleList({ minScore, minMastery }: { minScore: number; minMastery: number }) {
  const { t } = useTranslation();
  return (
    <ul className="certificate-rule">
      <li>{t("certificates.rule.scenarios", { min: minScore })}</li>
      <li>{t("certificates.rule.skills", { min: minMastery })}</li>
      <li>{t("certificates.rule.never")}</li>
      <li>{t("certificates.rule.kept")}</li>
    </ul>
  );
}
