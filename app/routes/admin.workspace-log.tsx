import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/auth/session.server";
import { pageTitle } from "~/i18n/meta";
import styles from "~/styles/workspace.css";
import { formatDateTime } from "~/utils/dates";
import { workspaceLog } from "~/workspace/log-view.server";
import "~/locales/en/workspace";
import { AdminPageHeader } from "~/components/admin-page-header";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("workspace.log.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const before = Number(new URL(request.url).searchParams.get("before"));
  return json(await workspaceLog(Number.isSafeInteger(before) && before > 0 ? before : null), { headers: { "Cache-Control": "no-store" } });
}

export default function WorkspaceLog() {
  const { t, i18n } = useTranslation();
  const { entries, olderFrom } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <AdminPageHeader title={t("workspace.log.title")} lead={t("workspace.log.intro")} />
      {entries.length === 0 ? (
        <p className="notice notice--info">{t("workspace.log.empty")}</p>
      ) : (
        <div className="card table-wrap">
          <table className="table--stack">
            <caption className="visually-hidden">{t("workspace.log.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("workspace.log.when")}</th>
                <th scope="col">{t("workspace.log.who")}</th>
                <th scope="col">{t("workspace.log.what")}</th>
                <th scope="col">{t("workspace.log.scenario")}</th>
                <th scope="col">{t("workspace.log.version")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td data-label={t("workspace.log.when")}>{formatDateTime(entry.at, i18n.language)}</td>
                  <td data-label={t("workspace.log.who")}>{entry.actorName ?? t("workspace.log.someone")}</td>
                  <td data-label={t("workspace.log.what")}>
                    {t(`workspace.log.action_${entry.action}`)}
                    {entry.detail ? <span className="muted"> ({entry.detail})</span> : null}
                  </td>
                  <td data-label={t("workspace.log.scenario")} className="mono">
                    {entry.scenarioId}
                  </td>
                  <td data-label={t("workspace.log.version")}>{entry.version ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {olderFrom ? (
        <p>
          <Link className="button" to={`?before=${olderFrom}`}>
            {t("workspace.log.older")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
