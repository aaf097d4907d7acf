import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "~/analytics/csv.server";
import { requireTeamView } from "~/analytics/guard.server";
import { readSorting } from "~/analytics/scope.server";
import { buildOverview } from "~/analytics/overview.server";
import { SKILLS } from "~/engine/types";


export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireTeamView(request);
  const { sort, dir } = readSorting(new URL(request.url));
  const { rows, scenariosAvailable } = await buildOverview(scope, sort, dir);
  return csvResponse(
    "team-overview.csv",
    ["trainee", "email", "team", ...SKILLS.map((skill) => `${skill}_mastery`), "attempts", "scenarios_completed", "scenarios_available", "simulated_avg_csat", "simulated_first_contact_resolution_rate", "last_active"],
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
