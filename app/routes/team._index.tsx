import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/auth/session.server";
import { StatusBadge } from "~/components/status-badge";
import { listManagedTeams } from "~/models/team.server";
import { listTraineesOfTeams } from "~/models/user.server";

export const meta: MetaFunction = () => [{ title: "My teams · Frontline" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const manager = await requireRole(request, ["manager"]);
  const teams = await listManagedTeams(manager.id);
  const trainees = await listTraineesOfTeams(teams.map((team) => team.id));
  return json({
    teams: teams.map((team) => ({
      ...team,
      trainees: trainees
        .filter((trainee) => trainee.teamId === team.id)
        .map(({ id, displayName, email, active }) => ({ id, displayName, email, active })),
    })),
  });
}

export default function ManagerHome() {
  const { t } = useTranslation();
  const { teams } = useLoaderData<typeof loader>();
  return (
    <div className="stack-lg">
      <header className="page-header">
        <h1>{t("manager.title")}</h1>
        <p className="lead">{t("manager.intro")}</p>
      </header>
      {teams.length === 0 ? <p className="notice">{t("manager.noTeams")}</p> : null}
      {teams.map((team) => (
        <section key={team.id} className="card stack" aria-labelledby={`team-${team.id}`}>
          <h2 id={`team-${team.id}`}>{team.name}</h2>
          {team.trainees.length === 0 ? (
            <p className="muted">{t("manager.noTrainees")}</p>
          ) : (
            <div className="table-wrap">
              <table className="table--stack">
                <caption className="visually-hidden">
                  {t("manager.trainees")}: {team.name}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("manager.name")}</th>
                    <th scope="col">{t("manager.email")}</th>
                    <th scope="col">{t("manager.status")}</th>
                  </tr>
                </thead>
                <tbody>
                  {team.trainees.map((trainee) => (
                    <tr key={trainee.id}>
                      <td data-label={t("manager.name")}>{trainee.displayName}</td>
                      <td data-label={t("manager.email")}>{trainee.email}</td>
                      <td data-label={t("manager.status")}>
                        <StatusBadge active={trainee.active} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </div>
  );
}
