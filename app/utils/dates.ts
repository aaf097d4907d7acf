// The English interface is written in British English, so its dates read "23 Nov 2026".
const DATE_LOCALE: Record<string, string> = { en: "en-GB" };

/**
 * Dates shown to people: day, month and year in their language, in UTC so the server and the
 * browser render the same text.
 */
export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(DATE_LOCALE[locale] ?? locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(iso));
}

/** A calendar month ("2026-09") as people read it: "Sep 2026". */
export function formatMonth(period: string, locale: string): string {
  return new Intl.DateTimeFormat(DATE_LOCALE[locale] ?? locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${period}-01T00:00:00.000Z`));
}

/** A moment ("4 Dec 2026, 14:05 UTC"), for histories and logs where the hour matters. */
export function formatDateTime(iso: string, locale: string): string {
  const text = new Intl.DateTimeFormat(DATE_LOCALE[locale] ?? locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "UTC",
  }).format(new Date(iso));
  return `${text} UTC`;
}
