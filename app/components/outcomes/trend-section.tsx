import type { ChartConfiguration } from "chart.js";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ChartCanvas } from "~/components/analytics/chart";
import type { MonthRow } from "~/outcomes/report.server";
import { formatMonth } from "~/utils/dates";
import { formatCount, formatPercent } from "./format";
import "~/locales/en/outcomes-page";

/**
 * Real CSAT and first-contact resolution each month beside the team's average mastery: one chart
 * (all three are on 0–100) and the same numbers in a table, which is also the chart's text.
 */
const COLUMNS = ["month", "tickets", "csat", "resolution", "mastery"] as const;
type Key = (typeof COLUMNS)[number] | "title" | "intro" | "none" | "chartLabel" | "masteryNote";

export function TrendSection({ months }: { months: readonly MonthRow[] }) {
  const { t, i18n } = useTranslation();
  const label = (key: Key) => t(`outcomesPage.trend.${key}`);
  const config = useMemo<ChartConfiguration>(
    () => ({
      type: "line",
      data: {
        labels: months.map((month) => formatMonth(month.period, i18n.language)),
        datasets: [
          { label: t("outcomesPage.trend.csat"), data: months.map((month) => month.csat), borderColor: "#b06812", backgroundColor: "#b06812", spanGaps: true },
          { label: t("outcomesPage.trend.resolution"), data: months.map((month) => month.resolution), borderColor: "#3d6fb0", backgroundColor: "#3d6fb0", spanGaps: true },
          { label: t("outcomesPage.trend.mastery"), data: months.map((month) => month.mastery), borderColor: "#11696b", backgroundColor: "#11696b", borderDash: [6, 4], spanGaps: true },
        ],
      },
      options: { scales: { y: { min: 0, max: 100, title: { display: true, text: t("outcomesPage.trend.axis") } } } },
    }),
    [months, t, i18n.language],
  );
  return (
    <section className="card stack" aria-labelledby="trend-title">
      <h2 id="trend-title">{label("title")}</h2>
      <p className="muted">{label("intro")}</p>
      {months.length === 0 ? (
        <p className="notice notice--info">{label("none")}</p>
      ) : (
        <>
          <ChartCanvas config={config} label={label("chartLabel")} className="chart--wide" />
          <div className="table-wrap">
            <table className="table--stack">
              <caption className="visually-hidden">{label("title")}</caption>
              <thead>
                <tr>
                  {COLUMNS.map((column) => (
                    <th key={column} scope="col">
                      {label(column)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {months.map((month) => (
                  <tr key={month.period}>
                    <th scope="row" data-label={label("month")}>
                      {formatMonth(month.period, i18n.language)}
                    </th>
                    <td data-label={label("tickets")}>{formatCount(month.tickets, i18n.language)}</td>
                    <td data-label={label("csat")}>{formatPercent(month.csat)}</td>
                    <td data-label={label("resolution")}>{formatPercent(month.resolution)}</td>
                    <td data-label={label("mastery")}>{month.mastery ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">{label("masteryNote")}</p>
        </>
      )}
    </section>
  );
}
