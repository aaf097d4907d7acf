import { useTranslation } from "react-i18next";
import "~/locales/en/outcomes-page";

/** The page's cautions in one place, short; each is also said next to the numbers it concerns. */
export function Caveats() {
  const { t } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="caveats-title">
      <h2 id="caveats-title">{t("outcomesPage.caveats.title")}</h2>
      <ul className="link-list">
        {(["cause", "small", "regression", "leftOut"] as const).map((key) => (
          <li key={key}>{t(`outcomesPage.caveats.${key}`)}</li>
        ))}
      </ul>
      <p className="muted">
        {t("outcomesPage.csatExplained")} {t("outcomesPage.resolutionExplained")}
      </p>
    </section>
  );
}

/** Both exports, carrying the page's filters (and the weeks, for the before-and-after file). */
export function Exports({ agentsHref, beforeAfterHref }: { agentsHref: string; beforeAfterHref: string }) {
  const { t } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="exports-title">
      <h2 id="exports-title">{t("outcomesPage.exports.title")}</h2>
      <ul className="link-list">
        <li>
          <a href={agentsHref} download>
            {t("outcomesPage.exports.agents")}
          </a>
        </li>
        <li>
          <a href={beforeAfterHref} download>
            {t("outcomesPage.exports.beforeAfter")}
          </a>
        </li>
      </ul>
      <p className="muted">{t("outcomesPage.exports.note")}</p>
    </section>
  );
}
