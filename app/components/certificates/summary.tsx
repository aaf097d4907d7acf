import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { CertificationSummary } from "~/certificates/certification.server";
import { formatDate } from "~/utils/dates";
import "~/locales/en/certificates";

/** My progress: where the trainee stands towards the certificate, with the way to it. */
export function CertificateSummary({ summary }: { summary: CertificationSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="certificate-summary-title">
      <h2 id="certificate-summary-title">{t("certificates.progress.title")}</h2>
      {summary.state === "earned" ? (
        <p>{t("certificates.progress.earned", { date: formatDate(summary.earnedAt, i18n.language) })}</p>
      ) : summary.state === "closed" ? (
        <p className="muted">{t("certificates.progress.closed")}</p>
      ) : (
        <ul>
          <li>{t("certificates.progress.scenariosLeft", { count: summary.scenariosLeft })}</li>
          <li>{t("certificates.progress.skillsLeft", { count: summary.skillsLeft })}</li>
        </ul>
      )}
      <p>
        <Link to="/train/certificate">{summary.state === "earned" ? t("certificates.progress.see") : t("certificates.progress.seeRemaining")}</Link>
      </p>
    </section>
  );
}
