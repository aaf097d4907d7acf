import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/utils/dates";
import "~/locales/en/imports";

type Row = {
  id: number;
  createdAt: string;
  fileName: string | null;
  kind: "csv" | "api";
  by: string | null;
  status: "importing" | "committed" | "undone" | "failed";
  added: number;
  replacing: number;
  refused: number;
};

export function ImportsTable({ imports }: { imports: Row[] }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table--stack">
        <caption className="visually-hidden">{t("imports.listTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("imports.col.file")}</th>
            <th scope="col">{t("imports.col.when")}</th>
            <th scope="col">{t("imports.col.by")}</th>
            <th scope="col">{t("imports.col.rows")}</th>
            <th scope="col">{t("imports.col.status")}</th>
          </tr>
        </thead>
        <tbody>
          {imports.map((row) => (
            <tr key={row.id}>
              <th scope="row" data-label={t("imports.col.file")}>
                <Link to={`/team/outcomes/imports/${row.id}`}>{row.kind === "api" ? t("imports.apiOrigin") : (row.fileName ?? `#${row.id}`)}</Link>
              </th>
              <td data-label={t("imports.col.when")}>{formatDate(row.createdAt, i18n.language)}</td>
              <td data-label={t("imports.col.by")}>{row.by ?? t("imports.bySystem")}</td>
              <td data-label={t("imports.col.rows")}>{t("imports.rowsSummary", { added: row.added, replacing: row.replacing, refused: row.refused })}</td>
              <td data-label={t("imports.col.status")}>{t(`imports.statuses.${row.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
