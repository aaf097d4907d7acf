import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { chooseReply } from "~/attempts/choose.server";
import type { Refusal } from "~/attempts/errors";
import { attemptErrorResponse, readChoiceForm } from "~/attempts/http.server";
import { requireRole } from "~/auth/session.server";
import { PlayScreen } from "~/components/scenario/play-screen";
import { StateInspector } from "~/components/workspace/state-inspector";
import { pageTitle } from "~/i18n/meta";
import styles from "~/styles/workspace.css";
import { idParamOr404 } from "~/utils/params.server";
import { ownPreview, previewPlayView } from "~/workspace/preview.server";
import "~/locales/en/workspace";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, (t) => t("workspace.preview.title", { title: data?.view.scenario.title ?? "" }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["trainer", "admin"]);
  const scenarioId = params.scenarioId ?? "";
  const attemptId = idParamOr404(params.attemptId);
  const found = await previewPlayView(user.id, scenarioId, attemptId);
  if (found.redirect !== undefined) throw redirect(found.redirect);
  return json({ view: found.view, inspector: found.inspector, scenarioId }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["trainer", "admin"]);
  const scenarioId = params.scenarioId ?? "";
  const attemptId = idParamOr404(params.attemptId);
  await ownPreview(user.id, scenarioId, attemptId);
  const form = readChoiceForm(await readForm(request));
  if (!form) return json({ refusal: { key: "invalid" } as Refusal, reason: "invalid" }, { status: 400 });
  const base = `/workspace/${scenarioId}/preview/${attemptId}`;
  try {
    const outcome = await chooseReply({ userId: user.id, attemptId, ...form, preview: true });
    return redirect(outcome.completed ? `${base}/debrief` : base);
  } catch (error) {
    return attemptErrorResponse(error);
  }
}

export default function PreviewPlay() {
  const { t } = useTranslation();
  const { view, inspector, scenarioId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <PlayScreen
      view={view}
      refusal={actionData && "refusal" in actionData ? actionData.refusal : null}
      back={{ to: `/workspace/${scenarioId}`, label: t("workspace.preview.back") }}
      aside={
        inspector ? (
          <aside className="card play__inspector" aria-label={t("workspace.preview.inspector")}>
            <StateInspector view={inspector} />
          </aside>
        ) : null
      }
      banner={
        <p className="notice notice--info workspace-preview-banner" role="note">
          {t("workspace.preview.banner")}
        </p>
      }
    />
  );
}
