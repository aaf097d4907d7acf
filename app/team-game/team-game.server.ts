import { addDays, weekStart } from "~/game/time";
import { findTeamById } from "~/models/team.server";
import {
  countTeamFinished,
  findLeaderboardHidden,
  findTeamGameSettings,
  listTeamGameSettings,
  listTeammateXp,
  saveLeaderboardHidden,
  saveTeamGameSettings,
} from "~/models/team-game.server";
import { leaderboardFor, type LeaderboardRow } from "./leaderboard";

/**
 * A team's shared weekly goal and optional XP leaderboard. The goal counts every conversation the
 * team's trainees finish in the ISO week (UTC), whoever finishes it; the leaderboard is off
 * unless an admin turns it on for the team, and then shows only that team, only this week.
 */

/** The team goal's range (migration 0006 checks the same). */
export const TEAM_GOAL_LIMITS = { min: 1, max: 10_000 } as const;

export type TeamGameSettings = { leaderboard: boolean; weeklyGoal: number | null };
export const TEAM_GAME_DEFAULTS: TeamGameSettings = { leaderboard: false, weeklyGoal: null };

/** The ISO week holding `now`, in UTC: its Monday and its Sunday. */
export function weekOf(now: Date): { monday: string; sunday: string } {
  const monday = weekStart(now.toISOString().slice(0, 10));
  return { monday, sunday: addDays(monday, 6) };
}

async function settingsOf(teamId: number): Promise<TeamGameSettings> {
  const row = await findTeamGameSettings(teamId);
  return row ? { leaderboard: row.leaderboard, weeklyGoal: row.weekly_goal } : TEAM_GAME_DEFAULTS;
}

/** For the admin's Teams page: every team's settings by team id (defaults for teams never set). */
export async function teamGameSettingsByTeam(): Promise<Record<number, TeamGameSettings>> {
  const rows = await listTeamGameSettings();
  return Object.fromEntries(rows.map((row) => [row.team_id, { leaderboard: row.leaderboard, weeklyGoal: row.weekly_goal }]));
}

/** False when the team does not exist. */
export async function setTeamGameSettings(teamId: number, settings: TeamGameSettings, now: Date = new Date()): Promise<boolean> {
  if (!(await findTeamById(teamId))) return false;
  await saveTeamGameSettings(teamId, settings, now);
  return true;
}

export type TeamGoalView = { goal: number; finished: number; monday: string; sunday: string };

/** The team's goal this week and how far it has got; null without a team or a goal. */
export async function teamGoalOf(teamId: number | null, now: Date = new Date()): Promise<TeamGoalView | null> {
  if (teamId === null) return null;
  const { weeklyGoal } = await settingsOf(teamId);
  if (weeklyGoal === null) return null;
  const week = weekOf(now);
  return { goal: weeklyGoal, finished: await countTeamFinished(teamId, week.monday, addDays(week.monday, 7)), ...week };
}

export type TeamPageView =
  | { team: null }
  | {
      team: { name: string };
      week: { monday: string; sunday: string };
      /** Finished conversations this week, shown even without a goal. */
      finished: number;
      goal: number | null;
      /** Null when the admin has not turned the leaderboard on for this team. */
      leaderboard: LeaderboardRow[] | null;
    };

/**
 * The trainee's "My team" page: their own team (a launched learner's first course), though the course teams they also
 * belong to count them in their goals and leaderboards. Others' XP is read only when the team's leaderboard is on.
 */
export async function teamPage(user: { id: number; teamId: number | null }, now: Date = new Date()): Promise<TeamPageView> {
  const team = user.teamId === null ? undefined : await findTeamById(user.teamId);
  if (!team) return { team: null };
  const settings = await settingsOf(team.id);
  const week = weekOf(now);
  const [finished, teammates] = await Promise.all([
    countTeamFinished(team.id, week.monday, addDays(week.monday, 7)),
    settings.leaderboard ? listTeammateXp(team.id, week.monday, week.sunday) : Promise.resolve(null),
  ]);
  return {
    team: { name: team.name },
    week,
    finished,
    goal: settings.weeklyGoal,
    leaderboard: teammates
      ? leaderboardFor(
          teammates.map((row) => ({ userId: row.user_id, name: row.display_name, hidden: row.hidden, xp: row.xp })),
          user.id,
        )
      : null,
  };
}

export type NameChoice = { hidden: boolean; /** null without a team */ leaderboardOn: boolean | null };

/** For the trainee's settings: whether they hide their name, and whether it matters right now. */
export async function leaderboardNameChoice(user: { id: number; teamId: number | null }): Promise<NameChoice> {
  const [hidden, settings] = await Promise.all([findLeaderboardHidden(user.id), user.teamId === null ? null : settingsOf(user.teamId)]);
  return { hidden, leaderboardOn: settings ? settings.leaderboard : null };
}

export async function chooseLeaderboardName(userId: number, hidden: boolean, now: Date = new Date()): Promise<void> {
  await saveLeaderboardHidden(userId, hidden, now);
}
