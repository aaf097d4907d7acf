import { skillTrend, type Scope } from "~/models/analytics.server";
import type { Team } from "~/models/team.server";
import { teamIdsOfMember } from "~/models/team-members.server";
import { findUserById, type User } from "~/models/user.server";

/**
 * A trainee who is a member of one of the given teams, their own or a course they launched from (any trainee for an
 * admin, team or not), or a 404: another team's trainee is not revealed. The team named with them is one of the
 * viewer's: their own when it is, else the course team through which the viewer sees them.
 */
export async function traineeInTeams(userId: number, teams: readonly Team[], viewer: Pick<User, "role">): Promise<User> {
  const [trainee, memberOf] = await Promise.all([findUserById(userId), teamIdsOfMember(userId)]);
  const shared = teams.filter((team) => memberOf.includes(team.id));
  const visible = viewer.role === "admin" || shared.length > 0;
  if (!trainee || trainee.role !== "trainee" || !visible) {
    throw new Response("Not found", { status: 404 });
  }
  const listed = shared.find((team) => team.id === trainee.teamId) ?? shared[0];
  return listed ? { ...trainee, teamId: listed.id, teamName: listed.name } : trainee;
}

/** A trainee's assessed scores in the scope, oldest first: the trend and mastery on their page. */
export function traineeSkillTrend(traineeId: number, scope: Scope) {
  return skillTrend(traineeId, scope);
}
