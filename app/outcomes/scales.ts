import type { RatingScale } from "~/domain/outcomes";

export type NormalisedRating = { rating: number; satisfied: 0 | 1 };

const GOOD = new Set(["good", "satisfied", "yes", "positive", "👍", "great"]);
const BAD = new Set(["bad", "unsatisfied", "dissatisfied", "no", "negative", "👎", "not good"]);

/** The lowest value, the highest, and the first value that counts as satisfied, per numeric scale. */
const NUMERIC: Record<Exclude<RatingScale, "good-bad">, { min: number; max: number; satisfiedFrom: number }> = {
  "1-5": { min: 1, max: 5, satisfiedFrom: 4 },
  "1-10": { min: 1, max: 10, satisfiedFrom: 9 },
  "0-10": { min: 0, max: 10, satisfiedFrom: 9 },
};

/**
 * One rating on 0–1 (linear over the scale) and whether it counts as satisfied in the industry's
 * CSAT sense. A string explains a value the scale cannot hold.
 */
export function normaliseRating(raw: string, scale: RatingScale): NormalisedRating | string {
  const value = raw.trim().toLowerCase();
  if (scale === "good-bad") {
    if (GOOD.has(value)) return { rating: 1, satisfied: 1 };
    if (BAD.has(value)) return { rating: 0, satisfied: 0 };
    return `"${raw.trim()}" is not a good/bad rating`;
  }
  const { min, max, satisfiedFrom } = NUMERIC[scale];
  const number = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(number) || number < min || number > max) return `"${raw.trim()}" is not a whole number from ${min} to ${max}`;
  return { rating: Math.round(((number - min) / (max - min)) * 1000) / 1000, satisfied: number >= satisfiedFrom ? 1 : 0 };
}

/**
 * The scale a column of ratings most likely uses, or null when it cannot tell (no ratings, or
 * values no scale holds). A 10-point column without a 0 could be 1–10 or 0–10; it is read as
 * 1–10 and the preview says so, because the person uploading knows and can choose.
 */
export function detectScale(values: Iterable<string>): { scale: RatingScale; ambiguous: boolean } | null {
  let words = 0;
  let numbers = 0;
  let min = Infinity;
  let max = -Infinity;
  let other = 0;
  for (const raw of values) {
    const value = raw.trim().toLowerCase();
    if (value === "") continue;
    if (GOOD.has(value) || BAD.has(value)) words++;
    else if (/^\d+$/.test(value)) {
      numbers++;
      min = Math.min(min, Number(value));
      max = Math.max(max, Number(value));
    } else other++;
  }
  if (words > 0 && numbers === 0) return { scale: "good-bad", ambiguous: false };
  if (numbers === 0 || words > 0 || other > numbers) return null;
  if (max <= 5 && min >= 1) return { scale: "1-5", ambiguous: false };
  if (max <= 10 && min === 0) return { scale: "0-10", ambiguous: false };
  if (max <= 10) return { scale: "1-10", ambiguous: true };
  return null;
}
