import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { attemptErrorResponse } from "~/attempts/http.server";
import { guestPlayer, PLAYER_ROLES } from "~/attempts/players.server";
import { inProgressAttemptId, startAttempt } from "~/attempts/start.server";
import { patienceUnder } from "~/attempts/timing";
import { trainingTiming } from "~/attempts/timing-settings.server";
import { requireRole } from "~/auth/session.server";
import { ChannelLabel } from "~/components/scenario/channel-label";
import { PersonaBadge, PersonaFace } from "~/components/scenario/persona-badge";
import { pageTitle } from "~/i18n/meta";
import { findPublishedScenario } from "~/library/catalog.server";
import "~/locales/en/trainer-play";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, (t) => data?.title ?? t("meta.scenario"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, PLAYER_ROLES);
  const entry = await findPublishedScenario(params.scenarioId ?? "");
  if (!entry) throw new Response("Not found", { status: 404 });
  const { scenario } = entry;
  const [inProgressId, timing] = await Promise.all([inProgressAttemptId(user.id, scenario.id), trainingTiming(user.id)]);
  const authored = scenario.steps.find((step) => step.id === scenario.start)?.patience ?? null;
  return json({
    id: scenario.id,
    title: scenario.title,
    summary: scenario.summary,
    customer: scenario.customer,
    persona: scenario.persona,
    channel: scenario.channel,
    briefHtml: entry.html.brief ?? null,
    // The limit the trainee will have: their setting applied to the first step's patience.
    patience: patienceUnder(timing, authored),
    limitTurnedOff: authored !== null && timing === "none",
    timing,
    inProgressAttemptId: inProgressId,
    guest: guestPlayer(user.role),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, PLAYER_ROLES);
  try {
    const attemptId = await startAttempt(user.id, params.scenarioId ?? "");
    return redirect(`/train/attempts/${attemptId}`);
  } catch (error) {
    return attemptErrorResponse(error);
  }
}

export default function Brief() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  return (
    <div className="stack-lg narrow-wide">
      <p>
        <Link to="/train">← {t("brief.back")}</Link>
      </p>
      <header className="page-header brief-header">
        <PersonaFace persona={data.persona} size={64} />
        <div>
          <h1>{data.title}</h1>
          <p className="lead">{data.summary}</p>
          <p className="scenario-card__meta">
            <PersonaBadge persona={data.persona} /> <ChannelLabel channel={data.channel} />
          </p>
        </div>
      </header>
      {data.guest ? (
        <p className="notice notice--info" role="note">
          {t(`trainerPlay.attemptNote.${data.guest}`)}
        </p>
      ) : null}
      <section className="card stack" aria-labelledby="situation-title">
        <h2 id="situation-title">{t("brief.situation")}</h2>
        <dl className="facts">
          <div>
            <dt>{t("brief.customer")}</dt>
            <dd>{data.customer}</dd>
          </div>
          <div>
            <dt>{t("brief.channel")}</dt>
            <dd>{t(`channels.${data.channel}`)}</dd>
          </div>
        </dl>
        {data.briefHtml ? <div className="prose" dangerouslySetInnerHTML={{ __html: data.briefHtml }} /> : null}
        <p className="muted">
          {data.patience
            ? t(data.timing === "extended" ? "brief.patienceExtended" : "brief.patience", { name: data.customer, seconds: data.patience })
            : t(data.limitTurnedOff ? "brief.noLimitChosen" : "brief.noPatience")}{" "}
          <Link to="/train/settings">{t("brief.changeTiming")}</Link>
        </p>
      </section>
      {data.inProgressAttemptId ? <p className="notice">{t("brief.inProgressNote")}</p> : null}
      <div className="actions">
        {data.inProgressAttemptId ? (
          <Link to={`/train/attempts/${data.inProgressAttemptId}`} className="button button--primary">
            {t("brief.continue")}
          </Link>
        ) : null}
        <Form method="post">
          <button
            type="submit"
            className={data.inProgressAttemptId ? "button" : "button button--primary button--large"}
            disabled={navigation.state === "submitting"}
          >
            {data.inProgressAttemptId ? t("brief.startOver") : t("brief.start")}
          </button>
        </Form>
      </div>
    </div>
  );
}
