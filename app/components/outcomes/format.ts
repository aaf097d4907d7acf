// Numbers on the outcomes page, written for people: whole percentages, correlations to two
// decimals, changes in points with a sign, and a real minus sign (U+2212) rather than a hyphen.

const MINUS = "\u2212";
const NUMBER_LOCALE: Record<string, string> = { en: "en-GB" };

const counters = new Map<string, Intl.NumberFormat>();

/** A count with the language's digit grouping: "1,234". (A formatter is costly to make: one per language.) */
export function formatCount(value: number, locale: string): string {
  let counter = counters.get(locale);
  if (!counter) counters.set(locale, (counter = new Intl.NumberFormat(NUMBER_LOCALE[locale] ?? locale)));
  return counter.format(value);
}

/** A percentage already on 0–100: "72%"; a dash when unknown. */
export function formatPercent(value: number | null): string {
  return value === null ? "—" : `${Math.round(value)}%`;
}

const signed = (text: string, value: number, plus: boolean) => (value < 0 ? `${MINUS}${text}` : plus && value > 0 ? `+${text}` : text);

/** A correlation: "0.42", "−0.13". */
export function formatR(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return signed(Math.abs(rounded).toFixed(2), rounded, false);
}

/**
 * A change in percentage points with its sign: "+5", "−3", "0". Whole points, except that a
 * change under one point keeps a decimal, so that +0.4 is not shown as a flat 0.
 */
export function formatPoints(value: number): string {
  const digits = Math.abs(value) < 1 ? 1 : 0;
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return signed(Math.abs(rounded).toFixed(digits), rounded, true);
}
