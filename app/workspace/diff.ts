/**
 * The line diff between two versions of a scenario, for the workspace's history. Browser-safe and
 * pure: jsdiff finds the changes, this module shapes them into hunks of numbered rows.
 */
import { structuredPatch } from "diff";
import { MAX_SOURCE_BYTES, sourceBytes } from "./source";

/** Lines of unchanged text shown around each change. */
export const DIFF_CONTEXT = 3;
/** The most rows (changed and context lines together) a diff shows. */
export const MAX_DIFF_ROWS = 5000;
/**
 * The most added plus removed lines jsdiff may look for. Its cost grows with the square of this:
 * on this project's machine two 256 KB sources with nothing in common give up after about 150 ms
 * at 1,000 and take six seconds at 5,000. Nobody reads a thousand changed lines in a table anyway.
 */
export const MAX_CHANGED_LINES = 1000;
/**
 * A scenario of tens of thousands of lines is not one a person wrote; refusing it early keeps the
 * worst case (262,144 one-character lines) from costing most of a second.
 */
export const MAX_DIFF_LINES = 20_000;
/** A last guard for inputs the limits above did not foresee; only such inputs can meet it. */
const TIME_LIMIT_MS = 1000;

/** A side of a comparison: a version number, or the current draft. */
export type DiffSide = number | "draft";

export type DiffRow = { kind: "same" | "added" | "removed"; oldLine: number | null; newLine: number | null; text: string };

/** The first and last line (1-based, inclusive) a hunk covers on one side; null when it covers none. */
export type LineRange = { first: number; last: number } | null;

export type DiffHunk = { old: LineRange; new: LineRange; rows: DiffRow[] };

/** What differs without being shown as a changed line. */
export type DiffNotes = {
  /** One source uses Windows line endings (CRLF) and the other does not; lines are compared as if both used LF. */
  lineEndings: boolean;
  /** One source ends with a line break and the other does not; that alone is not a changed line. */
  finalNewline: boolean;
};

export type TooLargeReason = "source" | "lines" | "changes" | "rows";

export type VersionDiff =
  | { tooLarge: false; hunks: DiffHunk[]; added: number; removed: number; notes: DiffNotes }
  | { tooLarge: true; reason: TooLargeReason; limit: number };

function lineCount(text: string): number {
  let count = 0;
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) count++;
  return count;
}

/** LF line endings and, unless empty, a final line break, so that neither shows as a changed line. */
function normalise(source: string): string {
  const lf = source.replace(/\r\n/g, "\n");
  return lf === "" || lf.endsWith("\n") ? lf : `${lf}\n`;
}

function range(start: number, count: number): LineRange {
  return count === 0 ? null : { first: start, last: start + count - 1 };
}

const KINDS = { " ": "same", "+": "added", "-": "removed" } as const;

/**
 * The changes from `oldSource` to `newSource` as hunks with three lines of context, or a
 * `tooLarge` marker with the limit that was passed: a source over 256 KB or 20,000 lines, more
 * than 1,000 changed lines, or more than 5,000 rows to show. Identical sources have no hunks.
 */
export function diffVersions(oldSource: string, newSource: string): VersionDiff {
  if (sourceBytes(oldSource) > MAX_SOURCE_BYTES || sourceBytes(newSource) > MAX_SOURCE_BYTES) return { tooLarge: true, reason: "source", limit: MAX_SOURCE_BYTES };
  const oldText = normalise(oldSource);
  const newText = normalise(newSource);
  if (lineCount(oldText) > MAX_DIFF_LINES || lineCount(newText) > MAX_DIFF_LINES) return { tooLarge: true, reason: "lines", limit: MAX_DIFF_LINES };
  const notes: DiffNotes = {
    lineEndings: oldSource.includes("\r\n") !== newSource.includes("\r\n"),
    finalNewline: oldSource !== "" && newSource !== "" && /\n$/.test(oldSource) !== /\n$/.test(newSource),
  };
  if (oldText === newText) return { tooLarge: false, hunks: [], added: 0, removed: 0, notes };
  const patch = structuredPatch("", "", oldText, newText, undefined, undefined, { context: DIFF_CONTEXT, maxEditLength: MAX_CHANGED_LINES, timeout: TIME_LIMIT_MS });
  if (!patch) return { tooLarge: true, reason: "changes", limit: MAX_CHANGED_LINES };

  const hunks: DiffHunk[] = [];
  let added = 0;
  let removed = 0;
  let rowCount = 0;
  for (const hunk of patch.hunks) {
    rowCount += hunk.lines.length;
    if (rowCount > MAX_DIFF_ROWS) return { tooLarge: true, reason: "rows", limit: MAX_DIFF_ROWS };
    const rows: DiffRow[] = [];
    let oldLine = hunk.oldStart;
    let newLine = hunk.newStart;
    for (const line of hunk.lines) {
      // Every line ends with a break after normalise, so jsdiff's "\ No newline at end of file" never appears.
      const kind = KINDS[line[0] as keyof typeof KINDS];
      if (kind === undefined) continue;
      const text = line.slice(1);
      if (kind === "same") rows.push({ kind, oldLine: oldLine++, newLine: newLine++, text });
      else if (kind === "added") {
        rows.push({ kind, oldLine: null, newLine: newLine++, text });
        added++;
      } else {
        rows.push({ kind, oldLine: oldLine++, newLine: null, text });
        removed++;
      }
    }
    hunks.push({ old: range(hunk.oldStart, hunk.oldLines), new: range(hunk.newStart, hunk.newLines), rows });
  }
  return { tooLarge: false, hunks, added, removed, notes };
}
