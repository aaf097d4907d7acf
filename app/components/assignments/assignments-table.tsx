import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/utils/dates";
import "~/locales/en/assignments";
import type { AssignmentView } from "~/assignments/assign.server";
import type { AssignmentStatus } from "~/assignments/progress";
import type { MemberProgress } from "~/assignments/team-progress.server";

// The views the use case builds (type-only imports: nothing of the server module reaches the browser).
type Status = AssignmentStatus;
type Member = MemberProgress;
type Assignment = AssignmentView;

const BADGE: Record<Status, string> = { done: "badge badge--ok", open: "badge badge--muted", overdue: "badge badge--late" };

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <span className={BADGE[status]}>{t(`assignments.assign.status.${status}`)}</span>;
}

export const dayAsIso = (day: string) => `${day}T00:00:00.000Z`;

function MemberLine({ member, pathway }: { member: Member; pathway: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <StatusBadge status={member.status} />
      {pathway && member.status !== "done" ? <span className="hint">{t("assignments.assign.stepsDone", { done: member.done, total: member.total })}</span> : null}
    </>
  );
}

function Progress({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation();
  const pathway = assignment.kind === "pathway";
  if (assignment.target === "trainee") {
    const member = assignment.members[0];
    return member ? (
      <div className="cell-stack">
        <MemberLine member={member} pathway={pathway} />
      </div>
    ) : null;
  }
  if (assignment.members.length === 0) return <span className="muted">{t("assignments.assign.nobody")}</span>;
  return (
    <div className="cell-stack">
      <span>
        {t("assignments.assign.summary", { done: assignment.counts.done, total: assignment.members.length })}
        {assignment.counts.overdue > 0 ? <> · {t("assignments.assign.summaryOverdue", { count: assignment.counts.overdue })}</> : null}
      </span>
      <details className="progress-details">
        <summary>{t("assignments.assign.eachTrainee")}</summary>
        <ul className="status-list">
          {assignment.members.map((member) => (
            <li key={member.userId}>
              <span>{member.name}</span>
              <span>
                <MemberLine member={member} pathway={pathway} />
              </span>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

/** The current assignments with each trainee's progress and a remove button. */
export function AssignmentsTable({ assignments, showTeam }: { assignments: Assignment[]; showTeam: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="stack" aria-labelledby="assignments-title">
      <h2 id="assignments-title">{t("assignments.assign.listTitle")}</h2>
      {assignments.length === 0 ? (
        <p className="notice notice--info">{t("assignments.assign.none")}</p>
      ) : (
        <div className="card table-wrap">
          <table className="table--stack">
            <caption className="visually-hidden">{t("assignments.assign.listTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("assignments.assign.item")}</th>
                <th scope="col">{t("assignments.assign.assignedTo")}</th>
                <th scope="col">{t("assignments.assign.dueColumn")}</th>
                <th scope="col">{t("assignments.assign.progress")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("assignments.assign.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {assignments.map((assignment) => {
                const who = assignment.target === "team" ? t("assignments.assign.wholeTeam", { team: assignment.targetName }) : assignment.targetName;
                const when = formatDate(assignment.createdAt, i18n.language);
                return (
                  <tr key={assignment.id}>
                    <th scope="row" data-label={t("assignments.assign.item")} className="assignment-cell">
                      <div className="cell-stack">
                        <span className="cell-wrap">{assignment.title}</span>
                        <span className="hint">
                          {assignment.kind === "scenario" ? t("assignments.assign.kindScenario") : t("assignments.assign.kindPathway", { count: assignment.steps })}
                        </span>
                        {assignment.missing ? <span className="hint">{t("assignments.assign.missing")}</span> : null}
                        <span className="hint">{assignment.assignedBy ? t("assignments.assign.assignedOnBy", { date: when, name: assignment.assignedBy }) : t("assignments.assign.assignedOn", { date: when })}</span>
                      </div>
                    </th>
                    <td data-label={t("assignments.assign.assignedTo")}>
                      <div className="cell-stack">
                        <span>{who}</span>
                        {showTeam && assignment.target === "trainee" && assignment.teamName ? <span className="hint">{assignment.teamName}</span> : null}
                      </div>
                    </td>
                    <td data-label={t("assignments.assign.dueColumn")} className="nowrap">
                      {assignment.dueOn ? formatDate(dayAsIso(assignment.dueOn), i18n.language) : <span className="muted">{t("assignments.assign.noDue")}</span>}
                    </td>
                    <td data-label={t("assignments.assign.progress")}>
                      <Progress assignment={assignment} />
                    </td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="assignmentId" value={assignment.id} />
                        <button
                          type="submit"
                          className="button button--quiet"
                          aria-label={t("assignments.buttonFor", { action: t("assignments.assign.remove"), name: t("assignments.assign.removeLabel", { item: assignment.title, who }) })}
                        >
                          {t("assignments.assign.remove")}
                        </button>
                      </Form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
