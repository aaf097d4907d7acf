import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ProgressView } from "~/attempts/progress-view.server";
import { SKILLS } from "~/engine/types";
import { formatDate } from "~/utils/dates";

type AttemptRow = ProgressView["attempts"][number];
type Props = { attempts: readonly AttemptRow[]; caption: string; linkFor: (attempt: AttemptRow) => string | null };

/**
 * A trainee's conversations, newest first: date, scenario, outcome, overall and each skill.
 * `linkFor` says where a row's scenario title leads (null: no link), which differs between the
 * trainee's own page and a manager's view of it.
 */
export function AttemptsTable({ attempts, caption, linkFor }: Props) {
  const { t, i18n } = useTranslation();
  const skillNames = SKILLS.map((skill) => t(`skills.${skill}.name`));
  const [date, scenario, outcome, overall] = [t("progress.date"), t("progress.scenario"), t("progress.outcome"), t("progress.overall")];
  return (
    <div className="card table-wrap">
      <table className="table--stack">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {[date, scenario, outcome, overall, ...skillNames].map((column) => (
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
                <td data-label={scenario} className="cell-title">{href ? <Link to={href}>{attempt.title}</Link> : attempt.title}</td>
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
