/**
 * The whole game state of one trainee, derived only from their attempt history and the dated
 * settings. The app applies each finished conversation as it ends (`applyConversation`) and
 * can always start again from the attempts (`rebuildGameState`); both walk the same single
 * step in the same order, and the state between steps is plain JSON, so the two agree.
 */
import { SKILLS, type Skill } from "~/domain/vocabulary";
import { badgeStatuses, emptyBadgeProgress, trackBadges, type BadgeId, type BadgeProgress, type BadgeStatus } from "./badges";
import { compareConversations, conversationsOf, isConversation, type Conversation, type GameAttempt } from "./history";
import { levelFor, levelsReached, type LevelId, type LevelStatus } from "./levels";
import { addScores, emptySkills, masteredProgress, masteredSkills, masteryOf, type MasteredProgress, type SkillsEvidence } from "./mastered";
import { checkSettings, type GameSettings } from "./settings";
import { countInWeek, streakOf, type Streak, type WeekCounts } from "./streak";
import { GameInputError } from "./time";
import { awardXp, emptyLedger, type XpAward, type XpLedger } from "./xp";

export type GameState = {
  /** The latest conversation applied: later ones must end after it. */
  last: { id: number; endedAt: string } | null;
  xp: number;
  ledger: XpLedger;
  skills: SkillsEvidence;
  weeks: WeekCounts;
  badges: BadgeProgress;
};

export const emptyGameState = (): GameState => ({
  last: null,
  xp: 0,
  ledger: emptyLedger(),
  skills: emptySkills(),
  weeks: {},
  badges: emptyBadgeProgress(),
});

/** What one conversation brought: its itemised XP, the badges and levels it reached. */
export type ConversationGain = { award: XpAward; badges: BadgeId[]; levels: LevelId[]; xpAfter: number };

function step(state: GameState, conversation: Conversation, settings: GameSettings): { state: GameState; gain: ConversationGain } {
  const { last } = state;
  if (last && compareConversations(last, conversation) >= 0) {
    throw new GameInputError(
      `attempt ${conversation.id} (ended ${conversation.endedAt}) is not after attempt ${last.id} (ended ${last.endedAt}), which is already counted; rebuild from the history instead`,
    );
  }
  const skills = addScores(state.skills, conversation.scores);
  const masteryAfter = Object.fromEntries(SKILLS.map((skill) => [skill, masteryOf(skills[skill])])) as Record<Skill, number | null>;
  const { award, ledger } = awardXp(state.ledger, conversation, masteryAfter, settings);
  const badges = trackBadges(state.badges, { ...conversation, masteredAfter: masteredSkills(skills) });
  const xp = state.xp + award.total;
  return {
    state: {
      last: { id: conversation.id, endedAt: conversation.endedAt },
      xp,
      ledger,
      skills,
      weeks: countInWeek(state.weeks, conversation.endedAt),
      badges: badges.progress,
    },
    gain: { award, badges: badges.earned, levels: levelsReached(state.xp, xp), xpAfter: xp },
  };
}

/**
 * Applies one attempt as it finishes. An attempt that does not count (abandoned, unfinished)
 * changes nothing and gains nothing.
 */
export function applyConversation(state: GameState, attempt: GameAttempt, settings: GameSettings): { state: GameState; gain: ConversationGain | null } {
  checkSettings(settings);
  if (!isConversation(attempt)) return { state, gain: null };
  return step(state, attempt, settings);
}

export type GameSummary = {
  xp: number;
  level: LevelStatus;
  streak: Streak;
  badges: BadgeStatus[];
  skills: Record<Skill, MasteredProgress>;
};

/** The totals a page shows, as of `asOf` (an ISO time: the streak depends on today). */
export function summarise(state: GameState, settings: GameSettings, asOf: string): GameSummary {
  checkSettings(settings);
  return {
    xp: state.xp,
    level: levelFor(state.xp),
    streak: streakOf(state.weeks, settings, asOf),
    badges: badgeStatuses(state.badges),
    skills: Object.fromEntries(SKILLS.map((skill) => [skill, masteredProgress(state.skills[skill])])) as Record<Skill, MasteredProgress>,
  };
}

export type RebuiltGame = GameSummary & { state: GameState; conversations: ConversationGain[] };

/** Everything from scratch: every finished conversation in the order it ended. */
export function rebuildGameState(history: readonly GameAttempt[], settings: GameSettings, asOf: string): RebuiltGame {
  checkSettings(settings);
  let state = emptyGameState();
  const conversations: ConversationGain[] = [];
  for (const conversation of conversationsOf(history)) {
    const next = step(state, conversation, settings);
    state = next.state;
    conversations.push(next.gain);
  }
  return { ...summarise(state, settings, asOf), state, conversations };
}
