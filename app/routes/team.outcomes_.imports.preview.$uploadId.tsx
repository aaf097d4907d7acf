import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ColumnMappingForm } from "~/components/outcomes-import/column-mapping";
import { PreviewReport } from "~/components/outcomes-import/preview-report";
import { pageTitle } from "~/i18n/meta";
import { requireImportActor } from "~/outcomes/guard.server";
import { optionsQuery, readImportOptions } from "~/outcomes/imports.server";
import { discardUpload, uploadFor } from "~/outcomes/upload.server";
import { buildPreview, commitUpload } from "~/outcomes/upload-flow.server";
import importStyles from "~/styles/imports.css";
import { ImportPageHeader } from "~/components/outcomes-import/page-header";
import "~/locales/en/imports";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: importStyles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("imports.previewTitle"));

async function uploadOr404(request: Request, uploadId: string | undefined) {
  const actor = await requireImportActor(request);
  const upload = await uploadFor(uploadId ?? "", actor.user.id);
  if (!upload) throw new Response("Not found", { status: 404 });
  return { actor, upload };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, upload } = await uploadOr404(request, params.uploadId);
  const url = new URL(request.url);
  const options = readImportOptions((key) => url.searchParams.get(key));
  return json({ options, query: optionsQuery(options), preview: await buildPreview(actor, upload, options) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, upload } = await uploadOr404(request, params.uploadId);
  const form = await readForm(request);
  if (form.get("intent") === "discard") {
    await discardUpload(upload);
    return redirect("/team/outcomes/imports?discarded=1");
  }
  const options = readImportOptions((key) => {
    const value = form.get(key);
    return typeof value === "string" ? value : null;
  });
  const result = await commitUpload(actor, upload, options);
  if ("importId" in result) return redirect(`/team/outcomes/imports/${result.importId}`);
  // Nothing to write, or the file changed meaning since the preview: show the preview again.
  return redirect(`/team/outcomes/imports/preview/${upload.id}?${optionsQuery(options)}`);
}

export default function ImportPreview() {
  const { t } = useTranslation();
  const { options, query, preview } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg import-page">
      <ImportPageHeader back={{ to: "/team/outcomes/imports", label: t("imports.title") }} title={t("imports.previewTitle")} lead={t("imports.previewIntro")}>
        <p className="muted">{preview.fileName}</p>
      </ImportPageHeader>
      {preview.state === "file-error" ? (
        <section className="card stack" aria-labelledby="problem-title">
          <h2 id="problem-title">{t("imports.fileProblem")}</h2>
          <div className="form-errors" role="alert">
            <p>{preview.message}</p>
          </div>
          <p>
            <Link to="/team/outcomes/imports">{t("imports.tryAnother")}</Link>
          </p>
        </section>
      ) : preview.state === "columns" ? (
        <ColumnMappingForm message={preview.message} headers={preview.headers} mapping={preview.mapping} options={options} />
      ) : (
        <PreviewReport preview={preview} options={options} query={query} />
      )}
      <Form method="post">
        <input type="hidden" name="intent" value="discard" />
        <button type="submit" className="button button--quiet">
          {t("imports.discard")}
        </button>
      </Form>
    </div>
  );
}
