import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { guestPlayer, PLAYER_ROLES } from "~/attempts/players.server";
import { readTimingForm, saveTrainingTiming, trainingTiming } from "~/attempts/timing-settings.server";
import { requireRole } from "~/auth/session.server";
import { HideNameForm } from "~/components/team-game/hide-name-form";
import { TimingFieldset } from "~/components/timing-fields";
import { pageTitle } from "~/i18n/meta";
import { readHideNameForm } from "~/team-game/forms.server";
import { chooseLeaderboardName, leaderboardNameChoice } from "~/team-game/team-game.server";
import "~/locales/en/trainer-play";
import { readForm } from "~/utils/form.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("settings.title"));

// Trainers and admins keep the time limit (it also governs their previews in the workspace); the
// leaderboard belongs to the team game, which is the trainees' alone.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, PLAYER_ROLES);
  const guest = guestPlayer(user.role);
  const [timing, nameChoice] = await Promise.all([trainingTiming(user.id), guest ? null : leaderboardNameChoice(user)]);
  return json({ timing, nameChoice, guest }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, PLAYER_ROLES);
  const formData = await readForm(request);
  if (formData.get("intent") === "leaderboard-name") {
    await requireRole(request, ["trainee"]);
    const hidden = readHideNameForm(formData);
    await chooseLeaderboardName(user.id, hidden);
    return redirect(`/train/settings?name=${hidden ? "hidden" : "shown"}`);
  }
  const timing = readTimingForm(formData);
  if (!timing) return json({ invalid: true }, { status: 400 });
  await saveTrainingTiming(user.id, timing);
  return redirect("/train/settings?saved=1");
}

export default function Settings() {
  const { t } = useTranslation();
  const { timing, nameChoice, guest } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  return (
    <div className="stack-lg narrow-wide">
      <header className="page-header">
        <h1>{t("settings.title")}</h1>
        <p className="lead">{t("settings.intro")}</p>
      </header>
      {searchParams.get("saved") && !actionData ? (
        <p className="notice notice--ok" role="status">
          {t("settings.saved")}
        </p>
      ) : null}
      {actionData?.invalid ? (
        <p className="form-errors" role="alert">
          {t("settings.invalid")}
        </p>
      ) : null}
      {/* Keyed by the saved value, so the radios show it again after saving with JavaScript. */}
      <Form method="post" className="card stack" key={timing}>
        <TimingFieldset current={timing} legend={t("settings.timingLegend")} hint={guest ? t("trainerPlay.timingHint") : t("settings.timingHint")} idPrefix="settings-timing" />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={navigation.state === "submitting"}>
            {t("settings.save")}
          </button>
        </div>
      </Form>
      {nameChoice ? <HideNameForm choice={nameChoice} saved={actionData ? null : searchParams.get("name")} /> : null}
    </div>
  );
}
