/** Timestamps are stored as ISO 8601 UTC strings: readable in exports and sortable as text. */
export function isoNow(now: Date = new Date()): string {
  return now.toISOString();
}
