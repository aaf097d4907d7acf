/**
 * Levels: named stages along the XP a trainee has earned. Thresholds are spaced for the library's
 * size: one good first conversation reaches Listener, and Mentor needs most scenarios handled
 * well, every skill's mastery high and steady review on top. Names are ids here; their words
 * live in the copy (app/locales/en/game.ts), like every interface string.
 */

export const LEVELS = [
  { id: "newcomer", minXp: 0 },
  { id: "listener", minXp: 250 },
  { id: "problem-solver", minXp: 750 },
  { id: "steady-hand", minXp: 1_500 },
  { id: "trusted-adviser", minXp: 2_500 },
  { id: "mentor", minXp: 4_000 },
] as const;

export type LevelId = (typeof LEVELS)[number]["id"];

export type LevelStatus = {
  id: LevelId;
  /** 1-based, for "Level 3 of 6". */
  number: number;
  minXp: number;
  /** The level after this one, or null at the top. */
  next: { id: LevelId; minXp: number } | null;
  /** XP earned since this level began, and still needed for the next (0 at the top). */
  xpIntoLevel: number;
  xpToNext: number;
  /** 0..100 towards the next level; 100 at the top. */
  percent: number;
};

export function levelFor(xp: number): LevelStatus {
  if (!Number.isInteger(xp) || xp < 0) throw new RangeError(`XP ${xp} is not a whole number of at least 0`);
  let index = 0;
  while (index + 1 < LEVELS.length && xp >= LEVELS[index + 1]!.minXp) index++;
  const level = LEVELS[index]!;
  const next = LEVELS[index + 1] ?? null;
  const xpIntoLevel = xp - level.minXp;
  if (!next) return { id: level.id, number: index + 1, minXp: level.minXp, next: null, xpIntoLevel, xpToNext: 0, percent: 100 };
  const span = next.minXp - level.minXp;
  return {
    id: level.id,
    number: index + 1,
    minXp: level.minXp,
    next: { id: next.id, minXp: next.minXp },
    xpIntoLevel,
    xpToNext: next.minXp - xp,
    percent: Math.floor((100 * xpIntoLevel) / span),
  };
}

/** Levels passed between two totals (oldest first), for the level-up moment on the debrief. */
export function levelsReached(xpBefore: number, xpAfter: number): LevelId[] {
  return LEVELS.filter((level) => level.minXp > xpBefore && level.minXp <= xpAfter).map((level) => level.id);
}
