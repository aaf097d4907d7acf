import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { skillsAssessed } from "~/attempts/practice-cards.server";
import { requireRole } from "~/auth/session.server";
import { AuditReport } from "~/components/library/audit-report";
import { ChannelLabel } from "~/components/scenario/channel-label";
import { PersonaBadge } from "~/components/scenario/persona-badge";
import type { Problem } from "~/engine";
import { pageTitle } from "~/i18n/meta";
import { auditView } from "~/library/audit.server";
import { getLibrary } from "~/library/catalog.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("nav.library"));

const problemLine = (problem: Problem) => ({
  where: `${problem.path}:${problem.line}:${problem.column}`,
  severity: problem.severity,
  rule: problem.rule,
  message: problem.message,
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["trainer"]);
  const library = await getLibrary();
  return json({
    scenarios: library.scenarios.map((entry) => ({
      id: entry.scenario.id,
      title: entry.scenario.title,
      path: entry.path,
      persona: entry.scenario.persona,
      channel: entry.scenario.channel,
      steps: entry.scenario.steps.length,
      endings: entry.scenario.endings.length,
      skills: skillsAssessed(entry),
      warnings: entry.warnings.map(problemLine),
    })),
    invalid: library.invalid.map((file) => ({ path: file.path, problems: file.problems.map(problemLine) })),
    audit: auditView(library),
  });
}

export default function TrainerLibrary() {
  const { t } = useTranslation();
  const { scenarios, invalid, audit } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t("trainer.title")}</h1>
        <p className="lead">{t("trainer.intro")}</p>
      </header>
      {invalid.length > 0 ? (
        <section className="card stack library-refused" aria-labelledby="refused-title">
          <h2 id="refused-title">{t("trainer.refusedTitle", { count: invalid.length })}</h2>
          <p className="muted">{t("trainer.refusedIntro")}</p>
          {invalid.map((file) => (
            <div key={file.path} className="stack">
              <h3 className="mono">{file.path}</h3>
              <ul className="problem-list">
                {file.problems.map((problem, index) => (
                  <li key={index} className={`problem problem--${problem.severity}`}>
                    <code>{problem.where}</code> <strong>{problem.severity}</strong> <code>{problem.rule}</code> {problem.message}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ) : null}
      <section className="stack" aria-labelledby="published-title">
        <h2 id="published-title">{t("trainer.publishedTitle", { count: scenarios.length })}</h2>
        {scenarios.length === 0 ? <p className="notice">{t("trainer.empty")}</p> : null}
        <div className="card table-wrap">
          <table className="table--stack">
            <caption className="visually-hidden">{t("trainer.publishedTitle", { count: scenarios.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("trainer.scenario")}</th>
                <th scope="col">{t("trainer.customer")}</th>
                <th scope="col">{t("trainer.shape")}</th>
                <th scope="col">{t("trainer.skills")}</th>
                <th scope="col">{t("trainer.warnings")}</th>
              </tr>
            </thead>
            <tbody>
              {scenarios.map((scenario) => (
                <tr key={scenario.id}>
                  <td data-label={t("trainer.scenario")}>
                    <div className="cell-stack">
                      <strong>
                        <Link to={`/analytics/scenarios/${scenario.id}`}>{scenario.title}</Link>
                      </strong>
                      <span className="muted mono">{scenario.path}</span>
                    </div>
                  </td>
                  <td data-label={t("trainer.customer")}>
                    <div className="cell-stack">
                      <PersonaBadge persona={scenario.persona} /> <ChannelLabel channel={scenario.channel} />
                    </div>
                  </td>
                  <td data-label={t("trainer.shape")}>{t("trainer.shapeValue", { steps: scenario.steps, endings: scenario.endings })}</td>
                  <td data-label={t("trainer.skills")}>{scenario.skills.map((skill) => t(`skills.${skill}.name`)).join(", ")}</td>
                  <td data-label={t("trainer.warnings")}>
                    {scenario.warnings.length === 0 ? (
                      "—"
                    ) : (
                      <div className="cell-stack">
                        {scenario.warnings.map((warning, index) => (
                          <p key={index} className="problem problem--warning">
                            <code>{warning.rule}</code> {warning.message}
                          </p>
                        ))}
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {scenarios.length > 0 ? <AuditReport audit={audit} /> : null}
    </div>
  );
}
