import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { chooseReply } from "~/attempts/choose.server";
import type { Refusal } from "~/attempts/errors";
import { attemptErrorResponse, ownAttemptOr404, readChoiceForm } from "~/attempts/http.server";
import { PLAYER_ROLES } from "~/attempts/players.server";
import { buildPlayView } from "~/attempts/play-view.server";
import { changeAttemptTiming, readTimingForm } from "~/attempts/timing-settings.server";
import { requireRole } from "~/auth/session.server";
import { PlayScreen } from "~/components/scenario/play-screen";
import { pageTitle } from "~/i18n/meta";
import { idParamOr404 } from "~/utils/params.server";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, (t) => data?.view.scenario.title ?? t("meta.conversation"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, PLAYER_ROLES);
  const attemptId = idParamOr404(params.attemptId);
  const own = await ownAttemptOr404(user.id, attemptId);
  if (own.attempt.status === "completed") throw redirect(`/train/attempts/${attemptId}/debrief`);
  if (own.attempt.status === "abandoned") throw redirect(`/train/scenarios/${own.attempt.scenarioId}`);
  const view = buildPlayView(own);
  if (!view) throw redirect(`/train/attempts/${attemptId}/debrief`);
  return json({ view }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, PLAYER_ROLES);
  const attemptId = idParamOr404(params.attemptId);
  const formData = await readForm(request);
  if (formData.get("intent") === "timing") return timingAction(user.id, attemptId, formData);
  const form = readChoiceForm(formData);
  if (!form) return json({ refusal: { key: "invalid" } as Refusal, reason: "invalid" }, { status: 400 });
  try {
    const outcome = await chooseReply({ userId: user.id, attemptId, ...form });
    return redirect(outcome.completed ? `/train/attempts/${attemptId}/debrief` : `/train/attempts/${attemptId}`);
  } catch (error) {
    return attemptErrorResponse(error);
  }
}

/** The trainee changed the time limit of this conversation (the play page's small form). */
async function timingAction(userId: number, attemptId: number, formData: FormData) {
  const timing = readTimingForm(formData);
  if (!timing) return json({ refusal: { key: "invalidTiming" } as Refusal, reason: "invalid" }, { status: 400 });
  try {
    await changeAttemptTiming(userId, attemptId, timing);
    return redirect(`/train/attempts/${attemptId}`);
  } catch (error) {
    return attemptErrorResponse(error);
  }
}

export default function Play() {
  const { t } = useTranslation();
  const { view } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <PlayScreen view={view} refusal={actionData && "refusal" in actionData ? actionData.refusal : null} back={{ to: "/train", label: t("brief.back") }} />;
}
