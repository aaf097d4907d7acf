import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/auth/session.server";
import { VersionDiffView } from "~/components/workspace/version-diff";
import { WorkspaceHeader } from "~/components/workspace/workspace-nav";
import { pageTitle } from "~/i18n/meta";
import styles from "~/styles/workspace.css";
import diffStyles from "~/styles/workspace-diff.css";
import { formatDateTime } from "~/utils/dates";
import { rollBack } from "~/workspace/edit.server";
import { historyView } from "~/workspace/history-view.server";
import { badRequest, orNotFound, workspaceFailure } from "~/workspace/routes.server";
import "~/locales/en/workspace";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: diffStyles },
];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, (t) => t("workspace.history.title", { title: data?.view.title ?? "" }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["trainer", "admin"]);
  const view = await orNotFound(historyView(params.scenarioId ?? "", new URL(request.url).searchParams));
  return json({ view }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["trainer", "admin"]);
  const scenarioId = params.scenarioId ?? "";
  const version = Number((await readForm(request)).get("version"));
  if (!Number.isSafeInteger(version) || version < 1) badRequest("The form needs the number of the version to roll back to.");
  try {
    const done = await rollBack(scenarioId, version, user.id);
    return redirect(`/workspace/${scenarioId}/history?rolledBack=${version}&as=${done.version}`);
  } catch (error) {
    return workspaceFailure(error);
  }
}

export default function ScenarioHistory() {
  const { t, i18n } = useTranslation();
  const { view } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const rolledBack = params.get("rolledBack");
  const sideLabel = (side: number | "draft") => (side === "draft" ? t("workspace.history.draftOption") : `${t("workspace.history.version")} ${side}`);
  const options = [{ value: "draft", label: t("workspace.history.draftOption") }, ...view.versions.map((version) => ({ value: String(version.number), label: sideLabel(version.number) }))];
  return (
    <div className="stack-lg">
      <WorkspaceHeader scenarioId={view.id} current="history" title={t("workspace.history.title", { title: view.title })}>
        <p className="lead">{t("workspace.history.intro")}</p>
      </WorkspaceHeader>
      {rolledBack && !failed ? (
        <p className="notice notice--ok" role="status">
          {t("workspace.history.rolledBack", { from: rolledBack, version: params.get("as") })}
        </p>
      ) : null}
      {failed ? (
        <p className="form-errors" role="alert">
          {failed.error.message}
        </p>
      ) : null}
      {view.versions.length === 0 ? (
        <p className="notice notice--info">{t("workspace.history.none")}</p>
      ) : (
        <div className="card table-wrap">
          <table className="table--stack">
            <caption className="visually-hidden">{t("workspace.history.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("workspace.history.version")}</th>
                <th scope="col">{t("workspace.history.when")}</th>
                <th scope="col">{t("workspace.history.author")}</th>
                <th scope="col">{t("workspace.history.note")}</th>
                <th scope="col">{t("workspace.library.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {view.versions.map((version) => (
                <tr key={version.number}>
                  <th scope="row" data-label={t("workspace.history.version")}>
                    {version.number}
                    {version.number === view.publishedVersion ? <span className="status-badge"> {t("workspace.history.isLive")}</span> : null}
                  </th>
                  <td data-label={t("workspace.history.when")}>{formatDateTime(version.createdAt, i18n.language)}</td>
                  <td data-label={t("workspace.history.author")}>{version.authorName ?? t("workspace.log.someone")}</td>
                  <td data-label={t("workspace.history.note")}>{version.note ?? "—"}</td>
                  <td data-label={t("workspace.library.actions")}>
                    {version.number === view.publishedVersion ? (
                      "—"
                    ) : (
                      <Form method="post">
                        <input type="hidden" name="version" value={version.number} />
                        <button type="submit" className="button button--small" disabled={busy}>
                          {t("workspace.history.rollBack", { version: version.number })}
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {view.versions.length > 0 ? (
        <section className="stack" aria-labelledby="compare-title">
          <h2 id="compare-title">{t("workspace.history.compare")}</h2>
          <Form method="get" className="inline-form card">
            {(["from", "to"] as const).map((side) => (
              <div className="field" key={side}>
                <label htmlFor={`compare-${side}`}>{t(`workspace.history.${side}`)}</label>
                <select id={`compare-${side}`} name={side} defaultValue={String(view.compared?.[side] ?? "")}>
                  {options.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
                <p className="field-error" />
              </div>
            ))}
            <button type="submit" className="button">
              {t("workspace.history.show")}
            </button>
          </Form>
          {view.compared ? <VersionDiffView diff={view.compared.diff} from={view.compared.from} to={view.compared.to} /> : null}
        </section>
      ) : null}
      <p>
        <Link to={`/workspace/${view.id}`}>← {t("workspace.history.back")}</Link>
      </p>
    </div>
  );
}
