import { countRecentFailures } from "~/models/sign-in-failure.server";

export const SIGN_IN_WINDOW_MS = 10 * 60 * 1000;
export const SIGN_IN_MAX_FAILURES = 10;

export type SignInAllowance = { allowed: true } | { allowed: false; retryAt: Date };

/**
 * After SIGN_IN_MAX_FAILURES failures for one email or from one IP within the window,
 * sign-in is refused until the oldest of those failures leaves the window.
 */
export async function checkSignInAllowance(email: string, ip: string, now: Date = new Date()): Promise<SignInAllowance> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const recent = await countRecentFailures(email, ip, since);
  const blocking = [recent.email, recent.ip].filter((window) => window.failures >= SIGN_IN_MAX_FAILURES);
  if (blocking.length === 0) return { allowed: true };
  const retryAt = Math.max(
    ...blocking.map((window) => new Date(window.oldest ?? now.toISOString()).getTime() + SIGN_IN_WINDOW_MS),
  );
  return { allowed: false, retryAt: new Date(retryAt) };
}
