/**
 * "Replies faster than reading": did the trainee have time to read what was on screen before
 * answering? A floor, not a speed test: it only catches replies nobody could have read for.
 *
 * What must be read at a turn: the customer's lines at that step and every reply on offer (you
 * cannot choose well among replies you have not read).
 *
 * The rule: a reply needs at least max(1.5 s, 0.05 s × words) of reading time. An adult reads
 * continuous prose silently at about 240 words a minute (0.25 s a word) and skims at two to three
 * times that; 0.05 s a word is 1,200 words a minute, five times average reading and about twice
 * the fastest skimming, so only a reply given without reading falls under it. The 1.5 s floor
 * covers short turns (finding and pressing a button takes about that long), and together they
 * make the example, a 30-word turn answered in under 1.5 s, fast.
 *
 * Reading time is the server's response time (from the step being shown to the choice arriving)
 * less the "typing…" pause that JavaScript adds before the customer's new line and the replies
 * become usable: every turn after the first, since the play page mounts on the first one. The
 * server cannot see whether JavaScript ran; it assumes it did (every supported browser runs it).
 * For a trainee without JavaScript this under-counts reading time by the pause, which a full page
 * load roughly takes back, and the rule above is far from the borderline either way.
 */

/** Must equal TYPING_PAUSE_MS in app/routes/train.attempts.$attemptId._index.tsx (reading.test.ts checks). */
export const JS_TYPING_PAUSE_MS = 800;
export const MIN_READING_MS = 1_500;
export const READING_MS_PER_WORD = 50;
/** An attempt is flagged when at least this share of its replies came faster than reading. */
export const FAST_ATTEMPT_SHARE = 0.5;

export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? 0 : trimmed.split(/\s+/).length;
}

export function minimumReadingMs(words: number): number {
  return Math.max(MIN_READING_MS, words * READING_MS_PER_WORD);
}

/** Time the trainee had to read turn `turn` (1-based) whose reply arrived `responseMs` after the step was shown. */
export function readingTimeMs(turn: number, responseMs: number): number {
  return Math.max(0, responseMs - (turn > 1 ? JS_TYPING_PAUSE_MS : 0));
}

export type TimedTurn = { turn: number; responseMs: number; words: number };
export type FastReplies = { fast: number; replies: number; share: number; flagged: boolean };

export function isFastReply(turn: TimedTurn): boolean {
  return readingTimeMs(turn.turn, turn.responseMs) < minimumReadingMs(turn.words);
}

/** How many of an attempt's replies came faster than reading, and whether that flags the attempt. */
export function fastReplies(turns: readonly TimedTurn[]): FastReplies {
  const fast = turns.filter(isFastReply).length;
  const share = turns.length === 0 ? 0 : fast / turns.length;
  return { fast, replies: turns.length, share, flagged: turns.length > 0 && share >= FAST_ATTEMPT_SHARE };
}
