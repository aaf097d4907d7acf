// The English interface is written in British English, so its dates read "23 Nov 2026".
const DATE_LOCALE: Record<string, string> = { en: "en-GB" };

/**
 * Dates shown to people: day, month and year in their language, in UTC so the server and the
 * browser render the same text.
 */
export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(DATE_LOCALE[locale] ?? locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(iso));
}
