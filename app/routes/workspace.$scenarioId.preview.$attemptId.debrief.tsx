import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/auth/session.server";
import { Debrief } from "~/components/scenario/debrief";
import { pageTitle } from "~/i18n/meta";
import { idParamOr404 } from "~/utils/params.server";
import { previewDebriefView } from "~/workspace/preview.server";
import "~/locales/en/workspace";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => t("debrief.title", { title: data?.debrief.scenario.title ?? t("meta.conversation") }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["trainer", "admin"]);
  const scenarioId = params.scenarioId ?? "";
  const attemptId = idParamOr404(params.attemptId);
  const debrief = await previewDebriefView(user.id, scenarioId, attemptId);
  // Unfinished or set aside: the play page knows where to send it.
  if (!debrief) throw redirect(`/workspace/${scenarioId}/preview/${attemptId}`);
  return json({ debrief, scenarioId });
}

export default function PreviewDebrief() {
  const { t } = useTranslation();
  const { debrief, scenarioId } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p className="notice notice--info" role="note">
        {t("workspace.preview.banner")}
      </p>
      <Debrief
        debrief={debrief}
        actions={
          <div className="actions">
            <Form method="post" action={`/workspace/${scenarioId}/preview`}>
              <button type="submit" name="intent" value="start" className="button button--primary">
                {t("workspace.preview.again")}
              </button>
            </Form>
            <Link to={`/workspace/${scenarioId}`} className="button">
              {t("workspace.preview.back")}
            </Link>
          </div>
        }
      />
    </div>
  );
}
