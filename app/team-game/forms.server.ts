import * as z from "zod";
import { TEAM_GOAL_LIMITS, type TeamGameSettings } from "./team-game.server";

/** The forms of the team game: an admin's per-team settings and a trainee's name choice. */

const TeamId = z.coerce.number().int().positive();
const Goal = z.coerce.number().int().min(TEAM_GOAL_LIMITS.min).max(TEAM_GOAL_LIMITS.max);

export type TeamGameForm =
  | { ok: true; teamId: number; settings: TeamGameSettings }
  /** The goal is not a whole number in range: the form comes back with what was typed. */
  | { ok: false; teamId: number; leaderboard: boolean; goal: string };

/** One team's settings form; null when it names no team (a forged post, not a typo). */
export function parseTeamGameForm(formData: FormData): TeamGameForm | null {
  const teamId = TeamId.safeParse(formData.get("teamId"));
  if (!teamId.success) return null;
  const leaderboard = formData.get("leaderboard") === "on";
  const raw = formData.get("weeklyGoal");
  const goal = typeof raw === "string" ? raw.trim() : "";
  // An empty box means no goal.
  if (goal === "") return { ok: true, teamId: teamId.data, settings: { leaderboard, weeklyGoal: null } };
  const parsed = Goal.safeParse(goal);
  if (!parsed.success || !/^\d+$/.test(goal)) return { ok: false, teamId: teamId.data, leaderboard, goal };
  return { ok: true, teamId: teamId.data, settings: { leaderboard, weeklyGoal: parsed.data } };
}

/** The trainee's "hide my name" checkbox: an unticked box sends nothing, which means shown. */
export function readHideNameForm(formData: FormData): boolean {
  return formData.get("hidden") === "on";
}
