import { SKILLS } from "~/domain/vocabulary";

/**
 * Reading the packed rows of outcome-report.server.ts. An admin's report reads 100,000 tickets
 * and 50,000 attempts in a few rows of text; a string, object or Date per item made the garbage
 * collector the largest cost of the page, so times become numbers read digit by digit, straight
 * out of the text, and everything else lands in typed arrays.
 */

/** One agent's current tickets, oldest first; per ticket satisfied and resolved are 1, 0 or -1 (unknown), the rating 0–1 or NaN. */
export type AgentTickets = { userId: number; time: Float64Array; satisfied: Int8Array; rating: Float64Array; resolved: Int8Array };

/** In MasteryHistory.scores: a skill the attempt did not assess. */
export const NOT_ASSESSED = -1;

/**
 * A trainee's finished attempts in the order mastery takes them (by end time, then id): end times
 * (ms), their calendar months (year × 12 + month − 1) and five scores per attempt in SKILLS order.
 */
export type MasteryHistory = { userId: number; endedAt: Float64Array; month: Int32Array; scores: Int16Array };

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil): exact for every year 0000–9999, unlike Date.UTC below 100. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/** The number made of the digits at [start, start + length); NaN when one is not a digit. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return Number.NaN;
    value = value * 10 + code - 48;
  }
  return value;
}

/**
 * The instant written "YYYY-MM-DDTHH:MM:SS[.fraction]Z" in text[start, end), in ms since 1970
 * (fractions beyond milliseconds dropped); NaN when it is not written so. The calendar month is
 * put in `month[0]` (year × 12 + month − 1), which saves reading the date twice.
 */
export function readInstant(text: string, start: number, end: number, month: Int32Array | null = null): number {
  const length = end - start;
  // Plain locals and character codes throughout: this runs 150,000 times for an admin's page.
  if (length < 20 || length > 30 || text.charCodeAt(end - 1) !== 90) return Number.NaN;
  const dash = 45;
  if (text.charCodeAt(start + 4) !== dash || text.charCodeAt(start + 7) !== dash || text.charCodeAt(start + 10) !== 84) return Number.NaN;
  if (text.charCodeAt(start + 13) !== 58 || text.charCodeAt(start + 16) !== 58) return Number.NaN;
  const year = digits(text, start, 4);
  const monthOfYear = digits(text, start + 5, 2);
  const day = digits(text, start + 8, 2);
  const hour = digits(text, start + 11, 2);
  const minute = digits(text, start + 14, 2);
  const second = digits(text, start + 17, 2);
  if (!(monthOfYear >= 1 && monthOfYear <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 60)) return Number.NaN;
  let fraction = 0;
  if (length > 20) {
    if (text.charCodeAt(start + 19) !== 46 || length === 21) return Number.NaN;
    const places = Math.min(3, length - 21);
    fraction = digits(text, start + 20, places) * 10 ** (3 - places);
    if (Number.isNaN(digits(text, start + 20, length - 21))) return Number.NaN;
  }
  if (month) month[0] = year * 12 + monthOfYear - 1;
  return daysFromCivil(year, monthOfYear, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + fraction;
}

// A flag as packed: "1", "0", or "-" for unknown.
const flag = (code: number) => (code === 49 ? 1 : code === 48 ? 0 : code === 45 ? -1 : Number.NaN);

/**
 * Reads "<satisfied><resolved><time> <rating>,…" (see ticketsOfTrainees) and puts the tickets in
 * time order if they came in another. Gives the flawed ticket's text when the text is not that shape.
 */
export function unpackTickets(userId: number, packed: string): AgentTickets | string {
  let count = 1;
  for (let comma = packed.indexOf(","); comma >= 0; comma = packed.indexOf(",", comma + 1)) count++;
  const tickets = { time: new Float64Array(count), satisfied: new Int8Array(count), rating: new Float64Array(count), resolved: new Int8Array(count) };
  let sorted = true;
  for (let i = 0, start = 0; i < count; i++) {
    const comma = packed.indexOf(",", start);
    const end = comma < 0 ? packed.length : comma;
    const space = packed.indexOf(" ", start + 2);
    const satisfied = flag(packed.charCodeAt(start));
    const resolved = flag(packed.charCodeAt(start + 1));
    const time = space < 0 || space > end ? Number.NaN : readInstant(packed, start + 2, space);
    const rating = space + 1 >= end ? Number.NaN : Number(packed.slice(space + 1, end));
    if (Number.isNaN(satisfied) || Number.isNaN(resolved) || Number.isNaN(time) || (space + 1 < end && !(rating >= 0 && rating <= 1))) {
      return packed.slice(start, end);
    }
    if (i > 0 && time < tickets.time[i - 1]!) sorted = false;
    tickets.time[i] = time;
    tickets.satisfied[i] = satisfied;
    tickets.resolved[i] = resolved;
    tickets.rating[i] = rating;
    start = end + 1;
  }
  if (sorted) return { userId, ...tickets };
  const order = Array.from(tickets.time.keys()).sort((a, b) => tickets.time[a]! - tickets.time[b]! || a - b);
  return {
    userId,
    time: Float64Array.from(order, (i) => tickets.time[i]!),
    satisfied: Int8Array.from(order, (i) => tickets.satisfied[i]!),
    rating: Float64Array.from(order, (i) => tickets.rating[i]!),
    resolved: Int8Array.from(order, (i) => tickets.resolved[i]!),
  };
}

/**
 * Reads "end,s1,s2,s3,s4,s5;end,…" (see masteryHistories; an empty score is NOT_ASSESSED). Gives
 * the text around the first flaw when it is not that shape.
 */
export function unpackAttempts(userId: number, packed: string): MasteryHistory | string {
  let count = 1;
  for (let semicolon = packed.indexOf(";"); semicolon >= 0; semicolon = packed.indexOf(";", semicolon + 1)) count++;
  const history: MasteryHistory = { userId, endedAt: new Float64Array(count), month: new Int32Array(count), scores: new Int16Array(count * SKILLS.length) };
  const month = new Int32Array(1);
  let at = 0;
  for (let i = 0; i < count; i++) {
    const comma = packed.indexOf(",", at);
    const endedAt = comma < 0 ? Number.NaN : readInstant(packed, at, comma, month);
    if (Number.isNaN(endedAt)) return packed.slice(at, at + 60);
    history.endedAt[i] = endedAt;
    history.month[i] = month[0]!;
    at = comma + 1;
    for (let s = 0; s < SKILLS.length; s++) {
      const start = at;
      while (at < packed.length && packed.charCodeAt(at) >= 48 && packed.charCodeAt(at) <= 57) at++;
      const score = at === start ? NOT_ASSESSED : digits(packed, start, at - start);
      const separator = packed.charCodeAt(at);
      const expected = s < SKILLS.length - 1 ? separator === 44 : separator === 59 || at === packed.length;
      if (!expected || at - start > 3 || score > 100) return packed.slice(Math.max(0, at - 40), at + 20);
      history.scores[i * SKILLS.length + s] = score;
      at++;
    }
  }
  return history;
}
