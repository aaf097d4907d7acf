import { requireRole } from "~/auth/session.server";
import type { Team } from "~/models/team.server";
import type { User } from "~/models/user.server";
import { readFilters, scopeOf, teamsVisibleTo, type FilterParams } from "./scope.server";
import type { Scope } from "~/models/analytics.server";

export type ManagerContext = { user: User; teams: Team[]; filters: FilterParams; scope: Scope };

/** For the manager pages (managers and admins): who is asking, which teams they see, the filters. */
export async function requireTeamView(request: Request, roles: ("manager" | "admin" | "trainer")[] = ["manager", "admin"]): Promise<ManagerContext> {
  const user = await requireRole(request, roles);
  const teams = await teamsVisibleTo(user);
  const filters = readFilters(new URL(request.url));
  return { user, teams, filters, scope: scopeOf(teams, filters) };
}
