import { Form } from "@remix-run/react";
import type { ChartConfiguration } from "chart.js";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ChartCanvas } from "~/components/analytics/chart";
import { ChartNumbers } from "~/components/analytics/chart-numbers";
import type { AgentsView } from "~/outcomes/agents-scatter";
import { MASTERY_KEYS } from "~/outcomes/report-vocabulary";
import { correlationWords, CorrelationSummary, type Measure } from "./correlation-summary";
import { formatPercent } from "./format";
import "~/locales/en/outcomes-page";
import "~/locales/en/analytics";

const COLOURS: Record<Measure, string> = { csat: "rgba(176,104,18,0.65)", resolution: "rgba(61,111,176,0.65)" };

type Props = {
  agents: AgentsView;
  /** The page's other query values, kept when another mastery is picked. */
  keep: Record<string, string>;
};

/**
 * The scatter of current mastery against each agent's real CSAT and first-contact resolution.
 * The mastery on the x axis is a plain GET form: it works without JavaScript and makes a link.
 */
export function AgentsSection({ agents, keep }: Props) {
  const { t } = useTranslation();
  const { key, correlations } = agents;
  const masteryName = key === "overall" ? t("outcomesPage.agents.overall") : t(`skills.${key}.name`);

  const charts = useMemo(
    () =>
      (["csat", "resolution"] as const).map((measure) => {
        const label = t("outcomesPage.agents.chartLabel", {
          measure: t(`outcomesPage.measures.${measure}`),
          mastery: masteryName,
          reading: correlationWords(t, correlations[measure], measure),
        });
        const config: ChartConfiguration = {
          type: "scatter",
          data: {
            datasets: [
              {
                label: t(`outcomesPage.measures.${measure}`),
                data: agents.points.flatMap((point) => {
                  const y = point[measure];
                  return point.mastery === null || y === null ? [] : [{ x: point.mastery, y }];
                }),
                backgroundColor: COLOURS[measure],
                clip: false,
              },
            ],
          },
          options: {
            plugins: { legend: { display: false }, title: { display: true, text: t(`outcomesPage.measures.${measure}`) } },
            scales: {
              x: { min: 0, max: 100, title: { display: true, text: t("outcomesPage.agents.masteryAxis", { mastery: masteryName }) } },
              y: { min: 0, max: 100, title: { display: true, text: t(`outcomesPage.agents.${measure}Axis`) } },
            },
          },
        };
        return { measure, label, config };
      }),
    [agents.points, correlations, masteryName, t],
  );

  return (
    <section className="card stack" aria-labelledby="agents-title">
      <h2 id="agents-title">{t("outcomesPage.agents.title")}</h2>
      <p className="muted">{t("outcomesPage.agents.intro")}</p>
      {agents.points.length === 0 ? (
        <p className="notice notice--info">{t("outcomesPage.agents.noPoints")}</p>
      ) : (
        <>
          <Form method="get" className="inline-form">
            {Object.entries(keep).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <div className="field">
              <label htmlFor="outcomes-mastery">{t("outcomesPage.agents.masteryLabel")}</label>
              <select id="outcomes-mastery" name="mastery" defaultValue={key}>
                {MASTERY_KEYS.map((option) => (
                  <option key={option} value={option}>
                    {option === "overall" ? t("outcomesPage.agents.overall") : t(`skills.${option}.name`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button">
              {t("outcomesPage.agents.show")}
            </button>
          </Form>
          <div className="chart-grid">
            {charts.map((chart) => (
              <ChartCanvas key={chart.measure} config={chart.config} label={chart.label} className="chart--square" />
            ))}
          </div>
          <div className="chart-grid">
            <CorrelationSummary correlation={correlations.csat} measure="csat" />
            <CorrelationSummary correlation={correlations.resolution} measure="resolution" />
          </div>
          <p className="muted">{t("outcomesPage.agents.notCause")}</p>
          <ChartNumbers
            summary={t("analytics.showNumbers")}
            caption={t("outcomesPage.agents.numbersCaption")}
            headers={[
              t("outcomesPage.agents.agent"),
              `${t("outcomesPage.agents.mastery")} (${masteryName})`,
              t("outcomesPage.measures.csat"),
              t("outcomesPage.measures.resolution"),
              t("outcomesPage.agents.tickets"),
              t("outcomesPage.agents.rated"),
            ]}
            rows={agents.points.map((point) => ({
              key: point.id,
              cells: [point.name, point.mastery ?? "—", formatPercent(point.csat), formatPercent(point.resolution), point.tickets, point.rated],
            }))}
          />
        </>
      )}
    </section>
  );
}
