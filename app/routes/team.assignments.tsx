import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { filterQuery } from "~/analytics/filters";
import { requireTeamView } from "~/analytics/guard.server";
import { assignFromForm, assignmentsPage, removeAssignment } from "~/assignments/assign.server";
import { AssignForm } from "~/components/assignments/assign-form";
import { AssignmentsTable } from "~/components/assignments/assignments-table";
import { i18next } from "~/i18n/i18next.server";
import { pageTitle } from "~/i18n/meta";
import styles from "~/styles/assignments.css";
import "~/locales/en/assignments";
import "~/locales/en/analytics";
import { readForm } from "~/utils/form.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("assignments.assign.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, teams, filters } = await requireTeamView(request);
  return json({ teams, filters, ...(await assignmentsPage({ user, teams, filters })) });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireTeamView(request);
  const formData = await readForm(request);
  if (formData.get("intent") === "remove") {
    await removeAssignment(actor, formData);
    return redirect(`/team/assignments${filterQuery({ team: actor.filters.team }, { removed: "1" })}`);
  }
  const t = await i18next.getFixedT(request);
  const result = await assignFromForm(actor, formData, t);
  if (!result.ok) return json({ reply: result.reply }, { status: 400 });
  return redirect(`/team/assignments${filterQuery({ team: actor.filters.team }, { assigned: result.value.item, to: result.value.who })}`);
}

function TeamFilter() {
  const { t } = useTranslation();
  const { teams, filters } = useLoaderData<typeof loader>();
  if (teams.length < 2) return null;
  return (
    <Form method="get" className="filters card" aria-label={t("assignments.assign.filterLegend")}>
      <div className="field">
        <label htmlFor="filter-team">{t("analytics.team")}</label>
        <select id="filter-team" name="team" defaultValue={filters.team ?? ""}>
          <option value="">{t("assignments.assign.allTeams")}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__actions">
        <button type="submit" className="button">
          {t("assignments.assign.show")}
        </button>
      </div>
    </Form>
  );
}

export default function Assignments() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const assigned = params.get("assigned");
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t("assignments.assign.title")}</h1>
        {data.shownTeams.length > 0 ? <p className="page-header__sub">{data.shownTeams.map((team) => team.name).join(" · ")}</p> : null}
        <p className="lead">{t("assignments.assign.intro")}</p>
      </header>
      {data.teams.length === 0 ? <p className="notice">{t("manager.noTeams")}</p> : null}
      {assigned && !actionData ? (
        <p className="notice notice--ok" role="status">
          {t("assignments.assign.assigned", { item: assigned, who: params.get("to") ?? "" })}
        </p>
      ) : params.get("removed") && !actionData ? (
        <p className="notice notice--ok" role="status">
          {t("assignments.assign.removed")}
        </p>
      ) : null}
      <TeamFilter />
      {data.teams.length > 0 ? (
        <AssignForm
          key={data.filters.team ?? "all"}
          lastResult={actionData?.reply}
          today={data.today}
          teams={data.shownTeams}
          trainees={data.trainees}
          scenarios={data.scenarios}
          pathways={data.pathways}
        />
      ) : null}
      <AssignmentsTable assignments={data.assignments} showTeam={data.shownTeams.length > 1} />
    </div>
  );
}
