import { SKILLS, type Skill } from "~/engine";
import { getLibrary } from "~/library/catalog.server";
import { teamOverview, type OverviewTrainee, type Scope } from "~/models/analytics.server";
import type { Paging, SortKey } from "./filters";

export type OverviewRow = Omit<OverviewTrainee, "mastery"> & { mastery: Record<Skill, number | null> };
export type OverviewView = {
  rows: OverviewRow[];
  scenariosAvailable: number;
  /** Per skill, the mean of the trainees' mastery (null when nobody has been assessed). */
  teamMastery: Record<Skill, number | null>;
  weakestSkill: Skill | null;
};

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function sortValue(row: OverviewRow, key: SortKey): string | number | null {
  switch (key) {
    case "name":
      return row.displayName.toLocaleLowerCase();
    case "team":
      return row.teamName.toLocaleLowerCase();
    case "attempts":
      return row.attempts;
    case "scenarios":
      return row.scenariosCompleted;
    case "csat":
      return row.avgCsat;
    case "fcr":
      return row.fcrRate;
    case "lastActive":
      return row.lastActive;
    default:
      return row.mastery[key];
  }
}

/** Sorts by any column; empty values always go last, whatever the direction. */
export function sortRows(rows: readonly OverviewRow[], key: SortKey, direction: "asc" | "desc"): OverviewRow[] {
  const sign = direction === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return (x < y ? -1 : x > y ? 1 : 0) * sign || a.displayName.localeCompare(b.displayName);
  });
}

export async function buildOverview(scope: Scope, sort: SortKey, direction: "asc" | "desc"): Promise<OverviewView> {
  const [trainees, library] = await Promise.all([teamOverview(scope), getLibrary()]);
  const rows = trainees.map((row) => ({
    ...row,
    mastery: Object.fromEntries(SKILLS.map((skill) => [skill, row.mastery[skill] === null ? null : Math.round(row.mastery[skill]!)])) as Record<Skill, number | null>,
  }));
  const teamMastery = Object.fromEntries(
    SKILLS.map((skill) => {
      const value = mean(trainees.map((row) => row.mastery[skill]).filter((v): v is number => v !== null));
      return [skill, value === null ? null : Math.round(value)];
    }),
  ) as Record<Skill, number | null>;
  const assessed = SKILLS.filter((skill) => teamMastery[skill] !== null);
  const weakestSkill = assessed.length === 0 ? null : assessed.reduce((low, skill) => (teamMastery[skill]! < teamMastery[low]! ? skill : low));
  return { rows: sortRows(rows, sort, direction), scenariosAvailable: library.scenarios.length, teamMastery, weakestSkill };
}

/** Rows per page of the overview: a manager's team fits on one; an admin's thousand do not. */
export const OVERVIEW_PAGE_SIZE = 100;

/** One page of already sorted rows; a page past the end shows the last one. */
export function pageOf<T>(rows: readonly T[], requested: number, size: number = OVERVIEW_PAGE_SIZE): { rows: T[]; paging: Paging } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const page = Math.min(Math.max(1, Math.floor(requested)), pages);
  const start = (page - 1) * size;
  const shown = rows.slice(start, start + size);
  return { rows: shown, paging: { page, pages, first: shown.length === 0 ? 0 : start + 1, last: start + shown.length, total: rows.length } };
}
