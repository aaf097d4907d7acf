import { sweepLti } from "~/lti/housekeeping.server";
import { deleteExpiredSessions } from "~/models/session.server";
import { sweepOutcomes } from "~/outcomes/housekeeping.server";
import { deleteSignInFailuresBefore } from "~/models/sign-in-failure.server";
import { SIGN_IN_WINDOW_MS } from "./rate-limit.server";

const SWEEP_EVERY_MS = 60 * 60 * 1000;

/**
 * Deletes sessions past their expiry, sign-in failures that no longer count towards the limit,
 * helpdesk outcomes past their retention, uploads nobody committed and LTI's expired one-time rows.
 */
export async function sweepExpiredRecords(now: Date = new Date()): Promise<void> {
  await deleteExpiredSessions(now);
  await deleteSignInFailuresBefore(new Date(now.getTime() - SIGN_IN_WINDOW_MS));
  await sweepOutcomes(now);
  await sweepLti(now);
}

/** Sweeps at start-up and then hourly, so neither table grows without bound on a long-running server. */
export function startHousekeeping(): void {
  const sweep = () =>
    sweepExpiredRecords().catch((error: unknown) =>
      console.warn(`Housekeeping skipped: ${error instanceof Error ? error.message : String(error)}`),
    );
  void sweep();
  setInterval(sweep, SWEEP_EVERY_MS).unref();
}
