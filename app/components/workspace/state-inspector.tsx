/**
 * The state inspector beside a preview's conversation: where it stands, the mood within its
 * bounds, flags, visits and each skill's running points; under "Show scores" (a <details>, so it
 * opens without JavaScript), every reply of the step with its effects, why it is hidden, and its
 * rating. Plain props from inspectAttempt (~/engine/inspect); nothing is fetched or decided here.
 */
import { useTranslation } from "react-i18next";
import type { HiddenReason, InspectedChoice, InspectorView, SkillDeltas } from "~/engine";
import "~/locales/en/workspace-preview";

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function useHiddenText(): (reason: HiddenReason) => string {
  const { t } = useTranslation();
  return (reason) => {
    if (reason.kind === "requires") return t("workspacePreview.inspector.hiddenRequires", { flags: reason.flags.join(", ") });
    if (reason.kind === "unless") return t("workspacePreview.inspector.hiddenUnless", { flags: reason.flags.join(", ") });
    return t("workspacePreview.inspector.hiddenVisits", { step: reason.step, entries: reason.entries, limit: reason.limit });
  };
}

function Deltas({ deltas }: { deltas: SkillDeltas }) {
  const { t } = useTranslation();
  const changed = Object.entries(deltas).filter(([, delta]) => delta !== 0) as [keyof SkillDeltas, number][];
  if (!changed.length) return <>{t("workspacePreview.inspector.noDeltas")}</>;
  return <>{changed.map(([skill, delta]) => `${t(`skills.${skill}.name`)} ${signed(delta)}`).join(", ")}</>;
}

function ReplyRow({ choice, min }: { choice: InspectedChoice; min: number }) {
  const { t } = useTranslation();
  const hidden = useHiddenText();
  const label = (key: "reply" | "shown" | "deltas" | "moodChange" | "leadsTo" | "setsFlags" | "rating") => t(`workspacePreview.inspector.${key}`);
  return (
    <tr>
      <th scope="row" data-label={label("reply")}>
        {choice.position}. {choice.text} <span className="mono muted">{choice.id}</span>
      </th>
      <td data-label={label("shown")}>{choice.visible ? t("workspacePreview.inspector.yes") : choice.hidden.map(hidden).join("; ")}</td>
      <td data-label={label("deltas")}>
        <Deltas deltas={choice.deltas} />
      </td>
      <td data-label={label("moodChange")}>{t("workspacePreview.inspector.moodChangeValue", { change: signed(choice.mood), after: choice.moodAfter })}</td>
      <td data-label={label("leadsTo")} className="mono">
        {choice.escalates ? t("workspacePreview.inspector.escalatesTo", { ending: choice.leadsTo, min }) : choice.leadsTo}
      </td>
      <td data-label={label("setsFlags")} className="mono">
        {choice.set.join(", ")}
      </td>
      <td data-label={label("rating")}>
        {!choice.visible
          ? t("workspacePreview.inspector.notOffered")
          : choice.rating
            ? t(`workspacePreview.inspector.${choice.rating}`)
            : t("workspacePreview.inspector.unrated")}
      </td>
    </tr>
  );
}

export function StateInspector({ view, idPrefix = "inspector" }: { view: InspectorView; idPrefix?: string }) {
  const { t } = useTranslation();
  const best = view.choices.find((choice) => choice.id === view.best) ?? null;
  const last = view.last;
  return (
    <section className="stack state-inspector" aria-labelledby={`${idPrefix}-title`}>
      <h2 id={`${idPrefix}-title`}>{t("workspacePreview.inspector.title")}</h2>
      <dl className="facts">
        <div>
          <dt>{t("workspacePreview.inspector.now")}</dt>
          <dd>
            {view.ending
              ? `${t("workspacePreview.inspector.atEnding", { id: view.ending.id, outcome: t(`debrief.outcomes.${view.ending.outcome}`) })}, ${t(
                  view.ending.resolved ? "workspacePreview.inspector.resolved" : "workspacePreview.inspector.notResolved",
                )}`
              : t("workspacePreview.inspector.atStep", { id: view.node.id })}
          </dd>
        </div>
        <div>
          <dt>{t("workspacePreview.inspector.startedAt")}</dt>
          <dd className="mono">{view.start}</dd>
        </div>
        <div>
          <dt>{t("workspacePreview.inspector.replies")}</dt>
          <dd>{view.turns}</dd>
        </div>
        <div>
          <dt>{t("workspacePreview.inspector.mood")}</dt>
          <dd>
            {t("workspacePreview.inspector.moodValue", { value: view.mood.value, min: view.mood.min, max: view.mood.max })}{" "}
            <span className="muted">({t("workspacePreview.inspector.moodStart", { value: view.mood.atStart })})</span>
          </dd>
        </div>
        {last ? (
          <div>
            <dt>{t("workspacePreview.inspector.lastReply")}</dt>
            <dd>
              {t("workspacePreview.inspector.lastReplyValue", { choice: last.choice, before: last.moodBefore, after: last.mood })}
              {last.late ? `, ${t("workspacePreview.inspector.late")}` : ""}
              {last.escalated ? `, ${t("workspacePreview.inspector.escalated")}` : ""}
            </dd>
          </div>
        ) : null}
      </dl>

      <h3>{t("workspacePreview.inspector.flags")}</h3>
      {view.flags.length ? (
        <ul>
          {view.flags.map((flag) => (
            <li key={flag} className="mono">
              {flag}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("workspacePreview.inspector.noFlags")}</p>
      )}

      <h3>{t("workspacePreview.inspector.visitsTitle")}</h3>
      <dl className="facts">
        {view.visits.map((visit) => (
          <div key={visit.step}>
            <dt className="mono">{visit.step}</dt>
            <dd>{t("workspacePreview.inspector.visitsValue", { entries: visit.entries, limit: visit.limit })}</dd>
          </div>
        ))}
      </dl>

      <div className="table-wrap">
        <table className="table--compact table--stack">
          <caption>{t("workspacePreview.inspector.skillsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("workspacePreview.inspector.skill")}</th>
              <th scope="col">{t("workspacePreview.inspector.points")}</th>
              <th scope="col">{t("workspacePreview.inspector.most")}</th>
              <th scope="col">{t("workspacePreview.inspector.assessed")}</th>
              <th scope="col">{t("workspacePreview.inspector.score")}</th>
            </tr>
          </thead>
          <tbody>
            {view.skills.map((skill) => (
              <tr key={skill.skill}>
                <th scope="row">{t(`skills.${skill.skill}.name`)}</th>
                <td data-label={t("workspacePreview.inspector.points")}>{skill.points}</td>
                <td data-label={t("workspacePreview.inspector.most")}>{skill.most}</td>
                <td data-label={t("workspacePreview.inspector.assessed")}>{skill.assessed}</td>
                <td data-label={t("workspacePreview.inspector.score")}>{skill.score ?? t("workspacePreview.inspector.notAssessed")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>{view.overall === null ? t("workspacePreview.inspector.overallNone") : t("workspacePreview.inspector.overall", { score: view.overall })}</p>

      {view.ending ? (
        <p>{t("workspacePreview.inspector.ended")}</p>
      ) : (
        <details className="state-inspector__scores">
          <summary>{t("workspacePreview.inspector.showScores")}</summary>
          <div className="stack">
            <p>{best ? t("workspacePreview.inspector.bestReply", { position: best.position, text: best.text }) : t("workspacePreview.inspector.noBest")}</p>
            <div className="table-wrap">
              <table className="table--stack table--compact">
                <caption>{t("workspacePreview.inspector.repliesCaption", { step: view.node.id })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("workspacePreview.inspector.reply")}</th>
                    <th scope="col">{t("workspacePreview.inspector.shown")}</th>
                    <th scope="col">{t("workspacePreview.inspector.deltas")}</th>
                    <th scope="col">{t("workspacePreview.inspector.moodChange")}</th>
                    <th scope="col">{t("workspacePreview.inspector.leadsTo")}</th>
                    <th scope="col">{t("workspacePreview.inspector.setsFlags")}</th>
                    <th scope="col">{t("workspacePreview.inspector.rating")}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.choices.map((choice) => (
                    <ReplyRow key={choice.id} choice={choice} min={view.mood.min} />
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </details>
      )}
    </section>
  );
}
