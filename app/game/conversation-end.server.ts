/**
 * What happens when a conversation ends, after its last reply is stored: XP, levels and badges
 * (progress.server.ts), review cards of its missed decisions, and the certificate check.
 *
 * The reply is already recorded when this runs, so a failure here must not turn the trainee's
 * choice into an error page: each part is tried on its own and a failure is logged. Nothing is
 * lost by it: the game state is rebuilt from the attempts when it is next read, and the other
 * parts are idempotent and run again on the trainee's next finished conversation or visit.
 *
 * Trainers and admins play the catalogue too; the game is the trainees' alone, so for anyone else
 * nothing runs: no game state, no review cards, no certificate.
 */
import { checkCertification } from "~/certificates/certification.server";
import { findUserById } from "~/models/user.server";
import { recordReviewCards } from "~/review/record.server";
import { applyFinishedAttempt } from "./progress.server";

export async function afterConversation(userId: number, attemptId: number, now: Date = new Date()): Promise<void> {
  // Read here rather than passed in, so no caller can forget it. A failed read skips the parts,
  // which the next read or conversation makes good, like any other failure here.
  const player = await findUserById(userId).catch((error: unknown) => {
    console.error(`after attempt ${attemptId} of user ${userId}: reading the player failed; the game catches up on the next read`, error);
    return null;
  });
  if (player?.role !== "trainee") return;
  const parts: [string, () => Promise<unknown>][] = [
    ["game progress", () => applyFinishedAttempt(userId, attemptId)],
    ["review cards", () => recordReviewCards(attemptId)],
    ["certification", () => checkCertification(userId, now)],
  ];
  for (const [name, run] of parts) {
    try {
      await run();
    } catch (error) {
      console.error(`after attempt ${attemptId} of user ${userId}: ${name} failed; it is made good on the next read or conversation`, error);
    }
  }
}
