import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldError } from "~/components/form-errors";
import { formatCount } from "~/components/outcomes/format";
import "~/locales/en/team-game";

type Settings = { leaderboard: boolean; weeklyGoal: number | null };

/**
 * One team's game settings on the admin's Teams page: the optional leaderboard and the shared
 * weekly goal. `error` carries what was typed when the goal was refused, so nothing is lost.
 */
export function TeamGameFields({
  teamId,
  saved,
  limits,
  error,
}: {
  teamId: number;
  saved: Settings;
  limits: { min: number; max: number };
  error: { leaderboard: boolean; goal: string } | null;
}) {
  const { t, i18n } = useTranslation();
  const id = `team-${teamId}-game`;
  const message = error ? t("teamGame.teams.goalInvalid", { min: formatCount(limits.min, i18n.language), max: formatCount(limits.max, i18n.language) }) : undefined;
  return (
    // Keyed by what is stored, so the fields show the saved values again after saving with JavaScript.
    // noValidate: the server's message names the field and its range, in the page's words.
    <Form method="post" className="stack" noValidate key={`${saved.leaderboard}:${saved.weeklyGoal}:${error ? error.goal : ""}`}>
      <input type="hidden" name="intent" value="game" />
      <input type="hidden" name="teamId" value={teamId} />
      <fieldset className="checkbox-group">
        <legend>{t("teamGame.teams.legend")}</legend>
        <label className="checkbox">
          <input type="checkbox" name="leaderboard" defaultChecked={error ? error.leaderboard : saved.leaderboard} aria-describedby={`${id}-board-hint`} />
          {t("teamGame.teams.leaderboard")}
        </label>
        <p className="hint" id={`${id}-board-hint`}>
          {t("teamGame.teams.leaderboardHint")}
        </p>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-goal`}>{t("teamGame.teams.goal")}</label>
        <p className="hint" id={`${id}-goal-hint`}>
          {t("teamGame.teams.goalHint")}
        </p>
        {/* Text, not number: a browser sends an unreadable number as empty, which would mean "no goal". */}
        <input
          type="text"
          id={`${id}-goal`}
          name="weeklyGoal"
          inputMode="numeric"
          autoComplete="off"
          defaultValue={error ? error.goal : (saved.weeklyGoal ?? "")}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-goal-hint ${id}-goal-error`}
        />
        <FieldError id={`${id}-goal-error`} errors={message ? [message] : undefined} />
      </div>
      <div className="actions">
        <button type="submit" className="button">
          {t("teamGame.teams.save")}
        </button>
      </div>
    </Form>
  );
}
