import { Form } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { DifferenceReading } from "~/analytics/outcome-stats";
import type { BeforeAfterView, Comparison, VersusControl } from "~/outcomes/before-after";
import { formatDate } from "~/utils/dates";
import type { Measure } from "./correlation-summary";
import { formatCount, formatPercent, formatPoints } from "./format";
import "~/locales/en/outcomes-page";

type Props = {
  beforeAfter: Omit<BeforeAfterView, "agents">;
  milestone: number;
  minTickets: number;
  /** The page's other query values, kept when the weeks are changed. */
  keep: Record<string, string>;
};

const MEASURES = ["csat", "resolution"] as const;
const COLUMNS = ["group", "agents", "before", "after", "change", "reading"] as const;
type Column = (typeof COLUMNS)[number];
type GroupName = "trained" | "controlGroup";

function readingText(t: TFunction, reading: DifferenceReading): string {
  if (reading.kind === "too-early") return t("outcomesPage.beforeAfter.readings.tooEarly", { count: reading.n, n: reading.n, min: reading.minN });
  return t(`outcomesPage.beforeAfter.readings.${reading.kind === "no-clear-change" ? "noClearChange" : reading.kind}`);
}

const interval = (t: TFunction, low: number, high: number) => t("outcomesPage.beforeAfter.interval", { low: formatPoints(low), high: formatPoints(high) });

function ComparisonRow({ group, comparison }: { group: GroupName; comparison: Comparison }) {
  const { t } = useTranslation();
  const label = (key: Column | GroupName) => t(`outcomesPage.beforeAfter.${key}`);
  const { change } = comparison;
  return (
    <tr>
      <th scope="row" data-label={label("group")}>
        {label(group)}
      </th>
      <td data-label={label("agents")}>{comparison.n}</td>
      <td data-label={label("before")}>{formatPercent(comparison.meanBefore)}</td>
      <td data-label={label("after")}>{formatPercent(comparison.meanAfter)}</td>
      <td data-label={label("change")}>
        {change ? t("outcomesPage.beforeAfter.changeValue", { diff: formatPoints(change.meanDiff), ci: interval(t, change.low, change.high) }) : "—"}
      </td>
      <td data-label={label("reading")}>{readingText(t, comparison.reading)}</td>
    </tr>
  );
}

function versusText(t: TFunction, versus: VersusControl): string {
  const { reading, welch } = versus;
  if (reading.kind === "too-early") return t("outcomesPage.beforeAfter.versus.tooEarly", { min: reading.minN });
  if (welch === null) return t("outcomesPage.beforeAfter.versus.noClearChange");
  const value = t("outcomesPage.beforeAfter.versus.value", { diff: formatPoints(welch.meanDiff), ci: interval(t, welch.low, welch.high) });
  return `${t(`outcomesPage.beforeAfter.versus.${reading.kind === "no-clear-change" ? "noClearChange" : reading.kind}`)} ${value}`;
}

/** The before-and-after comparison with its control group, a table per measure, and why the control group is there. */
export function BeforeAfterSection({ beforeAfter, milestone, minTickets, keep }: Props) {
  const { t, i18n } = useTranslation();
  const { trained, control, versusControl, weeks } = beforeAfter;
  const leftOutLines = (measure: Measure) =>
    (
      [
        { group: "trained", count: trained[measure].tooFew },
        { group: "controlGroup", count: control[measure].tooFew },
      ] as const
    )
      .filter((line) => line.count > 0)
      .map((line) => `${t(`outcomesPage.beforeAfter.${line.group}`)}: ${t("outcomesPage.beforeAfter.leftOut", { count: line.count, n: formatCount(line.count, i18n.language), measure: t(`outcomesPage.measuresInline.${measure}`) })}`);

  return (
    <section className="card stack" aria-labelledby="before-after-title">
      <h2 id="before-after-title">{t("outcomesPage.beforeAfter.title")}</h2>
      <p>{t("outcomesPage.beforeAfter.intro", { milestone, weeks })}</p>
      <Form method="get" className="inline-form">
        {Object.entries(keep).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="field">
          <label htmlFor="outcomes-weeks">{t("outcomesPage.beforeAfter.weeksLabel")}</label>
          <input id="outcomes-weeks" type="number" name="weeks" min={1} max={12} step={1} defaultValue={weeks} aria-describedby="outcomes-weeks-hint" />
          <p id="outcomes-weeks-hint" className="hint">
            {t("outcomesPage.beforeAfter.weeksHint")}
          </p>
        </div>
        <button type="submit" className="button">
          {t("outcomesPage.beforeAfter.show")}
        </button>
      </Form>
      {control.centre === null ? (
        <p className="notice notice--info">{t("outcomesPage.beforeAfter.controlNone")}</p>
      ) : (
        <>
          <p>{t("outcomesPage.beforeAfter.control", { date: formatDate(control.centre, i18n.language) })}</p>
          <p className="muted">{t("outcomesPage.beforeAfter.minTickets", { min: minTickets })}</p>
          {MEASURES.map((measure) => (
            <div key={measure} className="stack">
              <h3>{t(`outcomesPage.measures.${measure}`)}</h3>
              <div className="table-wrap">
                <table className="table--stack">
                  <caption className="visually-hidden">{t("outcomesPage.beforeAfter.caption", { measure: t(`outcomesPage.measures.${measure}`) })}</caption>
                  <thead>
                    <tr>
                      {COLUMNS.map((column) => (
                        <th key={column} scope="col">
                          {t(`outcomesPage.beforeAfter.${column}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    <ComparisonRow group="trained" comparison={trained[measure]} />
                    <ComparisonRow group="controlGroup" comparison={control[measure]} />
                  </tbody>
                </table>
              </div>
              <p>
                <strong>{versusText(t, versusControl[measure])}</strong>
              </p>
              {leftOutLines(measure).map((line) => (
                <p key={line} className="muted">
                  {line}
                </p>
              ))}
            </div>
          ))}
        </>
      )}
      <p className="callout card">{t("outcomesPage.beforeAfter.regression")}</p>
    </section>
  );
}
