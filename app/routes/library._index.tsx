import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/auth/session.server";
import { AuditReport } from "~/components/library/audit-report";
import { ChannelLabel } from "~/components/scenario/channel-label";
import { PersonaBadge } from "~/components/scenario/persona-badge";
import { ScormDownloadForm } from "~/components/scorm/scorm-download";
import { pageTitle } from "~/i18n/meta";
import styles from "~/styles/workspace.css";
import { formatDateTime } from "~/utils/dates";
import { libraryPage, type LibraryRow } from "~/workspace/library-view.server";
import { archiveFromForm } from "~/workspace/routes.server";
import "~/locales/en/scorm";
import "~/locales/en/workspace";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("nav.library"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["trainer", "admin"]);
  return json({ ...(await libraryPage()), isAdmin: user.role === "admin" });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["trainer", "admin"]);
  const done = await archiveFromForm(await readForm(request), user.id);
  return redirect(`/library?${done.archived ? "archived" : "unarchived"}=${encodeURIComponent(done.scenarioId)}`);
}

function ScenarioActions({ scenario, archived, playable = false }: { scenario: Pick<LibraryRow, "id" | "title" | "origin">; archived: boolean; playable?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="workspace-actions">
      {scenario.origin === "workspace" ? (
        <Link className="button button--small" to={`/workspace/${scenario.id}`} aria-label={t("workspace.library.editLabel", { title: scenario.title })}>
          {t("workspace.library.edit")}
        </Link>
      ) : null}
      <Link className="button button--small" to={`/workspace/new?from=${encodeURIComponent(scenario.id)}`} aria-label={t("workspace.library.duplicateLabel", { title: scenario.title })}>
        {t("workspace.library.duplicate")}
      </Link>
      <a className="button button--small" href={`/library/${scenario.id}/download`} download aria-label={t("workspace.library.downloadLabel", { title: scenario.title })}>
        {t("workspace.library.download")}
      </a>
      {playable ? (
        <ScormDownloadForm
          action={`/library/${scenario.id}/scorm`}
          id={`scorm-version-${scenario.id}`}
          label={t("scorm.download.versionFor", { title: scenario.title })}
          button={t("scorm.download.one")}
          buttonLabel={t("scorm.download.oneLabel", { title: scenario.title })}
        />
      ) : null}
      <Form method="post">
        <input type="hidden" name="scenarioId" value={scenario.id} />
        <input type="hidden" name="archived" value={archived ? "0" : "1"} />
        <button
          type="submit"
          className="button button--small button--quiet"
          aria-label={t(archived ? "workspace.library.unarchiveLabel" : "workspace.library.archiveLabel", { title: scenario.title })}
        >
          {t(archived ? "workspace.library.unarchive" : "workspace.library.archive")}
        </button>
      </Form>
    </div>
  );
}

function ScenarioTable({ rows, caption, archived }: { rows: LibraryRow[]; caption: string; archived: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="card table-wrap">
      <table className="table--stack">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("trainer.scenario")}</th>
            <th scope="col">{t("trainer.customer")}</th>
            <th scope="col">{t("trainer.shape")}</th>
            <th scope="col">{t("trainer.skills")}</th>
            <th scope="col">{t("trainer.warnings")}</th>
            <th scope="col">{t("workspace.library.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((scenario) => (
            <tr key={scenario.id}>
              <td data-label={t("trainer.scenario")}>
                <div className="cell-stack">
                  <strong>
                    <Link to={`/analytics/scenarios/${scenario.id}`}>{scenario.title}</Link>
                  </strong>
                  <span className="muted mono">{scenario.path}</span>
                  <span className="muted">
                    {scenario.origin === "file" ? t("workspace.library.fromFile") : t("workspace.library.fromWorkspace", { version: scenario.workspaceVersion })}
                  </span>
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
              <td data-label={t("workspace.library.actions")}>
                <ScenarioActions scenario={scenario} archived={archived} playable={!archived} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function TrainerLibrary() {
  const { t, i18n } = useTranslation();
  const { scenarios, archived, workspace, invalid, audit, isAdmin } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const archivedId = params.get("archived");
  const unarchivedId = params.get("unarchived");
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t("trainer.title")}</h1>
        <p className="lead">{t("trainer.intro")}</p>
        <div className="workspace-actions">
          <Link className="button button--primary" to="/workspace/new">
            {t("workspace.library.newScenario")}
          </Link>
          <Link className="button" to="/workspace/new?mode=import">
            {t("workspace.library.importMdx")}
          </Link>
          <Link className="button button--quiet" to="/train">
            {t("workspace.library.play")}
          </Link>
          <Link className="button button--quiet" to="/library/guide">
            {t("workspace.library.guideLink")}
          </Link>
          {isAdmin ? (
            <Link className="button button--quiet" to="/admin/workspace-log">
              {t("workspace.library.logLink")}
            </Link>
          ) : null}
        </div>
      </header>
      {scenarios.length > 0 ? (
        <section className="card stack" aria-labelledby="scorm-title">
          <h2 id="scorm-title">{t("scorm.download.title")}</h2>
          <p className="muted">{t("scorm.download.intro")}</p>
          <ScormDownloadForm action="/library/scorm" id="scorm-version-library" label={t("scorm.download.version")} button={t("scorm.download.library")} visibleLabel />
        </section>
      ) : null}
      {archivedId ? (
        <p className="notice notice--ok" role="status">
          {t("workspace.library.archivedDone", { id: archivedId })}
        </p>
      ) : unarchivedId ? (
        <p className="notice notice--ok" role="status">
          {t("workspace.library.unarchivedDone", { id: unarchivedId })}
        </p>
      ) : null}
      <section className="stack" aria-labelledby="workspace-title">
        <h2 id="workspace-title">{t("workspace.library.workspaceTitle")}</h2>
        <p className="muted">{t("workspace.library.workspaceIntro")}</p>
        {workspace.length === 0 ? (
          <p className="notice notice--info">{t("workspace.library.workspaceEmpty")}</p>
        ) : (
          <div className="card table-wrap">
            <table className="table--stack">
              <caption className="visually-hidden">{t("workspace.library.workspaceTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("trainer.scenario")}</th>
                  <th scope="col">{t("workspace.library.status")}</th>
                  <th scope="col">{t("workspace.library.lastSaved")}</th>
                  <th scope="col">{t("workspace.library.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {workspace.map((draft) => (
                  <tr key={draft.id}>
                    <td data-label={t("trainer.scenario")}>
                      <div className="cell-stack">
                        <strong>
                          <Link to={`/workspace/${draft.id}`}>{draft.title}</Link>
                        </strong>
                        <span className="muted mono">{draft.id}</span>
                      </div>
                    </td>
                    <td data-label={t("workspace.library.status")}>
                      {draft.archived
                        ? t("workspace.library.archived")
                        : draft.publishedVersion === null
                          ? t("workspace.library.draftOnly")
                          : t("workspace.library.publishedVersion", { version: draft.publishedVersion })}
                    </td>
                    <td data-label={t("workspace.library.lastSaved")}>
                      {t("workspace.library.savedBy", { time: formatDateTime(draft.savedAt, i18n.language), name: draft.savedByName ?? t("workspace.log.someone") })}
                    </td>
                    <td data-label={t("workspace.library.actions")}>
                      <ScenarioActions scenario={{ id: draft.id, title: draft.title, origin: "workspace" }} archived={draft.archived} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
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
        {scenarios.length === 0 ? <p className="notice">{t("trainer.empty")}</p> : <ScenarioTable rows={scenarios} caption={t("trainer.publishedTitle", { count: scenarios.length })} archived={false} />}
      </section>
      {archived.length > 0 ? (
        <section className="stack" aria-labelledby="archived-title">
          <h2 id="archived-title">{t("workspace.library.archivedTitle", { count: archived.length })}</h2>
          <p className="muted">{t("workspace.library.archivedIntro")}</p>
          <ScenarioTable rows={archived} caption={t("workspace.library.archivedTitle", { count: archived.length })} archived />
        </section>
      ) : null}
      {scenarios.length > 0 ? <AuditReport audit={audit} /> : null}
    </div>
  );
}
