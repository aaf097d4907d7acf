import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CreateTeamForm, TeamManagersForm } from "~/accounts/forms";
import { assignTeamManagers, createNamedTeam, teamsWithManagers } from "~/accounts/teams.server";
import { requireRole } from "~/auth/session.server";
import { FieldError, FormErrors } from "~/components/form-errors";
import { TeamGameFields } from "~/components/team-game/team-game-fields";
import { i18next } from "~/i18n/i18next.server";
import { pageTitle } from "~/i18n/meta";
import "~/locales/en/team-game";
import { parseTeamGameForm } from "~/team-game/forms.server";
import { setTeamGameSettings, TEAM_GAME_DEFAULTS, TEAM_GOAL_LIMITS, teamGameSettingsByTeam } from "~/team-game/team-game.server";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("nav.teams"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const [{ teams, managers }, game] = await Promise.all([teamsWithManagers(), teamGameSettingsByTeam()]);
  return json({ teams: teams.map((team) => ({ ...team, game: game[team.id] ?? TEAM_GAME_DEFAULTS })), managers, goalLimits: TEAM_GOAL_LIMITS });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, ["admin"]);
  const formData = await readForm(request);
  const t = await i18next.getFixedT(request);

  if (formData.get("intent") === "game") {
    const form = parseTeamGameForm(formData);
    if (!form) throw new Response("Bad request", { status: 400 });
    // The typed goal comes back with its team, so the message shows on the right card.
    if (!form.ok) return json({ gameError: form }, { status: 400 });
    if (!(await setTeamGameSettings(form.teamId, form.settings))) throw new Response("Not found", { status: 404 });
    return redirect(`/admin/teams?game=${form.teamId}`);
  }

  if (formData.get("intent") === "managers") {
    const parsed = TeamManagersForm.safeParse({
      intent: formData.get("intent"),
      teamId: formData.get("teamId"),
      managerIds: formData.getAll("managerIds"),
    });
    if (!parsed.success || !(await assignTeamManagers(parsed.data.teamId, parsed.data.managerIds))) {
      throw new Response("Bad request", { status: 400 });
    }
    return redirect("/admin/teams?saved=1");
  }

  const submission = parseWithZod(formData, { schema: CreateTeamForm });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const created = await createNamedTeam(submission.value.name);
  if (!created.ok) return json(submission.reply({ fieldErrors: { name: [t("admin.teamExists")] } }), { status: 409 });
  return redirect(`/admin/teams?created=${encodeURIComponent(created.team.name)}`);
}

export default function AdminTeams() {
  const { t } = useTranslation();
  const { teams, managers, goalLimits } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const gameError = actionData && "gameError" in actionData ? actionData.gameError : null;
  const lastResult = actionData && !("gameError" in actionData) ? actionData : undefined;
  const [searchParams] = useSearchParams();
  const gameSaved = teams.find((team) => String(team.id) === searchParams.get("game"));
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateTeamForm }),
  });
  const created = searchParams.get("created");

  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t("admin.teamsTitle")}</h1>
        <p className="lead">{t("admin.teamsIntro")}</p>
      </header>
      {created ? (
        <p className="notice notice--ok" role="status">
          {t("admin.teamCreated", { name: created })}
        </p>
      ) : gameSaved && !gameError ? (
        <p className="notice notice--ok" role="status">
          {t("teamGame.teams.saved", { name: gameSaved.name })}
        </p>
      ) : searchParams.get("saved") ? (
        <p className="notice notice--ok" role="status">
          {t("admin.saved")}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="card inline-form">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="create" />
        <div className="field">
          <label htmlFor={fields.name.id}>{t("admin.newTeam")}</label>
          <input {...getInputProps(fields.name, { type: "text" })} autoComplete="off" />
          <FieldError id={fields.name.errorId} errors={fields.name.errors} />
        </div>
        <button type="submit" className="button button--primary">
          {t("admin.createTeam")}
        </button>
      </Form>
      {teams.length === 0 ? <p className="notice">{t("admin.noTeams")}</p> : null}
      <div className="team-grid">
        {teams.map((team) => (
          <section key={team.id} className="card stack" aria-labelledby={`team-${team.id}`}>
            <h2 id={`team-${team.id}`}>{team.name}</h2>
            <p className="muted">
              {t("admin.traineesCount")}: {team.trainees}
            </p>
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="managers" />
              <input type="hidden" name="teamId" value={team.id} />
              <fieldset className="checkbox-group">
                <legend>{t("admin.managers")}</legend>
                {managers.map((manager) => (
                  <label key={manager.id} className="checkbox">
                    <input type="checkbox" name="managerIds" value={manager.id} defaultChecked={team.managerIds.includes(manager.id)} />
                    {manager.displayName}
                  </label>
                ))}
              </fieldset>
              <div className="actions">
                <button type="submit" className="button">
                  {t("admin.saveManagers")}
                </button>
              </div>
            </Form>
            <TeamGameFields teamId={team.id} saved={team.game} limits={goalLimits} error={gameError?.teamId === team.id ? gameError : null} />
          </section>
        ))}
      </div>
    </div>
  );
}
