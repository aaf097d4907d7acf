/** Nearest-rank percentile of `values` (need not be sorted); NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export type Summary = { count: number; mean: number; p50: number; p95: number; p99: number; max: number };

export function summarise(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => percentile(sorted, p);
  return {
    count: sorted.length,
    mean: sorted.length === 0 ? Number.NaN : sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

export const ms = (value: number, digits = 1) => `${value.toFixed(digits)} ms`;
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
export const int = (value: number) => Math.round(value).toLocaleString("en-GB");

/** Counts per HTTP status, e.g. { 200: 1234, 302: 1234 }. */
export class StatusCounts {
  readonly counts = new Map<number, number>();
  add(status: number) {
    this.counts.set(status, (this.counts.get(status) ?? 0) + 1);
  }
  total(): number {
    let total = 0;
    for (const count of this.counts.values()) total += count;
    return total;
  }
  /** Responses outside 2xx/3xx. */
  failures(): number {
    let failures = 0;
    for (const [status, count] of this.counts) if (status < 200 || status >= 400) failures += count;
    return failures;
  }
  toString(): string {
    return [...this.counts].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${int(count)}`).join(", ") || "none";
  }
}
