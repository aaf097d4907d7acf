import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IMPORTS_PAGE } from "./left-out";
import "~/locales/en/outcomes-page";

/** Before any real outcome is in: what the page needs, and where to bring it in (or try the demo file). */
export function EmptyState() {
  const { t } = useTranslation();
  return (
    <section className="card stack" aria-labelledby="empty-title">
      <h2 id="empty-title">{t("outcomesPage.empty.title")}</h2>
      <p>{t("outcomesPage.empty.body")}</p>
      <p>{t("outcomesPage.empty.how")}</p>
      <p>{t("outcomesPage.empty.demo")}</p>
      <p>
        <Link to={IMPORTS_PAGE} className="button button--primary">
          {t("outcomesPage.empty.link")}
        </Link>
      </p>
    </section>
  );
}
