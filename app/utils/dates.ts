/**
 * Dates shown to people: day, month and year in their language, in UTC so the server and the
 * browser render the same text.
 */
export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(iso));
}
