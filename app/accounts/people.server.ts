/**
 * Use cases behind the admin's People pages: list, add, edit and enable or disable a person.
 * The rules an admin must not break (their own role and status) live here, not in the route,
 * so that every caller refuses the same things.
 */
import { createAccount, type NewAccount } from "~/accounts/accounts.server";
import { findTeamById, listManagedTeams, listTeams, setManagedTeams, type Team } from "~/models/team.server";
import { EmailTakenError, findUserById, listUsers, setUserActive, updateUser, type User } from "~/models/user.server";
import type { Role } from "~/auth/roles";

export function listPeople(): Promise<User[]> {
  return listUsers();
}

export function teamsToChooseFrom(): Promise<Team[]> {
  return listTeams();
}

/** The person, or a 404 response when the id names no one. */
export async function personOr404(id: number): Promise<User> {
  const person = await findUserById(id);
  if (!person) throw new Response("Not found", { status: 404 });
  return person;
}

export async function personEditView(person: User, adminId: number) {
  const [teams, managed] = await Promise.all([listTeams(), listManagedTeams(person.id)]);
  return { person, teams, managedTeamIds: managed.map((team) => team.id), isSelf: person.id === adminId };
}

export type AddPersonResult = { ok: true } | { ok: false; problem: "unknown-team" | "email-taken" };

export async function addPerson(account: Omit<NewAccount, "teamId"> & { teamId?: number | undefined }): Promise<AddPersonResult> {
  if (account.teamId !== undefined && !(await findTeamById(account.teamId))) return { ok: false, problem: "unknown-team" };
  try {
    await createAccount({ ...account, teamId: account.teamId ?? null });
  } catch (error) {
    if (error instanceof EmailTakenError) return { ok: false, problem: "email-taken" };
    throw error;
  }
  return { ok: true };
}

export type PersonEdit = {
  role: Role;
  displayName: string;
  teamId?: number | undefined;
  managedTeamIds: number[];
  /** Whether the form showed the team select (trainees) or the managed-teams boxes (managers). */
  teamShown: boolean;
  managedTeamsShown: boolean;
};

export type EditPersonResult = { ok: true } | { ok: false; problem: "demote-self" | "unknown-team" };

export async function editPerson(person: User, adminId: number, edit: PersonEdit): Promise<EditPersonResult> {
  if (person.id === adminId && edit.role !== "admin") return { ok: false, problem: "demote-self" };
  const knownTeams = new Set((await listTeams()).map((team) => team.id));
  const unknownTeam = [edit.teamId, ...edit.managedTeamIds].some((id) => id !== undefined && !knownTeams.has(id));
  if (unknownTeam) return { ok: false, problem: "unknown-team" };
  // The form shows the team select to trainees and the managed-teams boxes to managers;
  // after a role change the page reloads showing the control for the new role.
  const keepTeam = edit.role === "trainee" ? (edit.teamShown ? (edit.teamId ?? null) : person.teamId) : null;
  await updateUser(person.id, { role: edit.role, displayName: edit.displayName, teamId: keepTeam });
  if (edit.role === "manager" && edit.managedTeamsShown) await setManagedTeams(person.id, edit.managedTeamIds);
  return { ok: true };
}

export type SetActiveResult = { ok: true } | { ok: false; problem: "disable-self" };

export async function setPersonActive(person: User, adminId: number, active: boolean): Promise<SetActiveResult> {
  if (person.id === adminId) return { ok: false, problem: "disable-self" };
  await setUserActive(person.id, active);
  return { ok: true };
}
