import { deleteExpiredDeepLinkRequests } from "~/models/lti-deep-link.server";
import { deleteExpiredHandoffs } from "~/models/lti-handoff.server";
import { deleteExpiredLaunchStates } from "~/models/lti-launch-state.server";

/** LTI's one-time rows past their expiry: launch states (with their nonces), handoffs and deep linking requests. */
export async function sweepLti(now: Date = new Date()): Promise<void> {
  await deleteExpiredLaunchStates(now);
  await deleteExpiredHandoffs(now);
  await deleteExpiredDeepLinkRequests(now);
}
