import type { ChartConfiguration } from "chart.js";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { SKILLS, type Skill } from "~/domain/vocabulary";
import type { TrendPoint } from "~/analytics/mastery";
import { formatDate } from "~/utils/dates";
import { ChartCanvas, SKILL_COLOURS } from "./chart";
import { ChartNumbers } from "./chart-numbers";
import "~/locales/en/analytics";


/**
 * Mastery of each skill after each finished conversation: a line chart, a sentence per skill,
 * and every figure in a table under it. The manager's trainee page and the trainee's own
 * My progress show the same chart.
 */
export function MasteryTrend({ trend }: { trend: readonly TrendPoint[] }) {
  const { t, i18n } = useTranslation();
  const skillName = (skill: Skill) => t(`skills.${skill}.name`);
  const line = useMemo<ChartConfiguration>(
    () => ({
      type: "line",
      data: {
        // Several conversations can end on one day: number them so that no two points share a label.
        labels: trend.map((point, index) => `${index + 1} · ${formatDate(point.endedAt, i18n.language)}`),
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
  if (trend.length === 0) return <p className="muted">{t("analytics.noData")}</p>;
  return (
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
      <ChartNumbers
        summary={t("analytics.showNumbers")}
        caption={t("analytics.trend")}
        headers={[t("analytics.date"), ...SKILLS.map(skillName)]}
        rows={trend.map((point, index) => ({
          key: index,
          // Numbered like the chart's points: two conversations on one day are two rows.
          cells: [`${index + 1} · ${formatDate(point.endedAt, i18n.language)}`, ...SKILLS.map((skill) => point[skill] ?? "—")],
        }))}
      />
    </>
  );
}
