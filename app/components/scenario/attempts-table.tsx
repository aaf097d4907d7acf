import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FastReplies } from "~/analytics/reading";
import type { ProgressView } from "~/attempts/progress-view.server";
import { SKILLS } from "~/engine/types";
import { formatDate } from "~/utils/dates";
import "~/locales/en/analytics";

/** A manager's view adds the timer setting and the "faster than reading" flag to each row. */
type AttemptRow = ProgressView["attempts"][number] & { fast?: FastReplies | null };
type Props = {
  attempts: readonly AttemptRow[];
  caption: string;
  linkFor: (attempt: AttemptRow) => string | null;
  /** Show the Timer and Pace columns (managers). */
  showPace?: boolean;
};

/**
 * A trainee's conversations, newest first: date, scenario, outcome, overall (for a manager, the
 * timer setting and whether the replies came faster than reading) and each skill.
 * `linkFor` says where a row's scenario title leads (null: no link), which differs between the
 * trainee's own page and a manager's view of it.
 */
export function AttemptsTable({ attempts, caption, linkFor, showPace = false }: Props) {
  const { t, i18n } = useTranslation();
  const skillNames = SKILLS.map((skill) => t(`skills.${skill}.name`));
  const [date, scenario, outcome, overall] = [t("progress.date"), t("progress.scenario"), t("progress.outcome"), t("progress.overall")];
  const [timer, pace] = [t("analytics.timing"), t("analytics.pace")];
  return (
    <div className="card table-wrap">
      <table className={showPace ? "table--stack table--compact" : "table--stack"}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {[date, scenario, outcome, overall, ...(showPace ? [timer, pace] : []), ...skillNames].map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {attempts.map((attempt) => {
            const href = linkFor(attempt);
            return (
              <tr key={attempt.id}>
                <td data-label={date} className="nowrap">
                  {formatDate(attempt.startedAt, i18n.language)}
                </td>
                <td data-label={scenario} className={showPace ? "cell-title cell-wrap" : "cell-title"}>{href ? <Link to={href}>{attempt.title}</Link> : attempt.title}</td>
                <td data-label={outcome}>
                  {attempt.outcome ? (
                    t(`debrief.outcomes.${attempt.outcome}`)
                  ) : attempt.status === "abandoned" ? (
                    <span className="badge badge--muted">{t("progress.setAside")}</span>
                  ) : (
                    <span className="badge badge--progress">{t("progress.inProgress")}</span>
                  )}
                </td>
                <td data-label={overall}>{attempt.overall ?? "—"}</td>
                {showPace ? (
                  <>
                    <td data-label={timer}>{attempt.timing ? t(`analytics.timings.${attempt.timing}`) : "—"}</td>
                    <td data-label={pace} className="cell-wrap">
                      {attempt.fast?.flagged ? (
                        <span className="cell-stack">
                          <span className="badge badge--warn">{t("analytics.fastFlag")}</span>
                          <span className="choice-condition">{t("analytics.fastDetail", { fast: attempt.fast.fast, replies: attempt.fast.replies })}</span>
                        </span>
                      ) : (
                        t("analytics.paceOk")
                      )}
                    </td>
                  </>
                ) : null}
                {SKILLS.map((skill, index) => (
                  <td key={skill} data-label={skillNames[index]}>
                    {attempt.scores[skill] ?? "—"}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
