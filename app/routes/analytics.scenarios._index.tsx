import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ChartConfiguration } from "chart.js";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { requireTeamView } from "~/analytics/guard.server";
import { listScenarioSummaries } from "~/analytics/scenario-analytics.server";
import { filterQuery, type Filters } from "~/analytics/filters";
import { ChartCanvas, OUTCOME_COLOURS } from "~/components/analytics/chart";
import { FiltersForm } from "~/components/analytics/filters-form";
import { wrapLabel } from "~/components/analytics/wrap-label";
import { OUTCOMES, SKILLS } from "~/engine/types";
import { pageTitle } from "~/i18n/meta";
import "~/locales/en/analytics";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("nav.scenarioAnalytics"));

export async function loader({ request }: LoaderFunctionArgs) {
  const { teams, filters, scope } = await requireTeamView(request, ["manager", "admin", "trainer"]);
  return json({ teams, filters, scenarios: await listScenarioSummaries(scope) });
}

function ScenarioCell({ scenario, filters }: { scenario: { id: string; title: string }; filters: Filters }) {
  const { t } = useTranslation();
  return (
    <th scope="row" data-label={t("analytics.scenario")}>
      <Link to={`/analytics/scenarios/${scenario.id}${filterQuery(filters)}`}>{scenario.title}</Link>
    </th>
  );
}

export default function ScenarioAnalytics() {
  const { t } = useTranslation();
  const { teams, filters, scenarios } = useLoaderData<typeof loader>();
  const chart = useMemo<ChartConfiguration>(
    () => ({
      type: "bar",
      data: {
        labels: scenarios.map((s) => s.title),
        datasets: OUTCOMES.map((outcome) => ({
          label: t(`debrief.outcomes.${outcome}`),
          data: scenarios.map((s) => s.outcomes[outcome]),
          backgroundColor: OUTCOME_COLOURS[outcome],
        })),
      },
      // Counts of conversations: whole numbers on the axis.
      // Long titles wrap onto short lines so that they fit beside the bars on a phone.
      options: {
        indexAxis: "y",
        scales: {
          x: { stacked: true, ticks: { precision: 0 } },
          y: { stacked: true, ticks: { callback: (_value, index) => wrapLabel(scenarios[index]?.title ?? "", 18) } },
        },
      },
    }),
    [scenarios, t],
  );
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t("analytics.scenariosTitle")}</h1>
        <p className="lead">{t("analytics.scenariosIntro")}</p>
      </header>
      <FiltersForm teams={teams} filters={filters} clearTo="/analytics/scenarios" />
      <section className="card stack" aria-labelledby="outcomes-title">
        <h2 id="outcomes-title">{t("analytics.outcomes")}</h2>
        <ChartCanvas config={chart} label={t("analytics.outcomes")} className="chart--wide" />
        <div className="table-wrap">
          <table className="table--stack table--compact">
            <caption className="visually-hidden">{t("analytics.outcomes")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("analytics.scenario")}</th>
                <th scope="col">{t("analytics.started")}</th>
                <th scope="col">{t("analytics.completion")}</th>
                {OUTCOMES.map((outcome) => (
                  <th key={outcome} scope="col">
                    {t(`debrief.outcomes.${outcome}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {scenarios.map((scenario) => (
                <tr key={scenario.id}>
                  <ScenarioCell scenario={scenario} filters={filters} />
                  <td data-label={t("analytics.started")}>{scenario.started}</td>
                  <td data-label={t("analytics.completion")}>{scenario.started === 0 ? "—" : `${Math.round((100 * scenario.completed) / scenario.started)}%`}</td>
                  {OUTCOMES.map((outcome) => (
                    <td key={outcome} data-label={t(`debrief.outcomes.${outcome}`)}>
                      {scenario.outcomes[outcome]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card stack" aria-labelledby="averages-title">
        <h2 id="averages-title">{t("analytics.averageScores")}</h2>
        <div className="table-wrap">
          <table className="table--stack table--compact">
            <caption className="visually-hidden">{t("analytics.averageScores")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("analytics.scenario")}</th>
                {SKILLS.map((skill) => (
                  <th key={skill} scope="col">
                    {t(`skills.${skill}.name`)}
                  </th>
                ))}
                <th scope="col">{t("analytics.overall")}</th>
              </tr>
            </thead>
            <tbody>
              {scenarios.map((scenario) => (
                <tr key={scenario.id}>
                  <ScenarioCell scenario={scenario} filters={filters} />
                  {SKILLS.map((skill) => (
                    <td key={skill} data-label={t(`skills.${skill}.name`)}>
                      {scenario.averages[skill] ?? "—"}
                    </td>
                  ))}
                  <td data-label={t("analytics.overall")}>{scenario.overall ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
