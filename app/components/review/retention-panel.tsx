import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MIN_REVIEWS, RETENTION_WINDOW_DAYS } from "~/review/retention";
import type { ReviewSummary } from "~/review/summary.server";
import { formatDate } from "~/utils/dates";
import "~/locales/en/review";

/**
 * My progress: how often the trainee finds the best reply when a missed decision comes back. Below
 * the minimum number of reviews it says how many there are instead of a percentage.
 */
export function RetentionPanel({ summary }: { summary: ReviewSummary }) {
  const { t, i18n } = useTranslation();
  const { retention, due, nextDueAt } = summary;
  const days = RETENTION_WINDOW_DAYS;
  return (
    <section className="card stack" aria-labelledby="retention-title">
      <h2 id="retention-title">{t("review.retention.title")}</h2>
      {retention.percent === null ? (
        <p>{t("review.retention.tooFew", { count: retention.reviews, days, min: MIN_REVIEWS })}</p>
      ) : (
        <p>
          <strong>{t("review.retention.percent", { percent: retention.percent })}</strong> {t("review.retention.percentLabel")}.{" "}
          {t("review.retention.explain", { days, best: retention.best, reviews: retention.reviews })}
        </p>
      )}
      <p>
        {due > 0
          ? t("review.retention.due", { count: due })
          : nextDueAt
            ? t("review.retention.nextOn", { date: formatDate(nextDueAt, i18n.language) })
            : t("review.retention.noCards")}{" "}
        {due > 0 ? <Link to="/train/review">{t("review.retention.link")}</Link> : null}
      </p>
      <p className="muted">{t("review.retention.note")}</p>
    </section>
  );
}
