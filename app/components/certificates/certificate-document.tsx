import { useTranslation } from "react-i18next";
import { formatDate } from "~/utils/dates";
import { Certifies } from "./certifies";
import "~/locales/en/certificates";

type Props = {
  holderName: string;
  earnedAt: string;
  scenarios: readonly { id: string; title: string }[];
  minScore: number;
  minMastery: number;
  /** The full public address, shown in full so it can be typed from paper. */
  verifyUrl: string;
};

/** The certificate itself: what the trainee sees and what the print stylesheet keeps on paper. */
export function CertificateDocument({ holderName, earnedAt, scenarios, minScore, minMastery, verifyUrl }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <article className="certificate" aria-labelledby="certificate-heading">
      <p className="certificate__issuer">{t("certificates.certificate.issuer")}</p>
      <h2 id="certificate-heading" className="certificate__heading">
        {t("certificates.certificate.heading")}
      </h2>
      <p className="certificate__certifies">{t("certificates.certificate.certifies")}</p>
      <p className="certificate__name">{holderName}</p>
      <p className="certificate__achievement">{t("certificates.certificate.achievement")}</p>
      <p className="certificate__date">{t("certificates.certificate.earnedOn", { date: formatDate(earnedAt, i18n.language) })}</p>
      <Certifies scenarios={scenarios} minScore={minScore} minMastery={minMastery} />
      <p className="certificate__verify">
        {t("certificates.certificate.verifyLabel")}
        <br />
        <a href={verifyUrl} className="certificate__url">
          {verifyUrl}
        </a>
      </p>
    </article>
  );
}
