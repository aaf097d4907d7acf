import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireTeamView } from "~/analytics/guard.server";
import { traineeInTeams } from "~/analytics/trainee-access.server";
import { buildDebriefView } from "~/attempts/debrief-view.server";
import { AttemptError } from "~/attempts/errors";
import { loadAttempt } from "~/attempts/load.server";
import { Debrief } from "~/components/scenario/debrief";
import { pageTitle } from "~/i18n/meta";
import { idParamOr404 } from "~/utils/params.server";
import "~/locales/en/analytics";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => t("debrief.title", { title: data?.debrief.scenario.title ?? t("meta.conversation") }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, teams } = await requireTeamView(request);
  let trainee: Awaited<ReturnType<typeof traineeInTeams>> | undefined;
  const own = await loadAttempt(idParamOr404(params.attemptId), async (attempt) => {
    trainee = await traineeInTeams(attempt.userId, teams, user).catch(() => undefined);
    return trainee !== undefined;
  }).catch((error: unknown) => {
    if (error instanceof AttemptError) throw new Response("Not found", { status: 404 });
    throw error;
  });
  const debrief = await buildDebriefView(own);
  if (!debrief || !trainee) throw new Response("Not found", { status: 404 });
  return json({ debrief, trainee: { id: trainee.id, displayName: trainee.displayName } });
}

export default function ReviewDebrief() {
  const { t } = useTranslation();
  const { debrief, trainee } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p>
        <Link to={`/team/trainees/${trainee.id}`}>← {t("analytics.backToTrainee", { name: trainee.displayName })}</Link>
      </p>
      <p className="notice notice--info">{t("analytics.readOnlyNote", { name: trainee.displayName })}</p>
      <Debrief debrief={debrief} trainee={trainee.displayName} />
    </div>
  );
}
