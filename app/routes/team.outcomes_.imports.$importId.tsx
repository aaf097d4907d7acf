import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useRevalidator, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/i18n/meta";
import { requireImportActor } from "~/outcomes/guard.server";
import { importOr404, readImportId, undoImportAs } from "~/outcomes/imports.server";
import importStyles from "~/styles/imports.css";
import { formatDate } from "~/utils/dates";
import { Figure } from "~/components/outcomes-import/figure";
import { ImportPageHeader } from "~/components/outcomes-import/page-header";
import "~/locales/en/imports";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: importStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("imports.listTitle"));

async function importFromParams(request: Request, raw: string | undefined) {
  const actor = await requireImportActor(request);
  const id = readImportId(raw);
  return { actor, id, ...(await importOr404(actor, id)) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, record, progress } = await importFromParams(request, params.importId);
  const teamNames = new Map(actor.teams.map((team) => [team.id, team.name]));
  return json({ record, progress, teams: record.team_ids.map((id) => teamNames.get(id) ?? `#${id}`) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, id } = await importFromParams(request, params.importId);
  const result = await undoImportAs(actor, id);
  return redirect(`/team/outcomes/imports/${id}?undo=${result}`);
}

// While rows are being written the page asks again every second: with JavaScript through the
// revalidator, without it through a refresh header in the markup.
function useRefreshWhile(active: boolean) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 1000);
    return () => clearInterval(timer);
  }, [active, revalidator]);
}

export default function ImportPage() {
  const { t, i18n } = useTranslation();
  const { record, progress, teams } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const undo = searchParams.get("undo");
  const importing = record.status === "importing";
  useRefreshWhile(importing);
  const when = (iso: string) => formatDate(iso, i18n.language);
  return (
    <div className="stack-lg">
      {importing ? (
        <noscript>
          <meta httpEquiv="refresh" content="2" />
        </noscript>
      ) : null}
      <ImportPageHeader back={{ to: "/team/outcomes/imports", label: t("imports.title") }} title={t("imports.importTitle", { id: record.id })} />
      {undo === "undone" ? (
        <p className="notice notice--ok" role="status">
          {t("imports.undoneNotice")}
        </p>
      ) : undo === "already" ? (
        <p className="notice notice--info" role="status">
          {t("imports.alreadyUndone")}
        </p>
      ) : undo === "busy" ? (
        <p className="notice notice--info" role="status">
          {t("imports.busy")}
        </p>
      ) : null}
      <section className="card stack" aria-labelledby="status-title">
        <h2 id="status-title">{t(`imports.statuses.${record.status}`)}</h2>
        {importing ? (
          <div role="status" className="stack">
            <p>{progress ? t("imports.importing", { done: progress.done.toLocaleString("en-GB"), total: progress.total.toLocaleString("en-GB") }) : t("imports.importingStarting")}</p>
            <progress className="import-progress" max={progress?.total ?? 1} value={progress?.done ?? 0} aria-label={t(`imports.statuses.importing`)} />
          </div>
        ) : record.status === "committed" ? (
          <p>{t("imports.importDone")}</p>
        ) : record.status === "undone" ? (
          <p>{t("imports.importUndone", { when: record.undone_at ? when(record.undone_at) : "—", who: record.undone_by_name ?? "—" })}</p>
        ) : (
          <p>{t("imports.importFailed")}</p>
        )}
        <dl className="import-figures">
          <Figure label={t("imports.details.source")} value={record.source} />
          <Figure label={t("imports.details.format")} value={record.kind === "api" ? t("imports.apiOrigin") : record.format} />
          <Figure label={t("imports.details.file")} value={record.file_name ?? "—"} />
          <Figure label={t("imports.details.by")} value={record.created_by_name ?? (record.token_name ? t("imports.details.token", { name: record.token_name }) : t("imports.bySystem"))} />
          <Figure label={t("imports.details.when")} value={when(record.created_at)} />
          <Figure label={t("imports.details.teams")} value={teams.length === 0 ? t("imports.details.organisation") : teams.join(", ")} />
          <Figure label={t("imports.summary.rowsRead")} value={record.rows_read} />
          <Figure label={t("imports.summary.added")} value={record.rows_added} />
          <Figure label={t("imports.summary.replacing")} value={record.rows_replacing} />
          <Figure label={t("imports.summary.unchangedOrRepeated")} value={record.rows_unchanged} />
          <Figure label={t("imports.summary.refused")} value={record.rows_refused} />
          <Figure label={t("imports.summary.agentsMatched")} value={record.agents_matched} />
          <Figure label={t("imports.summary.agentsUnknown")} value={record.agents_unknown} />
          <Figure label={t("imports.summary.dates")} value={record.date_from && record.date_to ? `${when(record.date_from)} – ${when(record.date_to)}` : "—"} />
        </dl>
        {record.agents_unknown > 0 ? <Link to="/team/outcomes/agents">{t("imports.agentsLink")}</Link> : null}
      </section>
      {record.status === "committed" ? (
        <section className="card stack" aria-labelledby="undo-title">
          <h2 id="undo-title">{t("imports.undoTitle")}</h2>
          <p>{t("imports.undoIntro")}</p>
          <Form method="post">
            <button type="submit" className="button button--danger">
              {t("imports.undo")}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

