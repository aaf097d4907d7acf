/** The attempts CSV: every attempt started in the scope, one row each, with the time limit it was played under. */
import { SKILLS } from "~/domain/vocabulary";
import { attemptsInScope, type Scope } from "~/models/analytics.server";

export const ATTEMPTS_CSV_HEADER = [
  "attempt_id", "trainee", "email", "team", "scenario_id", "scenario", "status", "started_at", "ended_at",
  "outcome", "csat", "resolved", ...SKILLS, "overall", "time_limit",
] as const;

export async function attemptsCsvRows(scope: Scope) {
  const attempts = await attemptsInScope(scope);
  return attempts.map((a) => [
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
    a.timing,
  ]);
}
