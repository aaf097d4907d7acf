import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { ChartConfiguration } from "chart.js";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { requireTeamView } from "~/analytics/guard.server";
import { buildOutcomes } from "~/analytics/outcomes.server";
import { ChartCanvas } from "~/components/analytics/chart";
import { ChartNumbers } from "~/components/analytics/chart-numbers";
import { FiltersForm } from "~/components/analytics/filters-form";
import { pageTitle } from "~/i18n/meta";
import { formatMonth } from "~/utils/dates";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("nav.outcomes"));

export async function loader({ request }: LoaderFunctionArgs) {
  const { teams, filters, scope } = await requireTeamView(request);
  return json({ teams, filters, ...(await buildOutcomes(scope)) });
}

const pct = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)}%`);

export default function Outcomes() {
  const { t, i18n } = useTranslation();
  const { teams, filters, months, trainees, correlation, strength, fewTrainees } = useLoaderData<typeof loader>();
  const scatterSummary =
    correlation === null || strength === null
      ? ""
      : fewTrainees
        ? t("analytics.scatterSummaryFew", { count: trainees.length, r: correlation.toFixed(2), min: fewTrainees })
        : t("analytics.scatterSummary", { count: trainees.length, r: correlation.toFixed(2), reading: t(`analytics.correlation.${strength}`) });

  // Two charts rather than one with two y axes: CSAT (1–5) and the percentages (0–100) would
  // otherwise cross each other without meaning.
  const csatOverTime = useMemo<ChartConfiguration>(
    () => ({
      type: "line",
      data: {
        labels: months.map((month) => formatMonth(month.period, i18n.language)),
        datasets: [{ label: t("analytics.csat"), data: months.map((m) => m.csat), borderColor: "#e0a526", backgroundColor: "#e0a526" }],
      },
      options: {
        plugins: { legend: { display: false }, title: { display: true, text: t("analytics.csat") } },
        scales: { y: { min: 1, max: 5, title: { display: true, text: t("analytics.csatAxis") } } },
      },
    }),
    [months, t, i18n.language],
  );
  const scoresOverTime = useMemo<ChartConfiguration>(
    () => ({
      type: "line",
      data: {
        labels: months.map((month) => formatMonth(month.period, i18n.language)),
        datasets: [
          { label: t("analytics.fcrRate"), data: months.map((m) => (m.fcr === null ? null : m.fcr * 100)), borderColor: "#3d6fb0", backgroundColor: "#3d6fb0" },
          { label: t("analytics.avgMastery"), data: months.map((m) => m.mastery), borderColor: "#11696b", backgroundColor: "#11696b" },
        ],
      },
      options: { scales: { y: { min: 0, max: 100, title: { display: true, text: t("analytics.percentAxis") } } } },
    }),
    [months, t, i18n.language],
  );
  const scatter = useMemo<ChartConfiguration>(
    () => ({
      type: "scatter",
      data: { datasets: [{ label: t("analytics.scatter"), data: trainees.map((p) => ({ x: p.mastery, y: p.csat })), backgroundColor: "rgba(17,105,107,0.6)", clip: false }] },
      options: {
        plugins: { legend: { display: false } },
        scales: { x: { min: 0, max: 100, title: { display: true, text: t("analytics.mastery") } }, y: { min: 1, max: 5, title: { display: true, text: t("analytics.csatShort") } } },
      },
    }),
    [trainees, t],
  );

  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t("analytics.outcomesTitle")}</h1>
        <p className="lead">{t("analytics.outcomesIntro")}</p>
      </header>
      <FiltersForm teams={teams} filters={filters} clearTo="/team/outcomes" />
      <section className="card stack" aria-labelledby="time-title">
        <h2 id="time-title">{t("analytics.overTime")}</h2>
        {months.length === 0 ? (
          <p className="muted">{t("analytics.noData")}</p>
        ) : (
          <>
            <div className="chart-grid">
              <ChartCanvas config={csatOverTime} label={t("analytics.csatOverTime")} className="chart--square" />
              <ChartCanvas config={scoresOverTime} label={t("analytics.scoresOverTime")} className="chart--square" />
            </div>
            <div className="table-wrap">
              <table className="table--stack">
                <caption className="visually-hidden">{t("analytics.overTime")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("analytics.month")}</th>
                    <th scope="col">{t("analytics.attempts")}</th>
                    <th scope="col">{t("analytics.csat")}</th>
                    <th scope="col">{t("analytics.fcrRate")}</th>
                    <th scope="col">{t("analytics.avgMastery")}</th>
                  </tr>
                </thead>
                <tbody>
                  {months.map((month) => (
                    <tr key={month.period}>
                      <th scope="row" data-label={t("analytics.month")}>
                        {formatMonth(month.period, i18n.language)}
                      </th>
                      <td data-label={t("analytics.attempts")}>{month.attempts}</td>
                      <td data-label={t("analytics.csat")}>{month.csat?.toFixed(2) ?? "—"}</td>
                      <td data-label={t("analytics.fcrRate")}>{pct(month.fcr)}</td>
                      <td data-label={t("analytics.avgMastery")}>{month.mastery ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="muted">{t("analytics.avgMasteryNote")}</p>
          </>
        )}
      </section>
      <section className="card stack" aria-labelledby="scatter-title">
        <h2 id="scatter-title">{t("analytics.scatter")}</h2>
        {correlation === null || strength === null ? (
          <p className="muted">{t("analytics.scatterNone")}</p>
        ) : (
          <>
            <p>{scatterSummary}</p>
            <ChartCanvas config={scatter} label={scatterSummary} className="chart--wide" />
            <ChartNumbers
              summary={t("analytics.showNumbers")}
              caption={t("analytics.scatter")}
              headers={[t("analytics.trainee"), t("analytics.mastery"), t("analytics.csatShort")]}
              rows={[...trainees]
                .sort((a, b) => b.mastery - a.mastery || a.name.localeCompare(b.name))
                .map((trainee) => ({ key: trainee.id, cells: [trainee.name, trainee.mastery, trainee.csat.toFixed(2)] }))}
            />
          </>
        )}
      </section>
    </div>
  );
}
