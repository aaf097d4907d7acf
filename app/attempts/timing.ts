import type { Timing } from "~/domain/timing";

/** Seconds the trainee has for a reply at a step under the setting; null: no limit. */
export function patienceUnder(timing: Timing, patienceSeconds: number | null): number | null {
  if (patienceSeconds === null || timing === "none") return null;
  return timing === "extended" ? patienceSeconds * 2 : patienceSeconds;
}

/**
 * The trainee sees a short "typing…" pause and the page round trip before they can answer,
 * so the server allows this much on top of the customer's patience before a reply counts as late.
 */
export const LATENESS_GRACE_MS = 1_500;

export function replyDeadline(stepShownAt: string, patienceSeconds: number | null): Date | null {
  return patienceSeconds === null ? null : new Date(new Date(stepShownAt).getTime() + patienceSeconds * 1000);
}

export function isLate(deadline: Date | null, now: Date): boolean {
  return deadline !== null && now.getTime() > deadline.getTime() + LATENESS_GRACE_MS;
}
