import { hashPassword } from "~/auth/password.server";
import type { Role } from "~/auth/roles";
import { addTeamManager, createTeam, findTeamByName, type Team } from "~/models/team.server";
import { createUser } from "~/models/user.server";
import { claimTicketsByEmail } from "~/models/helpdesk-ticket.server";

export type NewAccount = {
  email: string;
  displayName: string;
  role: Role;
  /** The trainee's team, or for a manager the first team they manage. */
  teamId: number | null;
  password: string;
};

/** Creates a user with a freshly hashed password; a manager given a team manages it. */
export async function createAccount(account: NewAccount, passwordHash?: string): Promise<number> {
  const id = await createUser({
    email: account.email,
    displayName: account.displayName,
    role: account.role,
    teamId: account.role === "trainee" ? account.teamId : null,
    passwordHash: passwordHash ?? (await hashPassword(account.password)),
  });
  if (account.role === "manager" && account.teamId !== null) await addTeamManager(account.teamId, id);
  // Helpdesk tickets imported before the account existed count for it from now on.
  await claimTicketsByEmail(account.email, id);
  return id;
}

export async function findOrCreateTeam(name: string): Promise<Team> {
  return (await findTeamByName(name)) ?? (await createTeam(name));
}
