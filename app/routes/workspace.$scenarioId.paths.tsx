import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/auth/session.server";
import { FlowDiagram } from "~/components/analytics/flow-diagram";
import { AuditReport } from "~/components/library/audit-report";
import { PathsTable } from "~/components/workspace/paths-table";
import { WorkspaceHeader } from "~/components/workspace/workspace-nav";
import { pageTitle } from "~/i18n/meta";
import styles from "~/styles/workspace.css";
import { PATHS_SHOWN, pathsView } from "~/workspace/paths-view.server";
import { orNotFound } from "~/workspace/routes.server";
import "~/locales/en/analytics";
import "~/locales/en/workspace";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, (t) => t("workspace.paths.title", { title: data?.view.title ?? "" }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["trainer", "admin"]);
  return json({ view: await orNotFound(pathsView(params.scenarioId ?? "")), shown: PATHS_SHOWN }, { headers: { "Cache-Control": "no-store" } });
}

export default function ScenarioPaths() {
  const { t } = useTranslation();
  const { view, shown } = useLoaderData<typeof loader>();
  const ready = view.ready;
  return (
    <div className="stack-lg">
      <WorkspaceHeader scenarioId={view.id} current="paths" title={t("workspace.paths.title", { title: view.title })}>
        <p className="lead">{t("workspace.paths.intro")}</p>
      </WorkspaceHeader>
      {!ready ? (
        <p className="notice notice--info">{t("workspace.paths.notReady", { count: view.errors })}</p>
      ) : (
        <>
          <PathsTable from={ready.start} paths={ready.paths} limit={shown} tooMany={ready.tooMany} />
          <AuditReport audit={ready.audit} />
          <section className="stack" aria-labelledby="flow-title">
            <h2 id="flow-title">{t("workspace.paths.flowTitle")}</h2>
            <FlowDiagram flow={ready.flow} steps={[]} hardest={null} endings={ready.endings} edgeShares={[]} />
          </section>
        </>
      )}
    </div>
  );
}
