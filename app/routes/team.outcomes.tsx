import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireTeamView } from "~/analytics/guard.server";
import { filterQuery } from "~/analytics/filters";
import { FiltersForm } from "~/components/analytics/filters-form";
import { AgentsSection } from "~/components/outcomes/agents-section";
import { BeforeAfterSection } from "~/components/outcomes/before-after-section";
import { Caveats, Exports } from "~/components/outcomes/caveats";
import { EmptyState } from "~/components/outcomes/empty-state";
import { formatCount } from "~/components/outcomes/format";
import { LeftOut } from "~/components/outcomes/left-out";
import { TrendSection } from "~/components/outcomes/trend-section";
import outcomesStyles from "~/components/outcomes/outcomes.css";
import { pageTitle } from "~/i18n/meta";
import { DEFAULT_WEEKS, MILESTONE_MASTERY } from "~/outcomes/report-vocabulary";
import { buildOutcomesReport } from "~/outcomes/report.server";
import "~/locales/en/outcomes-page";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: outcomesStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("nav.outcomes"));

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requireTeamView(request);
  const report = await buildOutcomesReport(context, new URL(request.url));
  return json({ teams: context.teams, filters: context.filters, report });
}

export default function Outcomes() {
  const { t, i18n } = useTranslation();
  const { teams, filters, report } = useLoaderData<typeof loader>();
  const { weeks, mastery } = report.query;
  // Each form keeps the other forms' values, so that one change never resets the rest.
  const filterValues = Object.fromEntries(new URLSearchParams(filterQuery(filters)));
  const own = { ...(weeks === DEFAULT_WEEKS ? {} : { weeks: String(weeks) }), ...(mastery === "overall" ? {} : { mastery }) };

  return (
    <div className="stack-lg outcomes-page">
      <header className="page-header">
        <h1>{t("outcomesPage.title")}</h1>
        <p className="lead">{t("outcomesPage.intro")}</p>
      </header>
      <FiltersForm teams={teams} filters={filters} keep={own} clearTo="/team/outcomes" />
      {!report.hasOutcomes ? (
        <EmptyState />
      ) : (
        <>
          <section className="card stack" aria-labelledby="summary-title">
            <h2 id="summary-title" className="visually-hidden">
              {t("outcomesPage.summaryTitle")}
            </h2>
            <dl className="facts">
              {(
                [
                  ["agents", report.agents.points.length],
                  ["tickets", report.agents.tickets],
                  ["rated", report.agents.ratedTickets],
                ] as const
              ).map(([key, value]) => (
                <div key={key}>
                  <dt>{t(`outcomesPage.facts.${key}`)}</dt>
                  <dd>{formatCount(value, i18n.language)}</dd>
                </div>
              ))}
            </dl>
            <p className="muted">{t("outcomesPage.realOnly")}</p>
          </section>
          <AgentsSection agents={report.agents} keep={{ ...filterValues, ...(weeks === DEFAULT_WEEKS ? {} : { weeks: String(weeks) }) }} />
          <LeftOut leftOut={report.agents.leftOut} unknown={report.unknown} />
          <BeforeAfterSection
            beforeAfter={report.beforeAfter}
            milestone={MILESTONE_MASTERY}
            minTickets={report.minimums.ticketsPerWindow}
            keep={{ ...filterValues, ...(mastery === "overall" ? {} : { mastery }) }}
          />
          <TrendSection months={report.months} />
          <Caveats />
          <Exports agentsHref={`/team/outcomes.csv${filterQuery(filters)}`} beforeAfterHref={`/team/outcomes/before-after.csv${filterQuery(filters, { weeks: String(weeks) })}`} />
        </>
      )}
    </div>
  );
}
