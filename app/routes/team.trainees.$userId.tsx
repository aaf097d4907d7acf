import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ChartConfiguration } from "chart.js";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { fastRepliesOfTrainee } from "~/analytics/fast-replies.server";
import { requireTeamView } from "~/analytics/guard.server";
import { masteryTrajectory } from "~/analytics/mastery";
import { filterQuery } from "~/analytics/filters";
import { traineeInTeams, traineeSkillTrend } from "~/analytics/trainee-access.server";
import { buildProgressView } from "~/attempts/progress-view.server";
import { certificationDates } from "~/certificates/certification.server";
import { ChartCanvas } from "~/components/analytics/chart";
import { FiltersForm } from "~/components/analytics/filters-form";
import { MasteryTrend } from "~/components/analytics/mastery-trend";
import { HeatCell } from "~/components/analytics/heat-cell";
import { wrapLabel } from "~/components/analytics/wrap-label";
import { AttemptsTable } from "~/components/scenario/attempts-table";
import { SKILLS, type Skill } from "~/engine/types";
import { pageTitle } from "~/i18n/meta";
import { formatDate } from "~/utils/dates";
import { idParamOr404 } from "~/utils/params.server";
import "~/locales/en/outcomes-page";
import "~/locales/en/certificates";
import "~/locales/en/analytics";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, (t) => data?.trainee.displayName ?? t("meta.trainee"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, teams, filters, scope } = await requireTeamView(request);
  const trainee = await traineeInTeams(idParamOr404(params.userId), teams, user);
  const [trend, progress, fast, certified] = await Promise.all([traineeSkillTrend(trainee.id, scope), buildProgressView(trainee.id), fastRepliesOfTrainee(trainee.id), certificationDates([trainee.id])]);
  // Current mastery is where the trajectory ends: the same rule as the overview, and it does not
  // depend on the trainee having a team (an admin can open a trainee without one).
  const trajectory = masteryTrajectory(trend);
  const noMastery = Object.fromEntries(SKILLS.map((skill) => [skill, null])) as Record<Skill, number | null>;
  const inRange = (iso: string) => iso >= scope.from && iso < scope.to;
  return json({
    trainee: { id: trainee.id, displayName: trainee.displayName, teamName: trainee.teamName ?? "" },
    filters: { ...filters, team: undefined },
    certifiedOn: certified.get(trainee.id) ?? null,
    mastery: trajectory.at(-1) ?? noMastery,
    trend: trajectory.map((mastery, index) => ({ endedAt: trend[index]!.ended_at, ...mastery })),
    // Flagged attempts stay in the mastery above; the table marks them.
    attempts: progress.attempts
      .filter((attempt) => inRange(attempt.startedAt))
      .map((attempt) => ({ ...attempt, fast: fast.get(attempt.id) ?? null })),
  });
}

export default function TraineePage() {
  const { t, i18n } = useTranslation();
  const { trainee, mastery, trend, attempts, filters, certifiedOn } = useLoaderData<typeof loader>();
  const skillName = (skill: (typeof SKILLS)[number]) => t(`skills.${skill}.name`);
  const finished = attempts.filter((attempt) => attempt.status === "completed").length;
  const flagged = attempts.filter((attempt) => attempt.fast?.flagged).length;

  const radar = useMemo<ChartConfiguration>(
    () => ({
      type: "radar",
      data: {
        // Two-word skill names on two lines, so that none runs off a phone's narrow chart.
        labels: SKILLS.map((skill) => wrapLabel(skillName(skill), 10)),
        datasets: [{ label: t("analytics.mastery"), data: SKILLS.map((skill) => mastery[skill]), backgroundColor: "rgba(17,105,107,0.2)", borderColor: "#11696b" }],
      },
      // Skill names large enough to read; the scale's numbers small and out of the data's way.
      options: {
        scales: {
          r: {
            min: 0,
            max: 100,
            ticks: { stepSize: 25, font: { size: 10 }, backdropColor: "rgba(255,255,255,0.8)" },
            pointLabels: { font: (context) => ({ size: context.chart.width < 360 ? 11 : 13 }) },
          },
        },
        plugins: { legend: { display: false } },
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [mastery, i18n.language],
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
        <p>
          {certifiedOn ? (
            <span className="badge badge--ok">{t("certificates.team.certifiedOn", { date: formatDate(certifiedOn, i18n.language) })}</span>
          ) : (
            <span className="muted">{t("certificates.team.notCertified")}</span>
          )}
        </p>
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
          <MasteryTrend trend={trend} />
        </section>
      </div>
      <section className="stack" aria-labelledby="attempts-title">
        <h2 id="attempts-title">{t("analytics.attemptsTitle")}</h2>
        <p className="muted">{t("outcomesPage.simulated.trainee")}</p>
        {flagged > 0 ? (
          <div className="notice callout stack">
            <p>{t("analytics.fastSummary", { count: flagged })}</p>
            <p className="muted">{t("analytics.fastRule")}</p>
          </div>
        ) : null}
        {attempts.length === 0 ? (
          <p className="muted">{t("analytics.noData")}</p>
        ) : (
          <AttemptsTable
            showPace
            attempts={attempts}
            caption={t("analytics.attemptsTitle")}
            linkFor={(attempt) => (attempt.status === "completed" ? `/team/attempts/${attempt.id}` : null)}
          />
        )}
      </section>
    </div>
  );
}
