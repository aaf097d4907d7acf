/**
 * The library's assessment-quality audit: figures against targets, breadth,
 * and each scenario folded in <details> (works without JavaScript).
 */
import { useTranslation } from "react-i18next";
import type { AuditView } from "~/library/audit.server";
import { CHANNELS, PERSONAS, SKILLS } from "~/engine/types";

type Share = AuditView["library"]["longestBest"];
type Verdict = boolean | null | "reference";

const formatScore = (value: number | null, decimals: number) => (value === null ? null : Number.isInteger(value) ? String(value) : value.toFixed(decimals));

function useFormat() {
  const { t } = useTranslation();
  return {
    share: (s: Share) => (s.share === null ? t("audit.none") : t("audit.share", { percent: Math.round(s.share * 100), count: s.count, of: s.of })),
    score: (value: number | null, decimals = 1) => formatScore(value, decimals) ?? t("audit.none"),
  };
}

function Status({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  if (verdict === null) return <>{t("audit.none")}</>;
  if (verdict === "reference") return <span className="badge badge--muted">{t("audit.reference")}</span>;
  return verdict ? <span className="badge badge--ok">{t("audit.met")}</span> : <span className="badge badge--warn">{t("audit.missed")}</span>;
}

function LibraryFigures({ audit }: { audit: AuditView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { library, targets } = audit;
  const naive = t("audit.atMost", { value: targets.naiveAtMost });
  const rows: { label: string; value: string; target: string; verdict: Verdict }[] = [
    { label: t("audit.longestBest"), value: format.share(library.longestBest), target: t("audit.atMostPercent", { value: targets.longestBestAtMost * 100 }), verdict: library.targets.longestBest },
    { label: t("audit.shortestBest"), value: format.share(library.shortestBest), target: t("audit.none"), verdict: null },
    { label: t("audit.tempting"), value: format.share(library.tempting), target: t("audit.atLeastPercent", { value: targets.temptingAtLeast * 100 }), verdict: library.targets.tempting },
    { label: t("audit.strategyLongest"), value: format.score(library.strategies.longest), target: naive, verdict: library.targets.naive.longest },
    { label: t("audit.strategyApologetic"), value: format.score(library.strategies.apologetic), target: naive, verdict: library.targets.naive.apologetic },
    { label: t("audit.strategyFirst"), value: format.score(library.strategies.first), target: naive, verdict: library.targets.naive.first },
    { label: t("audit.strategyRandom"), value: format.score(library.strategies.random), target: t("audit.none"), verdict: "reference" },
  ];
  return (
    <div className="card table-wrap">
      <table className="table--compact table--stack audit-table">
        <caption className="visually-hidden">{t("audit.figuresCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("audit.measure")}</th>
            <th scope="col">{t("audit.value")}</th>
            <th scope="col">{t("audit.target")}</th>
            <th scope="col">{t("audit.status")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td data-label={t("audit.value")}>{row.value}</td>
              <td data-label={t("audit.target")}>{row.target}</td>
              <td data-label={t("audit.status")}>
                <Status verdict={row.verdict} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Breadth({ breadth }: { breadth: AuditView["library"]["breadth"] }) {
  const { t } = useTranslation();
  const rows = [
    { label: t("audit.persona"), cells: PERSONAS.map((p) => [t(`personas.${p}`), breadth.persona[p]] as const) },
    { label: t("audit.channel"), cells: CHANNELS.map((c) => [t(`channels.${c}`), breadth.channel[c]] as const) },
    {
      label: t("audit.difficulty"),
      cells: [
        [t("catalogue.levels.l1"), breadth.difficulty[1]],
        [t("catalogue.levels.l2"), breadth.difficulty[2]],
        [t("catalogue.levels.l3"), breadth.difficulty[3]],
      ] as const,
    },
    { label: t("audit.skill"), cells: SKILLS.map((s) => [t(`skills.${s}.name`), breadth.skill[s]] as const) },
  ];
  return (
    <div className="card table-wrap">
      <table className="table--compact table--stack audit-table">
        <caption className="visually-hidden">{t("audit.breadthCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("audit.dimension")}</th>
            <th scope="col">{t("audit.counts")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td data-label={t("audit.counts")}>
                <ul className="audit-counts">
                  {row.cells.map(([name, count]) => (
                    <li key={name} className={count === 0 ? "audit-counts__gap" : undefined}>
                      {name}: <strong>{count}</strong>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ScenarioAudit({ scenario }: { scenario: AuditView["scenarios"][number] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const warnings = scenario.findings.filter((f) => f.severity === "warning").length;
  const figures = [
    [t("audit.longestBest"), format.share(scenario.longestBest)],
    [t("audit.shortestBest"), format.share(scenario.shortestBest)],
    [t("audit.tempting"), format.share(scenario.tempting)],
    [t("audit.strategyLongest"), format.score(scenario.strategies.longest)],
    [t("audit.strategyApologetic"), format.score(scenario.strategies.apologetic)],
    [t("audit.strategyFirst"), format.score(scenario.strategies.first)],
    [t("audit.strategyRandom"), format.score(scenario.strategies.random)],
  ] as const;
  return (
    <details className="card audit-scenario">
      <summary>
        <strong>{scenario.title}</strong>{" "}
        <span className={`badge ${warnings ? "badge--warn" : "badge--ok"}`}>{t("audit.findings", { count: scenario.findings.length })}</span>
      </summary>
      <div className="stack">
        <p className="muted">
          <span className="mono">{scenario.path}</span> · {t("audit.decisions", { count: scenario.decisions, assessing: scenario.assessing })}
        </p>
        <div className="table-wrap">
          <table className="table--compact audit-scenario__figures">
            <caption className="visually-hidden">{t("audit.scenarioCaption", { title: scenario.title })}</caption>
            <tbody>
              {figures.map(([label, value]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {scenario.findings.length === 0 ? (
          <p>{t("audit.noFindings")}</p>
        ) : (
          <ul className="problem-list">
            {scenario.findings.map((finding, index) => (
              <li key={index} className={`problem problem--${finding.severity}`}>
                <code>{`${finding.path}:${finding.line}:${finding.column}`}</code> <strong>{t(`audit.severity.${finding.severity}`)}</strong>{" "}
                <code>{finding.rule}</code> {finding.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}

export function AuditReport({ audit }: { audit: AuditView }) {
  const { t } = useTranslation();
  return (
    <section className="stack" aria-labelledby="audit-title">
      <h2 id="audit-title">{t("audit.title")}</h2>
      <p>{t("audit.intro")}</p>
      <p className="muted">
        {t("audit.summary", { count: audit.scenarios.length, decisions: audit.library.decisions, assessing: audit.library.assessing })}
      </p>
      {audit.notAudited.map((file) => (
        <p key={file.path} className="notice">
          {t("audit.notAudited", { path: file.path })}
        </p>
      ))}
      <LibraryFigures audit={audit} />
      <h3>{t("audit.breadthTitle")}</h3>
      <p className="muted">{t("audit.breadthIntro")}</p>
      <Breadth breadth={audit.library.breadth} />
      <h3>{t("audit.perScenarioTitle")}</h3>
      <p className="muted">{t("audit.perScenarioIntro")}</p>
      <div className="stack">
        {audit.scenarios.map((scenario) => (
          <ScenarioAudit key={scenario.id} scenario={scenario} />
        ))}
      </div>
      <p className="muted">{t("audit.guide")}</p>
    </section>
  );
}
