import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buildDebriefView } from "~/attempts/debrief-view.server";
import { ownAttemptOr404 } from "~/attempts/http.server";
import { requireRole } from "~/auth/session.server";
import { Debrief } from "~/components/scenario/debrief";
import { pageTitle } from "~/i18n/meta";
import { idParamOr404 } from "~/utils/params.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => t("debrief.title", { title: data?.debrief.scenario.title ?? t("meta.conversation") }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["trainee"]);
  const attemptId = idParamOr404(params.attemptId);
  const debrief = await buildDebriefView(await ownAttemptOr404(user.id, attemptId));
  if (!debrief) throw redirect(`/train/attempts/${attemptId}`);
  return json({ debrief });
}

export default function TraineeDebrief() {
  const { t } = useTranslation();
  const { debrief } = useLoaderData<typeof loader>();
  return (
    <Debrief
      debrief={debrief}
      actions={
        <div className="actions">
          <Form method="post" action={`/train/scenarios/${debrief.scenario.id}`}>
            <button type="submit" className="button button--primary">
              {t("debrief.tryAgain")}
            </button>
          </Form>
          <Link to="/train" className="button">
            {t("debrief.backToCatalogue")}
          </Link>
        </div>
      }
    />
  );
}
