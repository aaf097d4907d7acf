import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/auth/session.server";
import { StartAnywhereFields } from "~/components/workspace/start-anywhere-fields";
import { WorkspaceHeader } from "~/components/workspace/workspace-nav";
import { pageTitle } from "~/i18n/meta";
import styles from "~/styles/workspace.css";
import { previewStartView, startPreviewFromForm } from "~/workspace/preview.server";
import { orNotFound, workspaceFailure } from "~/workspace/routes.server";
import { typedFromPoint } from "~/workspace/start-point-fields";
import "~/locales/en/workspace";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, (t) => t("workspace.preview.title", { title: data?.title ?? "" }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["trainer", "admin"]);
  return json(await orNotFound(previewStartView(params.scenarioId ?? "")), { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["trainer", "admin"]);
  const scenarioId = params.scenarioId ?? "";
  try {
    const started = await startPreviewFromForm(scenarioId, user.id, await readForm(request));
    if ("attemptId" in started) return redirect(`/workspace/${scenarioId}/preview/${started.attemptId}`);
    return json({ startErrors: started.errors, posted: started.posted }, { status: 400 });
  } catch (error) {
    return workspaceFailure(error);
  }
}

export default function PreviewStart() {
  const { t } = useTranslation();
  const { id, title, errors, options, start } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="stack-lg">
      <WorkspaceHeader scenarioId={id} current="preview" title={t("workspace.preview.title", { title })}>
        <p className="lead">{t("workspace.preview.intro")}</p>
      </WorkspaceHeader>
      {failed && "error" in failed ? (
        <p className="form-errors" role="alert">
          {failed.error.message}
        </p>
      ) : null}
      {errors > 0 || !options || !start ? (
        <p className="notice notice--info">
          {t("workspace.preview.notReady")} {t("workspace.paths.notReady", { count: errors })}
        </p>
      ) : (
        <>
          <Form method="post" className="card stack">
            <div className="actions">
              <button type="submit" name="intent" value="start" className="button button--primary" disabled={busy}>
                {t("workspace.preview.fromStart")}
              </button>
            </div>
          </Form>
          <Form method="post" className="card stack" noValidate>
            <StartAnywhereFields options={options} value={failed && "posted" in failed ? failed.posted : typedFromPoint(start)} errors={failed && "startErrors" in failed ? failed.startErrors : {}} />
            <div className="actions">
              <button type="submit" name="intent" value="anywhere" className="button" disabled={busy}>
                {t("workspace.preview.anywhere")}
              </button>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}
