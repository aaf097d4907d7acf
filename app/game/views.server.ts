/**
 * What the trainee's pages show of the game: the home page's summary and next step, the
 * debrief's itemised XP, and My progress. Plain view models; the rules live beside this file.
 */
import { skillsAssessed } from "~/attempts/practice-cards.server";
import { assignedScenarioIds } from "~/assignments/trainee.server";
import { SKILLS, type Persona, type Skill } from "~/domain/vocabulary";
import { loadGameSettings } from "~/game-settings/settings.server";
import { renderContentPage } from "~/guides/content-page.server";
import { getLibrary } from "~/library/catalog.server";
import { coreScenarioIds } from "~/models/core-scenario.server";
import { findAttemptAward, listGameHistory, scoresOf } from "~/models/game-state.server";
import { masteryTrajectory, type TrendPoint } from "~/analytics/mastery";
import { BADGES, badgeValues, type BadgeId, type BadgeStatus } from "./badges";
import { levelFor, type LevelId, type LevelStatus } from "./levels";
import { masteredProgress, type MasteredProgress } from "./mastered";
import { lockedScenarios, nextUp, type NextUp, type PlayableScenario } from "./next-up";
import { traineeGame } from "./progress.server";
import { summarise, type GameState } from "./rebuild";
import { weeklyGoalOn, type Streak } from "./streak";
import { weekStart } from "./time";
import { dailyCapOn, type XpLine } from "./xp";

/** The library as the game sees it, with the trainee's best result in each scenario. */
async function playable(state: GameState): Promise<PlayableScenario[]> {
  const library = await getLibrary();
  return library.scenarios.map((entry) => ({
    id: entry.scenario.id,
    title: entry.scenario.title,
    persona: entry.scenario.persona,
    difficulty: entry.scenario.difficulty,
    skills: skillsAssessed(entry),
    best: state.ledger.scenarios[entry.scenario.id]?.best ?? null,
  }));
}

/** Scenarios no lock ever applies to: assigned to the trainee (given when the page has them already), or core to the certificate. */
async function alwaysOpen(userId: number, assigned?: Iterable<string>): Promise<Set<string>> {
  const [mine, core] = await Promise.all([assigned ?? assignedScenarioIds(userId), coreScenarioIds()]);
  return new Set([...mine, ...core]);
}

/**
 * Next up only recommends what the trainee's own results have opened: an assigned or core
 * scenario is already in front of them, and the same rule on every page keeps the
 * recommendation the same wherever it is shown (and spares the debrief two queries).
 */
const NOTHING_EXEMPT: ReadonlySet<string> = new Set();

export type SkillBar = { skill: Skill } & MasteredProgress;

const skillBars = (skills: Readonly<Record<Skill, MasteredProgress>>): SkillBar[] => SKILLS.map((skill) => ({ skill, ...skills[skill] }));

/** A difficulty-2 scenario with this kind of customer, to name on a locked card: the first by title, untried first. */
function openerFor(scenarios: readonly PlayableScenario[], persona: Persona): string | null {
  const candidates = scenarios
    .filter((scenario) => scenario.persona === persona && scenario.difficulty === 2)
    .sort((a, b) => Number(a.best !== null) - Number(b.best !== null) || a.title.localeCompare(b.title));
  return candidates[0]?.title ?? null;
}

export type HomeGame = {
  xp: number;
  level: LevelStatus;
  streak: Pick<Streak, "current" | "best" | "freezeLeft"> & { finished: number; goal: number };
  skills: SkillBar[];
  badges: { earned: number; total: number };
  nextUp: NextUp | null;
  /** Scenario id → the kind of customer whose difficulty-2 result opens it, and a scenario that can. */
  locks: Record<string, { persona: Persona; opener: string | null }>;
};

/** `assigned`: the scenarios of the trainee's current assignments, when the caller has read them. */
export async function homeGame(userId: number, now: Date = new Date(), assigned?: Iterable<string>): Promise<HomeGame> {
  const [{ state, settings }, open] = await Promise.all([traineeGame(userId), alwaysOpen(userId, assigned)]);
  const summary = summarise(state, settings, now.toISOString());
  const scenarios = await playable(state);
  const locks = lockedScenarios(scenarios, open);
  return {
    xp: summary.xp,
    level: summary.level,
    streak: {
      current: summary.streak.current,
      best: summary.streak.best,
      freezeLeft: summary.streak.freezeLeft,
      finished: summary.streak.thisWeek.finished,
      goal: summary.streak.thisWeek.goal,
    },
    skills: skillBars(summary.skills),
    badges: { earned: summary.badges.filter((badge) => badge.earned).length, total: summary.badges.length },
    nextUp: nextUp(scenarios, summary.skills, lockedScenarios(scenarios, NOTHING_EXEMPT)),
    locks: Object.fromEntries([...locks.values()].map((lock) => [lock.scenarioId, { persona: lock.persona, opener: openerFor(scenarios, lock.persona) }])),
  };
}

export type DebriefGame = {
  /** null: the conversation earned nothing to show (for example, finished before the game layer). */
  award: { lines: XpLine[]; total: number } | null;
  badges: BadgeId[];
  levels: LevelId[];
  level: LevelStatus;
  nextUp: NextUp | null;
};

export async function debriefGame(userId: number, attemptId: number): Promise<DebriefGame> {
  // Reading the state first rebuilds it (and this attempt's award) if a write was lost.
  const { state } = await traineeGame(userId);
  const [stored, scenarios] = await Promise.all([findAttemptAward(attemptId), playable(state)]);
  const skills = Object.fromEntries(SKILLS.map((skill) => [skill, masteredProgress(state.skills[skill])])) as Record<Skill, MasteredProgress>;
  return {
    award: stored ? { lines: JSON.parse(stored.lines) as XpLine[], total: stored.xp } : null,
    badges: stored ? (JSON.parse(stored.badges) as BadgeId[]) : [],
    levels: stored ? (JSON.parse(stored.levels) as LevelId[]) : [],
    level: levelFor(state.xp),
    nextUp: nextUp(scenarios, skills, lockedScenarios(scenarios, NOTHING_EXEMPT)),
  };
}

export type ProgressGame = {
  /** Mastery of each skill after each finished conversation, oldest first. */
  trend: TrendPoint[];
  xp: number;
  level: LevelStatus;
  streak: Streak;
  skills: SkillBar[];
  badges: (BadgeStatus & { values: Record<string, number> })[];
};

export async function progressGame(userId: number, now: Date = new Date()): Promise<ProgressGame> {
  const [{ state, settings }, { rows }] = await Promise.all([traineeGame(userId), listGameHistory(userId)]);
  const summary = summarise(state, settings, now.toISOString());
  const trajectory = masteryTrajectory(rows.map(scoresOf));
  return {
    trend: trajectory.map((mastery, i) => ({ endedAt: rows[i]!.ended_at, ...mastery })),
    xp: summary.xp,
    level: summary.level,
    // The last twelve weeks are plenty for a page; the streak figures cover the whole history.
    streak: { ...summary.streak, weeks: summary.streak.weeks.slice(-12) },
    skills: skillBars(summary.skills),
    badges: summary.badges.map((badge, i) => ({ ...badge, values: badgeValues(BADGES[i]!) })),
  };
}

/** "How XP works": the written rules, and the figures an admin may have changed, as in force today. */
export async function xpRulesPage(now: Date = new Date()): Promise<{ html: string | null; dailyCap: number; weeklyGoal: number }> {
  const [html, settings] = await Promise.all([renderContentPage("how-xp-works"), loadGameSettings()]);
  const day = now.toISOString().slice(0, 10);
  return { html, dailyCap: dailyCapOn(settings, day), weeklyGoal: weeklyGoalOn(settings, weekStart(day)) };
}
