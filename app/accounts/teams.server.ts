/** Use cases behind the admin's Teams page: the teams with their managers, creating a team, naming its managers. */
import {
  createTeam,
  findTeamById,
  findTeamByName,
  listTeamManagerIds,
  listTeamSummaries,
  setTeamManagers,
  type Team,
} from "~/models/team.server";
import { listUsersByRole } from "~/models/user.server";

export async function teamsWithManagers() {
  const [teams, managers] = await Promise.all([listTeamSummaries(), listUsersByRole("manager")]);
  const managerIdsByTeam = await Promise.all(teams.map((team) => listTeamManagerIds(team.id)));
  return {
    teams: teams.map((team, index) => ({ ...team, managerIds: managerIdsByTeam[index] ?? [] })),
    managers: managers.map(({ id, displayName, active }) => ({ id, displayName, active })),
  };
}

export type CreateTeamResult = { ok: true; team: Team } | { ok: false; problem: "name-taken" };

export async function createNamedTeam(name: string): Promise<CreateTeamResult> {
  if (await findTeamByName(name)) return { ok: false, problem: "name-taken" };
  return { ok: true, team: await createTeam(name) };
}

/** False when the team does not exist. */
export async function assignTeamManagers(teamId: number, managerIds: readonly number[]): Promise<boolean> {
  if (!(await findTeamById(teamId))) return false;
  await setTeamManagers(teamId, managerIds);
  return true;
}
