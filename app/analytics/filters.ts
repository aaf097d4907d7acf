import { SKILLS } from "~/engine/types";

// Shared by loaders and components (the browser cannot import *.server modules).

export type Filters = { team?: number; from?: string; to?: string };

export const SORT_KEYS = ["name", "team", ...SKILLS, "attempts", "scenarios", "csat", "fcr", "lastActive"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** The query string that keeps the current filters on links and exports. */
export function filterQuery(filters: Filters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filters.team !== undefined) params.set("team", String(filters.team));
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** Where one page of a long table sits: its number, how many there are, and which rows it shows. */
export type Paging = { page: number; pages: number; first: number; last: number; total: number };
