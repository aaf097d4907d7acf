/**
 * Attempts finished before the game layer have no stored facts (conversation-facts.ts). They are
 * worked out once, in small batches, in the background after start-up; until an attempt has
 * them, the game rules leave it out (progress.server.ts rebuilds a trainee once theirs are in).
 */
import { conversationFacts } from "~/attempts/conversation-facts";
import { loadVersion } from "~/attempts/version.server";
import { findAttempt, listAttemptTurns } from "~/models/attempt.server";
import { listAttemptsWithoutFacts, saveAttemptFacts } from "~/models/game-state.server";
import { rebuildTraineeGame } from "./progress.server";

const BATCH = 200;

/** Fills the facts of every completed attempt without them; returns how many were filled. */
export async function fillMissingFacts(): Promise<number> {
  let filled = 0;
  const skipped = new Set<number>();
  for (;;) {
    const batch = (await listAttemptsWithoutFacts(BATCH + skipped.size)).filter(({ id }) => !skipped.has(id));
    if (batch.length === 0) break;
    const trainees = new Set<number>();
    for (const { id, userId } of batch) {
      const attempt = await findAttempt(id);
      const version = attempt && (await loadVersion(attempt.scenarioHash));
      if (!attempt || !version) {
        skipped.add(id); // its version is gone: it cannot be rated, and stays out of the game
        continue;
      }
      const context = JSON.parse(attempt.snapshot).context;
      const times = new Map((await listAttemptTurns(id)).map((turn) => [turn.turn, turn.responseMs]));
      await saveAttemptFacts(id, conversationFacts(version.scenario, context, times));
      trainees.add(userId);
      filled++;
    }
    for (const userId of trainees) await rebuildTraineeGame(userId);
  }
  return filled;
}
