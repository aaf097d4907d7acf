/**
 * npm run game -- check     Rebuilds every trainee's XP, levels, badges and streak from their
 *                           attempts in memory and compares with what is stored; exit 1 on any
 *                           difference. Writes nothing.
 * npm run game -- rebuild   Fills the facts of attempts finished before the game layer, then
 *                           rebuilds and stores every trainee's game state and review cards
 *                           from the attempts (and the review log).
 */
import { openMigratedDb } from "#db/db.server";
import { fillMissingFacts } from "~/game/backfill.server";
import { checkAgainstRebuild, rebuildGames } from "~/game/progress.server";
import { loadGameSettings } from "~/game-settings/settings.server";
import { listTraineeIds } from "~/models/game-state.server";
import { runCli, UsageError } from "./run-cli";

const USAGE = "usage: npm run game -- check | rebuild";

runCli(async () => {
  const command = process.argv[2];
  if (process.argv.length !== 3 || (command !== "check" && command !== "rebuild")) throw new UsageError(USAGE);
  const { db } = await openMigratedDb();
  const settings = await loadGameSettings();
  const trainees = await listTraineeIds();
  if (command === "rebuild") {
    const filled = await fillMissingFacts();
    const { xp, conversations, cards } = await rebuildGames(trainees);
    console.log(
      `${db.path}: rebuilt ${trainees.length} trainees from ${conversations} finished conversations ` +
        `(${xp} XP, ${cards} review cards in all); facts filled for ${filled} earlier attempts.`,
    );
    return;
  }
  const differences = [];
  let xp = 0;
  for (const userId of trainees) {
    const check = await checkAgainstRebuild(userId, settings);
    xp += check.rebuiltXp;
    if (!check.same) differences.push(check);
  }
  for (const check of differences.slice(0, 20)) {
    console.log(`trainee ${check.userId}: stored ${check.storedXp} XP, rebuilt ${check.rebuiltXp} XP from ${check.conversations} conversations`);
  }
  console.log(`${db.path}: ${trainees.length} trainees, ${xp} XP in all; ${differences.length} differ from a rebuild from their attempts.`);
  if (differences.length > 0) {
    console.log('A trainee whose stored state is behind is rebuilt when next seen; "npm run game -- rebuild" does all of them now.');
    process.exitCode = 1;
  }
});
