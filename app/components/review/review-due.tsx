import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import "~/locales/en/review";

/** The home page's notice of missed decisions due for review; nothing at all while none is due. */
export function ReviewDue({ due }: { due: number }) {
  const { t } = useTranslation();
  if (due <= 0) return null;
  return (
    <section className="notice notice--info page-header--row" aria-labelledby="review-due-title">
      <div>
        <h2 id="review-due-title">{t("review.due.count", { count: due })}</h2>
        <p>{t("review.due.lead")}</p>
      </div>
      <Link to="/train/review" className="button button--primary">
        {t("review.due.link")}
      </Link>
    </section>
  );
}
