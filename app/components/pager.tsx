import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Paging } from "~/analytics/filters";

/** Previous and next links under a long table, with where this page sits; nothing for one page. */
export function Pager({ paging, linkTo }: { paging: Paging; linkTo: (page: number) => string }) {
  const { t, i18n } = useTranslation();
  if (paging.pages <= 1) return null;
  const number = (value: number) => value.toLocaleString(i18n.language);
  return (
    <nav className="pager" aria-label={t("pager.label")}>
      {paging.page > 1 ? (
        <Link className="button" to={linkTo(paging.page - 1)} rel="prev">
          {t("pager.previous")}
        </Link>
      ) : null}
      <p className="pager__where">
        {t("pager.where", { first: number(paging.first), last: number(paging.last), total: number(paging.total), page: paging.page, pages: paging.pages })}
      </p>
      {paging.page < paging.pages ? (
        <Link className="button" to={linkTo(paging.page + 1)} rel="next">
          {t("pager.next")}
        </Link>
      ) : null}
    </nav>
  );
}
