import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MIN_REPLIES_FOR_HARDEST } from "~/analytics/hardest-step";
import { requireTeamView } from "~/analytics/guard.server";
import { buildItemAnalysis, readVersionParam } from "~/analytics/item-analysis.server";
import { buildScenarioDetail } from "~/analytics/scenario-analytics.server";
import { loadScenarioLogs } from "~/analytics/scenario-logs.server";
import { filterQuery } from "~/analytics/filters";
import { FiltersForm } from "~/components/analytics/filters-form";
import { FlowDiagram } from "~/components/analytics/flow-diagram";
import { ItemAnalysis } from "~/components/analytics/item-analysis";
import { OUTCOMES } from "~/engine/types";
import { pageTitle } from "~/i18n/meta";
import "~/locales/en/outcomes-page";
import "~/locales/en/analytics";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => t("meta.scenarioAnalytics", { title: data?.detail.summary.title ?? t("meta.scenario") }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { teams, filters, scope } = await requireTeamView(request, ["manager", "admin", "trainer"]);
  const scenarioId = params.scenarioId ?? "";
  // One read of the scenario's attempts feeds both the step tables and the item analysis.
  const logs = await loadScenarioLogs(scenarioId, scope);
  const [detail, items] = await Promise.all([
    buildScenarioDetail(scenarioId, scope, logs),
    buildItemAnalysis(scenarioId, scope, logs, readVersionParam(new URL(request.url))),
  ]);
  if (!detail) throw new Response("Not found", { status: 404 });
  return json({ teams, filters, detail, items });
}

export default function ScenarioDetailPage() {
  const { t } = useTranslation();
  const { teams, filters, detail, items } = useLoaderData<typeof loader>();
  const { summary } = detail;
  const hardest = detail.steps.find((step) => step.stepId === detail.hardestStep);
  return (
    <div className="stack-lg">
      <p>
        <Link to={`/analytics/scenarios${filterQuery(filters)}`}>← {t("analytics.scenariosTitle")}</Link>
      </p>
      <header className="page-header">
        <h1>{summary.title}</h1>
        <p className="lead">
          {t("analytics.started")}: {summary.started} · {t("analytics.completion")}:{" "}
          {summary.started === 0 ? "—" : `${Math.round((100 * summary.completed) / summary.started)}%`} · {t("analytics.overall")}: {summary.overall ?? "—"}
        </p>
      </header>
      <FiltersForm teams={teams} filters={filters} clearTo={`/analytics/scenarios/${summary.id}`} />
      <section className="card stack" aria-labelledby="flow-title">
        <h2 id="flow-title">{t("analytics.flowTitle")}</h2>
        <p className="muted">{t("analytics.flowIntro")}</p>
        <p className="muted">{t("outcomesPage.simulated.scenario")}</p>
        {hardest && hardest.poorShare !== null ? (
          <p className="notice callout">
            {t("analytics.hardest", {
              step: hardest.stepId,
              poor: Math.round(hardest.poorShare * hardest.picks),
              count: hardest.picks,
              share: `${Math.round(hardest.poorShare * 100)}%`,
              min: MIN_REPLIES_FOR_HARDEST,
            })}
          </p>
        ) : detail.steps.some((step) => step.picks > 0) ? (
          <p className="muted">{t("analytics.hardestNone", { min: MIN_REPLIES_FOR_HARDEST })}</p>
        ) : null}
        <FlowDiagram flow={detail.flow} steps={detail.steps} hardest={detail.hardestStep} endings={detail.endings} edgeShares={detail.edgeShares} />
      </section>
      <ItemAnalysis items={items} keep={Object.fromEntries(new URLSearchParams(filterQuery(filters)))} />
      <section className="stack" aria-labelledby="steps-title">
        <h2 id="steps-title">{t("analytics.stepsTable")}</h2>
        <p className="muted">{t("analytics.ratingNote")}</p>
        {summary.started === 0 ? <p className="notice">{t("analytics.noData")}</p> : null}
        {(summary.started === 0 ? [] : detail.steps).map((step) => (
          <article key={step.stepId} className={`card stack step-stats${step.stepId === detail.hardestStep ? " step-stats--hardest" : ""}`} aria-labelledby={`step-${step.stepId}`}>
            <h3 id={`step-${step.stepId}`}>
              {t("analytics.step")} <code>{step.stepId}</code>
            </h3>
            <p className="muted">“{step.label}”</p>
            {step.picks === 0 ? (
              <p className="muted">{t("analytics.noPicks")}</p>
            ) : (
              <div className="table-wrap">
                <table className="table--stack table--compact">
                  <caption className="visually-hidden">
                    {t("analytics.stepsTable")}: {step.stepId}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("analytics.choice")}</th>
                      <th scope="col">{t("analytics.quality")}</th>
                      <th scope="col">{t("analytics.picked")}</th>
                      {OUTCOMES.map((outcome) => (
                        <th key={outcome} scope="col">
                          {t(`debrief.outcomes.${outcome}`)}
                        </th>
                      ))}
                      <th scope="col">{t("analytics.unfinished")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {step.choices.map((choice) => (
                      <tr key={choice.id}>
                        <td data-label={t("analytics.choice")} className="cell-reply">
                          {choice.text}
                          {choice.requires.length > 0 ? <span className="choice-condition">{t("analytics.offeredWhen", { flags: choice.requires.join(", ") })}</span> : null}
                          {choice.unless.length > 0 ? <span className="choice-condition">{t("analytics.offeredUnless", { flags: choice.unless.join(", ") })}</span> : null}
                        </td>
                        <td data-label={t("analytics.quality")}>
                          {choice.ratings.length === 0 ? (
                            <span className="muted">{t("analytics.ratingNeverOffered")}</span>
                          ) : (
                            <span className="cell-stack">
                              {choice.ratings.map((rating) => (
                                <span key={rating} className={`rating rating--${rating}`}>
                                  {t(`debrief.rating.${rating}`)}
                                </span>
                              ))}
                            </span>
                          )}
                        </td>
                        <td data-label={t("analytics.picked")} className="nowrap">
                          {choice.picks} ({Math.round((100 * choice.picks) / step.picks)}%)
                        </td>
                        {OUTCOMES.map((outcome) => (
                          <td key={outcome} data-label={t(`debrief.outcomes.${outcome}`)}>
                            {choice.endings[outcome]}
                          </td>
                        ))}
                        <td data-label={t("analytics.unfinished")}>{choice.endings.unfinished}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </article>
        ))}
      </section>
    </div>
  );
}
