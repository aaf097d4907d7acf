/**
 * The trainee's game state in storage: applied as each conversation ends, rebuilt from the
 * attempts whenever the stored state does not account for every finished attempt (a write lost
 * to a crash, two conversations ending at once, attempts finished before the game layer).
 * Both paths run the same rules (rebuild.ts), so they agree; `npm run game -- check` proves it
 * on a whole database.
 */
import { loadGameSettings } from "~/game-settings/settings.server";
import { rebuildReviewCards } from "~/review/record.server";
import {
  findGameHistoryRow,
  findGameState,
  listGameHistory,
  replaceGameState,
  saveGameStep,
  scoresOf,
  type GameHistoryRow,
  type StoredAward,
} from "~/models/game-state.server";
import type { GameAttempt } from "./history";
import { applyConversation, emptyGameState, rebuildGameState, type ConversationGain, type GameState } from "./rebuild";
import type { GameSettings } from "./settings";
import { GameInputError } from "./time";

export function gameAttemptOf(row: GameHistoryRow): GameAttempt {
  return {
    id: row.id,
    status: "completed",
    scenarioId: row.scenario_id,
    persona: row.persona,
    channel: row.channel,
    difficulty: row.difficulty,
    endedAt: row.ended_at,
    outcome: row.outcome,
    scores: scoresOf(row),
    overall: row.overall,
    replies: { best: row.best_replies, fair: row.fair_replies, poor: row.poor_replies },
    lowestMood: row.lowest_mood,
    rushed: row.rushed,
  };
}

const storedAward = (gain: ConversationGain): StoredAward => ({
  attemptId: gain.award.attemptId,
  day: gain.award.day,
  xp: gain.award.total,
  lines: JSON.stringify(gain.award.lines),
  badges: JSON.stringify(gain.badges),
  levels: JSON.stringify(gain.levels),
});

function parseState(json: string | null): GameState | null {
  if (json === null) return null;
  try {
    const state = JSON.parse(json) as GameState;
    return typeof state.xp === "number" && state.ledger && state.skills && state.badges && state.weeks ? state : null;
  } catch {
    return null;
  }
}

export type TraineeGame = { state: GameState; settings: GameSettings };

/** Rebuilds a trainee's state and every award from their finished attempts, and stores it. */
export async function rebuildTraineeGame(userId: number, settings?: GameSettings): Promise<TraineeGame & { conversations: number }> {
  const rules = settings ?? (await loadGameSettings());
  const { rows } = await listGameHistory(userId);
  const rebuilt = rebuildGameState(rows.map(gameAttemptOf), rules, new Date().toISOString());
  await replaceGameState(userId, {
    state: JSON.stringify(rebuilt.state),
    xp: rebuilt.state.xp,
    conversations: rows.length,
    awards: rebuilt.conversations.map(storedAward),
  });
  return { state: rebuilt.state, settings: rules, conversations: rows.length };
}

/** The trainee's current game state, rebuilt first when it does not account for every finished attempt. */
export async function traineeGame(userId: number): Promise<TraineeGame> {
  const [stored, settings] = await Promise.all([findGameState(userId), loadGameSettings()]);
  const state = parseState(stored.state);
  if (stored.completed === 0) return { state: state ?? emptyGameState(), settings };
  if (state && stored.conversations === stored.completed) return { state, settings };
  return rebuildTraineeGame(userId, settings);
}

/**
 * Applies the conversation that just ended on top of the stored state; when that state is not
 * exactly one conversation behind, or the conversation does not come after it, rebuilds instead.
 */
export async function applyFinishedAttempt(userId: number, attemptId: number): Promise<void> {
  const [stored, settings, row] = await Promise.all([findGameState(userId), loadGameSettings(), findGameHistoryRow(attemptId)]);
  const state = stored.conversations === 0 ? emptyGameState() : parseState(stored.state);
  // The stored count covers only attempts with facts, so an earlier attempt still without them
  // makes the state more than one behind, and this rebuilds.
  const oneBehind = stored.conversations === stored.completed - 1;
  if (row && state && oneBehind) {
    try {
      const { state: next, gain } = applyConversation(state, gameAttemptOf(row), settings);
      if (gain && (await saveGameStep(userId, { before: stored.conversations, state: JSON.stringify(next), xp: next.xp, award: storedAward(gain) }))) return;
    } catch (error) {
      // Out of order (another conversation of this trainee ended after it and was applied first): rebuild below.
      if (!(error instanceof GameInputError)) throw error;
    }
  }
  await rebuildTraineeGame(userId, settings);
}

export type RebuildCheck = { userId: number; storedXp: number; rebuiltXp: number; conversations: number; same: boolean };

/** Rebuilds a trainee's state in memory and compares it with the stored one; writes nothing. */
export async function checkAgainstRebuild(userId: number, settings: GameSettings): Promise<RebuildCheck> {
  const [stored, { rows }] = await Promise.all([findGameState(userId), listGameHistory(userId)]);
  const rebuilt = rebuildGameState(rows.map(gameAttemptOf), settings, new Date().toISOString());
  const state = parseState(stored.state) ?? emptyGameState();
  const same = stored.conversations === rows.length && JSON.stringify(state) === JSON.stringify(rebuilt.state);
  return { userId, storedXp: stored.xp, rebuiltXp: rebuilt.state.xp, conversations: rows.length, same };
}

/**
 * Rebuilds and stores everything the game derives from each of `userIds`' attempts: the game
 * state with its awards, and the review cards (after a history is seeded, or to restore them).
 */
export async function rebuildGames(userIds: Iterable<number>): Promise<{ xp: number; conversations: number; cards: number }> {
  const settings = await loadGameSettings();
  const totals = { xp: 0, conversations: 0, cards: 0 };
  for (const userId of userIds) {
    const rebuilt = await rebuildTraineeGame(userId, settings);
    totals.xp += rebuilt.state.xp;
    totals.conversations += rebuilt.conversations;
    totals.cards += (await rebuildReviewCards(userId)).cards;
  }
  return totals;
}
