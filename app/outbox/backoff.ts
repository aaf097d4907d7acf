/**
 * The wait before try `attempts + 1`, after `attempts` failed tries: base × 2^(attempts − 1), capped, with "equal
 * jitter" (half of it fixed, half random) so that the deliveries held up by one outage do not all come back at once,
 * while a retry never comes much sooner than planned.
 */
export function backoffDelay(attempts: number, { baseMs, maxMs }: { baseMs: number; maxMs: number }, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 40);
  const planned = Math.min(maxMs, baseMs * 2 ** exponent);
  return Math.round(planned / 2 + random() * (planned / 2));
}
