import * as z from "zod";
import type { User } from "~/models/user.server";
import { listManagedTeams, listTeams, type Team } from "~/models/team.server";
import type { Scope } from "~/models/analytics.server";
import { SORT_KEYS } from "./filters";

/** Teams whose numbers this person may see: a manager's own teams; an admin's and a trainer's every team. */
export async function teamsVisibleTo(user: User): Promise<Team[]> {
  if (user.role === "admin" || user.role === "trainer") return listTeams();
  if (user.role === "manager") return listManagedTeams(user.id);
  return [];
}

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((value) => !Number.isNaN(Date.parse(value)));

export const FilterParams = z.object({
  team: z.coerce.number().int().positive().optional().catch(undefined),
  from: IsoDay.optional().catch(undefined),
  to: IsoDay.optional().catch(undefined),
});
export type FilterParams = z.infer<typeof FilterParams>;

export function readFilters(url: URL): FilterParams {
  const get = (key: string) => url.searchParams.get(key) || undefined;
  return FilterParams.parse({ team: get("team"), from: get("from"), to: get("to") });
}

// Unknown values fall back to the default order rather than refusing the page: a stale link still opens.
const Sorting = z.object({ sort: z.enum(SORT_KEYS).catch("name"), dir: z.enum(["asc", "desc"]).catch("asc") });
export type Sorting = z.infer<typeof Sorting>;

export function readSorting(url: URL): Sorting {
  return Sorting.parse({ sort: url.searchParams.get("sort") ?? undefined, dir: url.searchParams.get("dir") ?? undefined });
}

const Page = z.coerce.number().int().min(1).max(1_000_000).catch(1);

/** The `page` query parameter; anything unusable is the first page. */
export function readPage(url: URL): number {
  return Page.parse(url.searchParams.get("page") ?? undefined);
}

/**
 * The scope of a page: every visible team, or the one picked (a team outside what the person may
 * see is answered like a missing page); the date range covers whole days, both ends included.
 */
export function scopeOf(teams: readonly Team[], filters: FilterParams): Scope {
  if (filters.team !== undefined && !teams.some((team) => team.id === filters.team)) {
    throw new Response("Not found", { status: 404 });
  }
  const teamIds = filters.team !== undefined ? [filters.team] : teams.map((team) => team.id);
  const from = filters.from ? `${filters.from}T00:00:00.000Z` : "0000-01-01T00:00:00.000Z";
  const to = filters.to ? new Date(Date.parse(`${filters.to}T00:00:00.000Z`) + 24 * 60 * 60 * 1000).toISOString() : "9999-12-31T23:59:59.999Z";
  return { teamIds, from, to };
}
