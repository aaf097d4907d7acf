import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Correlation } from "~/outcomes/agents-scatter";
import { formatCount, formatR } from "./format";
import "~/locales/en/outcomes-page";

export type Measure = "csat" | "resolution";

/** The plain-words reading of a correlation; for "too early", the sentence that says so. */
export function correlationWords(t: TFunction, correlation: Correlation, measure: Measure): string {
  const { reading } = correlation;
  const measureName = t(`outcomesPage.measuresInline.${measure}`);
  switch (reading.kind) {
    case "too-early":
      return t("outcomesPage.agents.tooEarly", { count: correlation.n, n: correlation.n, min: reading.minN, what: t(`outcomesPage.agents.tooEarlyWhat.${measure}`) });
    case "no-clear-link":
      return t("outcomesPage.agents.reading.noClearLink", { measure: measureName });
    default:
      return t(`outcomesPage.agents.reading.${reading.kind}.${reading.strength}`, { measure: measureName });
  }
}

/**
 * One measure's correlation with mastery: the reading first, in words; then Pearson's r and
 * Spearman's rho with their intervals. Below the minimum sample only the "too early" sentence.
 */
export function CorrelationSummary({ correlation, measure }: { correlation: Correlation; measure: Measure }) {
  const { t, i18n } = useTranslation();
  const { pearson, spearman, reading, spearmanReading } = correlation;
  const interval = (low: number, high: number) => t("outcomesPage.agents.interval", { low: formatR(low), high: formatR(high) });
  const disagree = reading.kind !== "too-early" && spearman !== null && (spearmanReading.kind !== reading.kind || ("strength" in reading && "strength" in spearmanReading && reading.strength !== spearmanReading.strength));
  return (
    <div className="stack">
      <h3>{t(`outcomesPage.measures.${measure}`)}</h3>
      <p className={reading.kind === "too-early" ? "notice notice--info" : undefined}>
        <strong>{correlationWords(t, correlation, measure)}</strong>
      </p>
      {pearson ? <p>{t("outcomesPage.agents.pearson", { r: formatR(pearson.r), ci: interval(pearson.low, pearson.high), n: formatCount(pearson.n, i18n.language) })}</p> : null}
      {spearman ? <p>{t(`outcomesPage.agents.spearman.${measure}`, { r: formatR(spearman.r), ci: interval(spearman.low, spearman.high) })}</p> : null}
      {disagree ? <p className="muted">{t("outcomesPage.agents.disagree")}</p> : null}
    </div>
  );
}
