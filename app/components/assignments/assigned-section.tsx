import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Skill } from "~/domain/vocabulary";
import { formatDate } from "~/utils/dates";
import "~/locales/en/assignments";

type Scenario = { id: string; title: string; done: boolean };
type Assigned = {
  id: number;
  kind: "scenario" | "pathway";
  title: string;
  skill: Skill | null;
  dueOn: string | null;
  status: "open" | "overdue";
  assignedBy: string | null;
  scenarios: Scenario[];
  next: Scenario;
};

const dayAsIso = (day: string) => `${day}T00:00:00.000Z`;

function Item({ item }: { item: Assigned }) {
  const { t, i18n } = useTranslation();
  const overdue = item.status === "overdue";
  const pathway = item.kind === "pathway";
  const done = item.scenarios.filter((scenario) => scenario.done).length;
  return (
    <li className={`card assigned-item${overdue ? " assigned-item--overdue" : ""}`}>
      <p className="assigned-item__kind">{pathway && item.skill ? t("assignments.trainee.pathway", { skill: t(`skills.${item.skill}.name`) }) : t("assignments.trainee.scenario")}</p>
      <h3 className="assigned-item__title">{item.title}</h3>
      <p className="assigned-item__facts">
        <span>
          {item.dueOn === null
            ? t("assignments.trainee.noDue")
            : overdue
              ? t("assignments.trainee.overdue", { date: formatDate(dayAsIso(item.dueOn), i18n.language) })
              : t("assignments.trainee.dueOn", { date: formatDate(dayAsIso(item.dueOn), i18n.language) })}
        </span>
        {item.assignedBy ? <span>{t("assignments.trainee.from", { name: item.assignedBy })}</span> : null}
        {pathway ? <span>{t("assignments.trainee.stepsDone", { done, total: item.scenarios.length })}</span> : null}
      </p>
      {pathway ? (
        <ol className="assigned-item__steps" aria-label={t("assignments.trainee.steps")}>
          {item.scenarios.map((scenario) => (
            <li key={scenario.id} className={scenario.done ? "done" : undefined}>
              {scenario.title}
              {scenario.done ? <> ({t("assignments.trainee.doneMark")})</> : null}
            </li>
          ))}
        </ol>
      ) : null}
      <p className="assigned-item__next">
        <Link to={`/train/scenarios/${item.next.id}`} className="button button--primary">
          {pathway ? t("assignments.trainee.next", { title: item.next.title }) : t("assignments.trainee.open", { title: item.next.title })}
        </Link>
      </p>
    </li>
  );
}

/** The mark on a catalogue card whose scenario is in one of the trainee's open assignments. */
export function AssignedBadge() {
  const { t } = useTranslation();
  return <span className="badge assigned-mark">{t("assignments.trainee.badge")}</span>;
}

/** "Assigned to you": the trainee's open assignments, most pressing first, each leading to what to play next. */
export function AssignedSection({ items }: { items: Assigned[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="assigned-title" className="stack">
      <h2 id="assigned-title">{t("assignments.trainee.title")}</h2>
      <p className="muted">{t("assignments.trainee.intro")}</p>
      <ul className="assigned-list">
        {items.map((item) => (
          <Item key={item.id} item={item} />
        ))}
      </ul>
    </section>
  );
}
