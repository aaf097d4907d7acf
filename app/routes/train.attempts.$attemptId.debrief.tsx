import { json, redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buildDebriefView } from "~/attempts/debrief-view.server";
import { ownAttemptOr404 } from "~/attempts/http.server";
import { guestPlayer, PLAYER_ROLES } from "~/attempts/players.server";
import { requireRole } from "~/auth/session.server";
import gameStyles from "~/components/game/game.css";
import { XpAward } from "~/components/game/xp-award";
import { ScormReporter } from "~/components/scorm/scorm-reporter";
import { Debrief } from "~/components/scenario/debrief";
import { debriefGame } from "~/game/views.server";
import { pageTitle } from "~/i18n/meta";
import "~/locales/en/game";
import "~/locales/en/trainer-play";
import { scormReportFor } from "~/scorm/launch.server";
import { idParamOr404 } from "~/utils/params.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: gameStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => t("debrief.title", { title: data?.debrief.scenario.title ?? t("meta.conversation") }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, PLAYER_ROLES);
  const attemptId = idParamOr404(params.attemptId);
  const debrief = await buildDebriefView(await ownAttemptOr404(user.id, attemptId));
  if (!debrief) throw redirect(`/train/attempts/${attemptId}`);
  const guest = guestPlayer(user.role);
  const ending = { attemptId, scenarioId: debrief.scenario.id, overall: debrief.overall, ended: debrief.endedAt !== null };
  // A trainer's or admin's attempt earns nothing, so the game is not even read for them.
  const [game, scorm] = await Promise.all([guest ? null : debriefGame(user.id, attemptId), scormReportFor(request, ending)]);
  return json({ debrief, guest, game, scorm });
}

export default function TraineeDebrief() {
  const { t } = useTranslation();
  const { debrief, guest, game, scorm } = useLoaderData<typeof loader>();
  const next = game?.nextUp && game.nextUp.scenarioId !== debrief.scenario.id ? game.nextUp : null;
  const page = (
    <Debrief
      debrief={debrief}
      game={game ? <XpAward award={game.award} badges={game.badges} levels={game.levels} /> : null}
      actions={
        <div className="actions">
          <Form method="post" action={`/train/scenarios/${debrief.scenario.id}`}>
            <button type="submit" className="button button--primary">
              {t("debrief.tryAgain")}
            </button>
          </Form>
          {next ? (
            <Link to={`/train/scenarios/${next.scenarioId}`} className="button">
              {t("game.nextUp.link", { title: next.title, skill: t(`skills.${next.skill}.name`) })}
            </Link>
          ) : null}
          <Link to="/train" className="button">
            {t("debrief.backToCatalogue")}
          </Link>
        </div>
      }
    />
  );
  const reporter = scorm ? <ScormReporter report={scorm} /> : null;
  if (!guest && !reporter) return page;
  return (
    <div className="stack">
      {reporter}
      {guest ? (
        <p className="notice notice--info" role="note">
          {t(`trainerPlay.attemptNote.${guest}`)}
        </p>
      ) : null}
      {page}
    </div>
  );
}
