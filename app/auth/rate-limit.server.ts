import { claimSignInAttempt, releaseSignInAttempt, type FailureWindow } from "~/models/sign-in-failure.server";

export const SIGN_IN_WINDOW_MS = 10 * 60 * 1000;
export const SIGN_IN_MAX_FAILURES = 10;

export type SignInAllowance = { allowed: true; release: () => Promise<void> } | { allowed: false; retryAt: Date };

/**
 * After SIGN_IN_MAX_FAILURES failures for one email or from one IP within the window,
 * sign-in is refused until the oldest of those failures leaves the window.
 *
 * An allowed attempt already counts as a failure; `release` takes that back when the password
 * was right (a successful sign-in clears the email's failures anyway).
 */
export async function allowSignInAttempt(email: string, ip: string, now: Date = new Date()): Promise<SignInAllowance> {
  const claim = await claimSignInAttempt({
    email,
    ip,
    since: new Date(now.getTime() - SIGN_IN_WINDOW_MS),
    at: now,
    maxFailures: SIGN_IN_MAX_FAILURES,
  });
  if (claim.status === "claimed") return { allowed: true, release: () => releaseSignInAttempt(claim.failureId) };
  const blocking = [claim.email, claim.ip].filter((window) => window.failures >= SIGN_IN_MAX_FAILURES);
  return { allowed: false, retryAt: new Date(Math.max(...blocking.map((window) => retryTime(window, now)))) };
}

const retryTime = (window: FailureWindow, now: Date) => new Date(window.oldest ?? now.toISOString()).getTime() + SIGN_IN_WINDOW_MS;
