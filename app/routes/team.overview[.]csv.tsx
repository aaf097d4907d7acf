import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { csvResponse } from "~/analytics/csv.server";
import { requireTeamView } from "~/analytics/guard.server";
import { SORT_KEYS } from "~/analytics/filters";
import { buildOverview } from "~/analytics/overview.server";
import { SKILLS } from "~/engine";

const Sorting = z.object({ sort: z.enum(SORT_KEYS).catch("name"), dir: z.enum(["asc", "desc"]).catch("asc") });

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireTeamView(request);
  const url = new URL(request.url);
  const { sort, dir } = Sorting.parse({ sort: url.searchParams.get("sort") ?? undefined, dir: url.searchParams.get("dir") ?? undefined });
  const { rows, scenariosAvailable } = await buildOverview(scope, sort, dir);
  return csvResponse(
    "team-overview.csv",
    ["trainee", "email", "team", ...SKILLS.map((skill) => `${skill}_mastery`), "attempts", "scenarios_completed", "scenarios_available", "avg_csat", "first_contact_resolution_rate", "last_active"],
    rows.map((row) => [
      row.displayName,
      row.email,
      row.teamName,
      ...SKILLS.map((skill) => row.mastery[skill]),
      row.attempts,
      row.scenariosCompleted,
      scenariosAvailable,
      row.avgCsat === null ? null : row.avgCsat.toFixed(2),
      row.fcrRate === null ? null : row.fcrRate.toFixed(3),
      row.lastActive,
    ]),
  );
}
