import { useTranslation } from "react-i18next";
import "~/locales/en/imports";

type Rating = { raw: string; rows: number; rating: number; satisfied: boolean };

/** The ratings as the file gives them, beside the 0–1 value stored and whether they count as satisfied. */
export function RatingsTable({ ratings }: { ratings: Rating[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table--stack">
        <caption>{t("imports.ratingsTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("imports.ratingsCol.raw")}</th>
            <th scope="col">{t("imports.ratingsCol.rows")}</th>
            <th scope="col">{t("imports.ratingsCol.normalised")}</th>
            <th scope="col">{t("imports.ratingsCol.satisfied")}</th>
          </tr>
        </thead>
        <tbody>
          {ratings.map((rating) => (
            <tr key={rating.raw}>
              <th scope="row" data-label={t("imports.ratingsCol.raw")}>
                {rating.raw}
              </th>
              <td data-label={t("imports.ratingsCol.rows")}>{rating.rows.toLocaleString("en-GB")}</td>
              <td data-label={t("imports.ratingsCol.normalised")}>{rating.rating.toFixed(2)}</td>
              <td data-label={t("imports.ratingsCol.satisfied")}>{rating.satisfied ? t("imports.yes") : t("imports.no")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
