import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import "~/locales/en/team-game";

/**
 * The trainee's choice to keep their name off their team's leaderboard (Settings). It says
 * whether the leaderboard is on, so nobody wonders who can see their XP.
 */
export function HideNameForm({ choice, saved }: { choice: { hidden: boolean; leaderboardOn: boolean | null }; saved: string | null }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const state = choice.leaderboardOn === null ? "noTeam" : choice.leaderboardOn ? "leaderboardOn" : "leaderboardOff";
  return (
    // Keyed by the stored choice, so the box shows it again after saving with JavaScript.
    <Form method="post" className="card stack" key={String(choice.hidden)}>
      <input type="hidden" name="intent" value="leaderboard-name" />
      {saved === "hidden" || saved === "shown" ? (
        <p className="notice notice--ok" role="status">
          {t(saved === "hidden" ? "teamGame.hideName.savedHidden" : "teamGame.hideName.savedShown")}
        </p>
      ) : null}
      <fieldset className="checkbox-group">
        <legend>{t("teamGame.hideName.legend")}</legend>
        <p className="hint">{t(`teamGame.hideName.${state}`)}</p>
        <label className="checkbox">
          <input type="checkbox" name="hidden" defaultChecked={choice.hidden} aria-describedby="hide-name-hint" />
          {t("teamGame.hideName.label")}
        </label>
        <p className="hint" id="hide-name-hint">
          {t("teamGame.hideName.hint")}
        </p>
      </fieldset>
      <div className="actions">
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("teamGame.hideName.save")}
        </button>
      </div>
    </Form>
  );
}
