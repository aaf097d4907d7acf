import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ImportsTable } from "~/components/outcomes-import/imports-table";
import { TemplateHelp } from "~/components/outcomes-import/template-help";
import { UploadForm } from "~/components/outcomes-import/upload-form";
import { OUTCOME_RETENTION_MONTHS } from "~/domain/outcomes";
import { i18next } from "~/i18n/i18next.server";
import { pageTitle } from "~/i18n/meta";
import { requireImportActor } from "~/outcomes/guard.server";
import { optionsQuery, readImportOptions, visibleImports } from "~/outcomes/imports.server";
import { receiveUpload, UploadTooLarge } from "~/outcomes/upload.server";
import { FORMAT_CHOICES, PRESET_NOTES } from "~/outcomes/upload-flow.server";
import importStyles from "~/styles/imports.css";
import { ImportPageHeader } from "~/components/outcomes-import/page-header";
import "~/locales/en/imports";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: importStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("imports.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireImportActor(request);
  const records = await visibleImports(actor);
  return json({
    isAdmin: actor.user.role === "admin",
    teams: actor.teams.map((team) => ({ id: team.id, name: team.name })),
    formats: FORMAT_CHOICES.filter((format) => format.id !== "generic"),
    presets: PRESET_NOTES,
    imports: records.map((record) => ({
      id: record.id,
      createdAt: record.created_at,
      fileName: record.file_name,
      kind: record.kind,
      by: record.created_by_name ?? record.token_name ?? null,
      status: record.status,
      added: record.rows_added,
      replacing: record.rows_replacing,
      refused: record.rows_refused,
    })),
    discarded: new URL(request.url).searchParams.has("discarded"),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireImportActor(request);
  const t = await i18next.getFixedT(request);
  try {
    const { upload, fields, empty } = await receiveUpload(request, actor.user.id);
    if (!upload) return json({ error: t(empty ? "imports.emptyFile" : "imports.noFile") }, { status: 400 });
    const options = readImportOptions((key) => fields.get(key) ?? null);
    return redirect(`/team/outcomes/imports/preview/${upload.id}?${optionsQuery(options)}`);
  } catch (error) {
    if (error instanceof UploadTooLarge) return json({ error: t("imports.tooLarge") }, { status: 413 });
    throw error;
  }
}

export default function Imports() {
  const { t } = useTranslation();
  const { isAdmin, teams, formats, presets, imports, discarded } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="stack-lg import-page">
      <ImportPageHeader back={{ to: "/team/outcomes", label: t("imports.backToOutcomes") }} title={t("imports.title")} lead={t("imports.intro")} />
      {discarded ? (
        <p className="notice notice--info" role="status">
          {t("imports.discarded")}
        </p>
      ) : null}
      <UploadForm formats={formats} teams={teams} isAdmin={isAdmin} error={actionData?.error ?? null} />
      <section className="card stack" aria-labelledby="imports-title">
        <div className="import-actions">
          <h2 id="imports-title">{t("imports.listTitle")}</h2>
          <Link to="/team/outcomes/agents">{t("imports.agentsLink")}</Link>
        </div>
        {imports.length === 0 ? <p className="muted">{t("imports.listEmpty")}</p> : <ImportsTable imports={imports} />}
      </section>
      <TemplateHelp presets={presets} retentionMonths={OUTCOME_RETENTION_MONTHS} />
    </div>
  );
}
