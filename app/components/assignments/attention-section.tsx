import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Skill } from "~/domain/vocabulary";
import { formatDate } from "~/utils/dates";
import "~/locales/en/assignments";

type Listed<T> = { total: number; shown: T[] };
type Rules = { inactiveDays: number; below: number; minEvidence: number };
type Attention = {
  overdue: Listed<{ assignmentId: number; traineeId: number; traineeName: string; title: string; dueOn: string }>;
  inactive: Listed<{ id: number; name: string; lastActivity: string | null }>;
  attention: Listed<{ id: number; name: string; skills: { skill: Skill; mastery: number; assessed: number }[] }>;
  rules: Rules;
};

/** One fact: a count that opens onto the names (open when short), or a calm line when there is nothing. */
function Fact<T>({ list, summary, none, item, note }: { list: Listed<T>; summary: string; none: string; item: (entry: T) => ReactNode; note?: string }) {
  const { t } = useTranslation();
  if (list.total === 0) return <li className="muted">{none}</li>;
  return (
    <li>
      <details className="progress-details" open={list.total <= 5}>
        <summary>{summary}</summary>
        {note ? <p className="hint">{note}</p> : null}
        <ul className="status-list">
          {list.shown.map(item)}
        </ul>
        {list.total > list.shown.length ? <p className="hint">{t("assignments.overview.more", { count: list.total - list.shown.length })}</p> : null}
      </details>
    </li>
  );
}

/**
 * The team overview's "Needs a look": overdue assignments, trainees who have been quiet, and
 * skills below the line with enough evidence. Names link to each trainee's page.
 */
export function AttentionSection({ attention, query }: { attention: Attention; query: string }) {
  const { rules } = attention;
  const { t, i18n } = useTranslation();
  const date = (iso: string) => formatDate(iso.length === 10 ? `${iso}T00:00:00.000Z` : iso, i18n.language);
  const person = (id: number, name: string) => <Link to={`/team/trainees/${id}${query}`}>{name}</Link>;
  return (
    <section className="card stack attention" aria-labelledby="attention-title">
      <h2 id="attention-title">{t("assignments.overview.title")}</h2>
      <ul className="attention__facts stack">
        <Fact
          list={attention.overdue}
          summary={t("assignments.overview.overdue", { count: attention.overdue.total })}
          none={t("assignments.overview.overdueNone")}
          item={(entry) => (
            <li key={`${entry.assignmentId} ${entry.traineeId}`}>
              {person(entry.traineeId, entry.traineeName)}
              <span>{t("assignments.overview.overdueItem", { item: entry.title, date: date(entry.dueOn) })}</span>
            </li>
          )}
        />
        <Fact
          list={attention.inactive}
          summary={t("assignments.overview.inactive", { count: attention.inactive.total, days: rules.inactiveDays })}
          none={t("assignments.overview.inactiveNone", { days: rules.inactiveDays })}
          item={(entry) => (
            <li key={entry.id}>
              {person(entry.id, entry.name)}
              <span>{entry.lastActivity ? t("assignments.overview.lastActive", { date: date(entry.lastActivity) }) : t("assignments.overview.never")}</span>
            </li>
          )}
        />
        <Fact
          list={attention.attention}
          summary={t("assignments.overview.attention", { count: attention.attention.total })}
          none={t("assignments.overview.attentionNone")}
          note={t("assignments.overview.attentionRule", { below: rules.below, min: rules.minEvidence })}
          item={(entry) => (
            <li key={entry.id}>
              {person(entry.id, entry.name)}
              <span>{entry.skills.map((skill) => t("assignments.overview.attentionSkill", { skill: t(`skills.${skill.skill}.name`), score: skill.mastery })).join(" · ")}</span>
            </li>
          )}
        />
      </ul>
      <p>
        <Link to="/team/assignments">{t("assignments.overview.manage")}</Link>
      </p>
    </section>
  );
}
