import type { Team } from "~/models/team.server";
import { findUserById, type User } from "~/models/user.server";

/** A trainee of one of the given teams, or a 404 (another team's trainee is not revealed). */
export async function traineeInTeams(userId: number, teams: readonly Team[]): Promise<User> {
  const trainee = await findUserById(userId);
  if (!trainee || trainee.role !== "trainee" || trainee.teamId === null || !teams.some((team) => team.id === trainee.teamId)) {
    throw new Response("Not found", { status: 404 });
  }
  return trainee;
}
