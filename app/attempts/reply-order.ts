/**
 * The order in which an attempt shows a step's replies. Authors tend to write the best reply
 * first, so the authored order would teach "always pick the first"; each attempt gets its own
 * order instead, derived from a per-attempt seed so that it survives reloads and restarts
 * without being stored per step.
 *
 * Only the view layer uses this: the engine, its snapshots and the CLI keep the authored order.
 */

import { shuffleByKey } from "~/engine/random";

/** A random seed for a new attempt: any 32-bit unsigned integer. */
export const ORDER_SEED_LIMIT = 2 ** 32;

/**
 * A Fisher–Yates shuffle of every authored reply of the step, driven by (seed, step id), then
 * filtered to the replies visible now. Shuffling the whole step (not just what is visible)
 * keeps a reply's place relative to the others when flags hide some of them, and makes a
 * second visit to the step show the same order as the first. `seed` null: an attempt begun
 * before replies were shuffled, shown (and reviewed) in the authored order.
 */
export function orderReplies(seed: number | null, stepId: string, authored: readonly string[], visible: Iterable<string> = authored): string[] {
  const shown = new Set(visible);
  if (seed === null) return authored.filter((id) => shown.has(id));
  return shuffleByKey(authored, `${seed >>> 0}:${stepId}`).filter((id) => shown.has(id));
}

/** `items` (anything with an id) in the attempt's order for this step. */
export function inReplyOrder<T extends { id: string }>(seed: number | null, stepId: string, authored: readonly string[], items: readonly T[]): T[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  return orderReplies(seed, stepId, authored, byId.keys()).map((id) => byId.get(id)!);
}
