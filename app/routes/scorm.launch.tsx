import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { attemptErrorResponse } from "~/attempts/http.server";
import { guestPlayer, PLAYER_ROLES } from "~/attempts/players.server";
import { requireRole } from "~/auth/session.server";
import { pageTitle } from "~/i18n/meta";
import "~/locales/en/scorm";
import "~/locales/en/trainer-play";
import { isLaunchProblem, launchView, parseLaunch, startLaunchedAttempt, type LaunchProblem } from "~/scorm/launch.server";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => (data && "view" in data ? t("scorm.launch.title", { title: data.view.title }) : t("meta.scenario")));

type Problem = LaunchProblem | { key: "noScenario"; id: string };

/**
 * Where a SCORM package's launch page sends the learner (in a window of its own): sign-in as usual, then a Start
 * button, which ties the new attempt to the platform page so that the debrief can report to it. GET changes nothing.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, PLAYER_ROLES);
  const url = new URL(request.url);
  const params = parseLaunch((name) => url.searchParams.get(name));
  if (isLaunchProblem(params)) return json({ problem: params as Problem }, { status: 400 });
  const view = await launchView(user.id, params);
  if (!view) return json({ problem: { key: "noScenario", id: params.scenarioId } as Problem }, { status: 404 });
  return json({ view, guest: guestPlayer(user.role) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, PLAYER_ROLES);
  const form = await readForm(request);
  const params = parseLaunch((name) => {
    const value = form.get(name);
    return typeof value === "string" ? value : null;
  });
  if (isLaunchProblem(params)) return json({ problem: params as Problem }, { status: 400 });
  try {
    const { attemptId, setCookie } = await startLaunchedAttempt(request, user.id, params, form.get("intent") === "continue");
    return redirect(`/train/attempts/${attemptId}`, { headers: { "Set-Cookie": setCookie } });
  } catch (error) {
    return attemptErrorResponse(error);
  }
}

function ProblemNotice({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  const text =
    problem.key === "missing"
      ? t("scorm.launch.missing", { name: problem.name })
      : problem.key === "noScenario"
        ? t("scorm.launch.noScenario", { id: problem.id })
        : t(`scorm.launch.${problem.key}`);
  return (
    <div className="stack narrow-wide">
      <h1>{t("errors.badRequestTitle")}</h1>
      <p className="notice" role="alert">
        {text}
      </p>
    </div>
  );
}

export default function ScormLaunch() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  if ("problem" in data) return <ProblemNotice problem={data.problem} />;
  if (actionData && "problem" in actionData) return <ProblemNotice problem={actionData.problem} />;
  const { view, guest } = data;
  const hidden = (
    <>
      <input type="hidden" name="scenario" value={view.scenarioId} />
      <input type="hidden" name="v" value={view.version} />
      <input type="hidden" name="origin" value={view.origin} />
    </>
  );
  return (
    <div className="stack-lg narrow-wide">
      <header className="page-header">
        <h1>{view.title}</h1>
        <p className="lead">{view.summary}</p>
      </header>
      {guest ? (
        <p className="notice notice--info" role="note">
          {t(`trainerPlay.attemptNote.${guest}`)}
        </p>
      ) : null}
      <section className="card stack">
        <p>{t("scorm.launch.intro")}</p>
        <p className="muted">{t("scorm.launch.sendsTo", { origin: view.origin, passMark: view.passMark })}</p>
      </section>
      {view.inProgress ? <p className="notice">{t("scorm.launch.inProgress")}</p> : null}
      <div className="actions">
        {view.inProgress ? (
          <Form method="post">
            {hidden}
            <button type="submit" name="intent" value="continue" className="button button--primary" disabled={navigation.state === "submitting"}>
              {t("scorm.launch.continue")}
            </button>
          </Form>
        ) : null}
        <Form method="post">
          {hidden}
          <button
            type="submit"
            name="intent"
            value="start"
            className={view.inProgress ? "button" : "button button--primary button--large"}
            disabled={navigation.state === "submitting"}
          >
            {view.inProgress ? t("scorm.launch.startOver") : t("scorm.launch.start")}
          </button>
        </Form>
      </div>
    </div>
  );
}
