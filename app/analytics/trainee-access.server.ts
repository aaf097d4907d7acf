import { skillTrend, type Scope } from "~/models/analytics.server";
import type { Team } from "~/models/team.server";
import { findUserById, type User } from "~/models/user.server";

/**
 * A trainee of one of the given teams (any trainee for an admin, team or not), or a 404: another
 * team's trainee is not revealed.
 */
export async function traineeInTeams(userId: number, teams: readonly Team[], viewer: Pick<User, "role">): Promise<User> {
  const trainee = await findUserById(userId);
  const visible = viewer.role === "admin" || (trainee?.teamId != null && teams.some((team) => team.id === trainee.teamId));
  if (!trainee || trainee.role !== "trainee" || !visible) {
    throw new Response("Not found", { status: 404 });
  }
  return trainee;
}

/** A trainee's assessed scores in the scope, oldest first: the trend and mastery on their page. */
export function traineeSkillTrend(traineeId: number, scope: Scope) {
  return skillTrend(traineeId, scope);
}
