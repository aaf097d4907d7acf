import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "~/analytics/csv.server";
import { requireTeamView } from "~/analytics/guard.server";
import { SKILLS } from "~/engine/types";
import { attemptsInScope } from "~/models/analytics.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireTeamView(request);
  const attempts = await attemptsInScope(scope);
  return csvResponse(
    "attempts.csv",
    ["attempt_id", "trainee", "email", "team", "scenario_id", "scenario", "status", "started_at", "ended_at", "outcome", "csat", "resolved", ...SKILLS, "overall"],
    attempts.map((a) => [
      a.id,
      a.display_name,
      a.email,
      a.team_name,
      a.scenario_id,
      a.title,
      a.status,
      a.started_at,
      a.ended_at,
      a.outcome,
      a.csat,
      a.resolved === null ? null : a.resolved === 1 ? "yes" : "no",
      ...SKILLS.map((skill) => a[skill]),
      a.overall,
    ]),
  );
}
