import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ChartConfiguration } from "chart.js";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { requireTeamView } from "~/analytics/guard.server";
import { masteryTrajectory } from "~/analytics/mastery";
import { filterQuery } from "~/analytics/filters";
import { traineeInTeams } from "~/analytics/trainee-access.server";
import { buildProgressView } from "~/attempts/progress-view.server";
import { ChartCanvas, SKILL_COLOURS } from "~/components/analytics/chart";
import { FiltersForm } from "~/components/analytics/filters-form";
import { HeatCell } from "~/components/analytics/heat-cell";
import { SKILLS } from "~/engine/types";
import { skillTrend, teamOverview } from "~/models/analytics.server";
import { formatDate } from "~/utils/dates";
import { idParamOr404 } from "~/utils/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.trainee.displayName ?? "Trainee"} · Frontline` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, teams, filters, scope } = await requireTeamView(request);
  const trainee = await traineeInTeams(idParamOr404(params.userId), teams, user);
  const [rows, trend, progress] = await Promise.all([
    trainee.teamId === null ? Promise.resolve([]) : teamOverview({ teamIds: [trainee.teamId], from: scope.from, to: scope.to }),
    skillTrend(trainee.id, scope),
    buildProgressView(trainee.id),
  ]);
  const row = rows.find((candidate) => candidate.id === trainee.id);
  const inRange = (iso: string) => iso >= scope.from && iso < scope.to;
  return json({
    trainee: { id: trainee.id, displayName: trainee.displayName, teamName: trainee.teamName ?? "" },
    filters: { ...filters, team: undefined },
    mastery: Object.fromEntries(SKILLS.map((skill) => [skill, row?.mastery[skill] == null ? null : Math.round(row.mastery[skill]!)])) as Record<
      (typeof SKILLS)[number],
      number | null
    >,
    trend: masteryTrajectory(trend).map((mastery, index) => ({ endedAt: trend[index]!.ended_at, ...mastery })),
    attempts: progress.attempts.filter((attempt) => inRange(attempt.startedAt)),
  });
}

export default function TraineePage() {
  const { t, i18n } = useTranslation();
  const { trainee, mastery, trend, attempts, filters } = useLoaderData<typeof loader>();
  const skillName = (skill: (typeof SKILLS)[number]) => t(`skills.${skill}.name`);
  const finished = attempts.filter((attempt) => attempt.status === "completed").length;

  const radar = useMemo<ChartConfiguration>(
    () => ({
      type: "radar",
      data: {
        labels: SKILLS.map(skillName),
        datasets: [{ label: t("analytics.mastery"), data: SKILLS.map((skill) => mastery[skill]), backgroundColor: "rgba(17,105,107,0.2)", borderColor: "#11696b" }],
      },
      options: { scales: { r: { min: 0, max: 100, ticks: { stepSize: 25 } } }, plugins: { legend: { display: false } } },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [mastery, i18n.language],
  );
  const line = useMemo<ChartConfiguration>(
    () => ({
      type: "line",
      data: {
        labels: trend.map((point) => formatDate(point.endedAt, i18n.language)),
        datasets: SKILLS.map((skill) => ({
          label: skillName(skill),
          data: trend.map((point) => point[skill]),
          borderColor: SKILL_COLOURS[skill],
          backgroundColor: SKILL_COLOURS[skill],
          spanGaps: true,
          tension: 0.25,
          pointRadius: 2,
        })),
      },
      options: { scales: { y: { min: 0, max: 100 } } },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [trend, i18n.language],
  );
  const masterySummary = SKILLS.map((skill) => `${skillName(skill)} ${mastery[skill] ?? t("analytics.notAssessed")}`).join(", ");

  return (
    <div className="stack-lg">
      <p>
        <Link to={`/team${filterQuery(filters)}`}>← {t("analytics.overviewTitle")}</Link>
      </p>
      <header className="page-header">
        <h1>{t("analytics.traineeTitle", { name: trainee.displayName })}</h1>
        <p className="lead">{t("analytics.traineeIntro", { team: trainee.teamName, attempts: finished })}</p>
      </header>
      <FiltersForm teams={[]} filters={filters} clearTo={`/team/trainees/${trainee.id}`} />
      <div className="chart-grid">
        <section className="card stack" aria-labelledby="radar-title">
          <h2 id="radar-title">{t("analytics.radar")}</h2>
          <ChartCanvas config={radar} label={t("analytics.radarSummary", { values: masterySummary })} className="chart--square" />
          <table className="mini-table">
            <caption className="visually-hidden">{t("analytics.radar")}</caption>
            <tbody>
              {SKILLS.map((skill) => (
                <tr key={skill}>
                  <th scope="row">{skillName(skill)}</th>
                  <HeatCell value={mastery[skill]} label={skillName(skill)} />
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card stack" aria-labelledby="trend-title">
          <h2 id="trend-title">{t("analytics.trend")}</h2>
          <p className="muted">{t("analytics.trendSummary")}</p>
          {trend.length === 0 ? (
            <p className="muted">{t("analytics.noData")}</p>
          ) : (
            <>
              <ChartCanvas config={line} label={t("analytics.trend")} className="chart--wide" />
              <ul className="trend-summary">
                {SKILLS.map((skill) => {
                  const values = trend.map((point) => point[skill]).filter((value): value is number => value !== null);
                  return (
                    <li key={skill}>
                      <strong>{skillName(skill)}</strong>:{" "}
                      {values.length === 0
                        ? t("analytics.notAssessed")
                        : t("analytics.trendChange", { first: values[0], last: values[values.length - 1], count: values.length })}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </section>
      </div>
      <section className="stack" aria-labelledby="attempts-title">
        <h2 id="attempts-title">{t("analytics.attemptsTitle")}</h2>
        {attempts.length === 0 ? (
          <p className="muted">{t("analytics.noData")}</p>
        ) : (
          <div className="card table-wrap">
            <table className="table--stack">
              <caption className="visually-hidden">{t("analytics.attemptsTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("analytics.date")}</th>
                  <th scope="col">{t("analytics.scenario")}</th>
                  <th scope="col">{t("analytics.outcome")}</th>
                  <th scope="col">{t("analytics.overall")}</th>
                  {SKILLS.map((skill) => (
                    <th key={skill} scope="col">
                      {skillName(skill)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {attempts.map((attempt) => (
                  <tr key={attempt.id}>
                    <td data-label={t("analytics.date")}>{formatDate(attempt.startedAt, i18n.language)}</td>
                    <td data-label={t("analytics.scenario")}>
                      {attempt.status === "completed" ? <Link to={`/team/attempts/${attempt.id}`}>{attempt.title}</Link> : attempt.title}
                    </td>
                    <td data-label={t("analytics.outcome")}>
                      {attempt.outcome ? t(`debrief.outcomes.${attempt.outcome}`) : <span className="badge badge--progress">{t("analytics.inProgress")}</span>}
                    </td>
                    <td data-label={t("analytics.overall")}>{attempt.overall ?? "—"}</td>
                    {SKILLS.map((skill) => (
                      <td key={skill} data-label={skillName(skill)}>
                        {attempt.scores[skill] ?? "—"}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
