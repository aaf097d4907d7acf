import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/auth/session.server";
import { FlowDiagram } from "~/components/analytics/flow-diagram";
import { AuditReport } from "~/components/library/audit-report";
import { WorkspaceNav } from "~/components/workspace/workspace-nav";
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
      <header className="page-header stack">
        <p>
          <Link to="/library">← {t("trainer.title")}</Link>
        </p>
        <h1>{t("workspace.paths.title", { title: view.title })}</h1>
        <p className="lead">{t("workspace.paths.intro")}</p>
        <WorkspaceNav scenarioId={view.id} current="paths" />
      </header>
      {!ready ? (
        <p className="notice notice--info">{t("workspace.paths.notReady", { count: view.errors })}</p>
      ) : (
        <>
          <section className="stack" aria-labelledby="paths-title">
            <h2 id="paths-title">{t("workspace.paths.pathsTitle")}</h2>
            <p>
              {ready.total === null
                ? t("workspace.paths.tooMany", { count: 20000, shown })
                : `${t("workspace.paths.total", { count: ready.total })}${ready.total > shown ? ` ${t("workspace.paths.shown", { shown })}` : ""}`}
            </p>
            <div className="card table-wrap">
              <table className="table--stack">
                <caption className="visually-hidden">{t("workspace.paths.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("workspace.paths.number")}</th>
                    <th scope="col">{t("workspace.paths.steps")}</th>
                    <th scope="col">{t("workspace.paths.ending")}</th>
                    <th scope="col">{t("workspace.paths.outcome")}</th>
                    <th scope="col">{t("workspace.paths.score")}</th>
                  </tr>
                </thead>
                <tbody>
                  {ready.paths.map((path, index) => (
                    <tr key={index}>
                      <th scope="row" data-label={t("workspace.paths.number")}>
                        {index + 1}
                      </th>
                      <td data-label={t("workspace.paths.steps")} className="mono">
                        {path.steps.join(" → ")}
                      </td>
                      <td data-label={t("workspace.paths.ending")} className="mono">
                        {path.ending}
                      </td>
                      <td data-label={t("workspace.paths.outcome")}>{t(`debrief.outcomes.${path.outcome}`)}</td>
                      <td data-label={t("workspace.paths.score")}>{path.overall ?? t("workspace.paths.noScore")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
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
