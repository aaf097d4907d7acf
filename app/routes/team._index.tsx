import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireTeamView } from "~/analytics/guard.server";
import { teamAttention } from "~/assignments/attention.server";
import { AttentionSection } from "~/components/assignments/attention-section";
import assignmentStyles from "~/styles/assignments.css";
import { certificationDates } from "~/certificates/certification.server";
import { engagementOf } from "~/game/engagement.server";
import { readPage, readSorting } from "~/analytics/scope.server";
import type { SortKey } from "~/analytics/filters";
import { buildOverview, pageOf } from "~/analytics/overview.server";
import { filterQuery } from "~/analytics/filters";
import { FiltersForm } from "~/components/analytics/filters-form";
import { HeatCell } from "~/components/analytics/heat-cell";
import { Pager } from "~/components/pager";
import { SKILLS } from "~/engine/types";
import { pageTitle } from "~/i18n/meta";
import { formatDate } from "~/utils/dates";
import "~/locales/en/certificates";
import "~/locales/en/game";
import "~/locales/en/analytics";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("nav.team"));
export const links = () => [{ rel: "stylesheet", href: assignmentStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { teams, filters, scope } = await requireTeamView(request);
  const url = new URL(request.url);
  const { sort, dir } = readSorting(url);
  const overview = await buildOverview(scope, sort, dir);
  // Every trainee counts towards the weakest skill and the export; the table shows one page.
  const page = pageOf(overview.rows, readPage(url));
  const ids = page.rows.map((row) => row.id);
  const [certified, attention, engagement] = await Promise.all([certificationDates(ids), teamAttention(scope, overview.rows), engagementOf(ids)]);
  return json({ teams, filters, sort, dir, ...overview, ...page, certifiedOn: Object.fromEntries(certified), attention, engagement });
}

function percent(value: number | null): string {
  return value === null ? "—" : `${Math.round(value * 100)}%`;
}

export default function TeamOverview() {
  const { t, i18n } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const { filters, sort, dir } = data;
  const columns: { key: SortKey; label: string }[] = [
    { key: "name", label: t("analytics.trainee") },
    ...(data.teams.length > 1 ? [{ key: "team" as const, label: t("analytics.team") }] : []),
    ...SKILLS.map((skill) => ({ key: skill, label: t(`skills.${skill}.name`) })),
    { key: "attempts", label: t("analytics.attempts") },
    { key: "scenarios", label: t("analytics.scenarios") },
    { key: "csat", label: t("analytics.csat") },
    { key: "fcr", label: t("analytics.fcr") },
    { key: "lastActive", label: t("analytics.lastActive") },
  ];
  // Which team(s) the table shows: the one picked in the filter, or every team in view.
  const shownTeams = (filters.team === undefined ? data.teams : data.teams.filter((team) => team.id === filters.team)).map((team) => team.name).join(" · ");
  const sortLink = (key: SortKey) => filterQuery(filters, { sort: key, dir: sort === key && dir === "asc" ? "desc" : "asc" });

  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t("analytics.overviewTitle")}</h1>
        {shownTeams ? <p className="page-header__sub">{shownTeams}</p> : null}
        <p className="lead">{t("analytics.overviewIntro")}</p>
      </header>
      {data.teams.length === 0 ? <p className="notice">{t("manager.noTeams")}</p> : null}
      <FiltersForm teams={data.teams} filters={filters} keep={{ sort, dir }} clearTo="/team" />
      {data.weakestSkill ? (
        <p className="notice callout" role="note">
          {t(filters.team === undefined && data.teams.length > 1 ? "analytics.weakestAcross" : "analytics.weakest", {
            skill: t(`skills.${data.weakestSkill}.name`),
            score: data.teamMastery[data.weakestSkill],
          })}{" "}
          <Link to={`/guides/${data.weakestSkill}`}>{t("analytics.weakestGuide", { skill: t(`skills.${data.weakestSkill}.name`) })}</Link>
        </p>
      ) : null}
      {(filters.from || filters.to) && data.rows.length > 0 && data.rows.every((row) => row.attempts === 0) ? (
        <p className="notice">{t("analytics.noData")}</p>
      ) : null}
      <AttentionSection attention={data.attention} query={filterQuery(filters)} />
      <div className="card table-wrap">
        <table className="table--stack table--compact">
          <caption className="visually-hidden">{t("analytics.overviewTitle")}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.key} scope="col" aria-sort={sort === column.key ? (dir === "asc" ? "ascending" : "descending") : undefined}>
                  <Link to={sortLink(column.key)} className="sort-link" aria-label={t("analytics.sortBy", { column: column.label })}>
                    {column.label}
                    <span aria-hidden="true" className="sort-mark">
                      {sort === column.key ? (dir === "asc" ? " ▲" : " ▼") : ""}
                    </span>
                  </Link>
                </th>
              ))}
              <th scope="col">{t("game.team.xpThisWeek")}</th>
              <th scope="col">{t("game.team.streak")}</th>
              <th scope="col">{t("game.team.reviewsDue")}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row" data-label={t("analytics.trainee")}>
                  <span className="cell-stack">
                    <Link to={`/team/trainees/${row.id}${filterQuery(filters)}`}>{row.displayName}</Link>
                    {data.certifiedOn[row.id] ? (
                      <span className="badge badge--ok">{t("certificates.team.certifiedOn", { date: formatDate(data.certifiedOn[row.id]!, i18n.language) })}</span>
                    ) : null}
                  </span>
                </th>
                {data.teams.length > 1 ? (
                  <td data-label={t("analytics.team")} className="cell-wrap">
                    {row.teamName}
                  </td>
                ) : null}
                {SKILLS.map((skill) => (
                  <HeatCell key={skill} value={row.mastery[skill]} label={t(`skills.${skill}.name`)} />
                ))}
                <td data-label={t("analytics.attempts")}>{row.attempts}</td>
                <td data-label={t("analytics.scenarios")}>{t("analytics.scenariosValue", { done: row.scenariosCompleted, available: data.scenariosAvailable })}</td>
                <td data-label={t("analytics.csat")}>{row.avgCsat === null ? "—" : row.avgCsat.toFixed(1)}</td>
                <td data-label={t("analytics.fcr")}>{percent(row.fcrRate)}</td>
                <td data-label={t("analytics.lastActive")} className="nowrap">{row.lastActive ? formatDate(row.lastActive, i18n.language) : filters.from || filters.to ? t("analytics.noneInRange") : t("analytics.never")}</td>
                <td data-label={t("game.team.xpThisWeek")}>{data.engagement[row.id]?.xpThisWeek ?? 0}</td>
                <td data-label={t("game.team.streak")}>{t("game.summary.weeks", { count: data.engagement[row.id]?.streak ?? 0 })}</td>
                <td data-label={t("game.team.reviewsDue")}>{data.engagement[row.id]?.reviewsDue ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager paging={data.paging} linkTo={(page) => filterQuery(filters, { sort, dir, page: String(page) })} />
      <p className="actions">
        <a className="button" href={`/team/overview.csv${filterQuery(filters, { sort, dir })}`} download>
          {t("analytics.exportOverview")}
        </a>
        <a className="button" href={`/team/attempts.csv${filterQuery(filters)}`} download>
          {t("analytics.exportAttempts")}
        </a>
      </p>
    </div>
  );
}
