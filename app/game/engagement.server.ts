/**
 * Engagement on the team overview, per trainee on the page shown: XP earned this ISO week, the
 * weekly streak, and review cards due. Read from what the conversation-end hook stores (awards,
 * game states, review cards), a fixed number of queries whatever the page size.
 */
import { dueCutoff } from "~/review/schedule";
import { listGameStates, xpSince } from "~/models/game-state.server";
import { dueCardCounts } from "~/models/review-card.server";
import { loadGameSettings } from "~/game-settings/settings.server";
import type { GameState } from "./rebuild";
import { streakOf } from "./streak";
import { utcDay, weekStart } from "./time";

export type Engagement = { xpThisWeek: number; streak: number; reviewsDue: number };

export async function engagementOf(userIds: readonly number[], now: Date = new Date()): Promise<Record<number, Engagement>> {
  const iso = now.toISOString();
  const [xp, states, due, settings] = await Promise.all([
    xpSince(userIds, weekStart(utcDay(iso))),
    listGameStates(userIds),
    dueCardCounts(userIds, dueCutoff(iso)),
    loadGameSettings(),
  ]);
  const result: Record<number, Engagement> = {};
  for (const id of userIds) {
    const json = states.get(id);
    // A state not built yet (a trainee never seen since the game layer) has no streak to show yet.
    const weeks = json ? ((JSON.parse(json) as GameState).weeks ?? {}) : {};
    result[id] = { xpThisWeek: xp.get(id) ?? 0, streak: streakOf(weeks, settings, iso).current, reviewsDue: due.get(id) ?? 0 };
  }
  return result;
}
