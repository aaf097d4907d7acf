import { describe, expect, it } from "vitest";
import { diffVersions, MAX_CHANGED_LINES, MAX_DIFF_LINES, MAX_DIFF_ROWS, type DiffRow, type VersionDiff } from "./diff";
import { MAX_SOURCE_BYTES } from "./source";

const numbered = (count: number, label = "line") => Array.from({ length: count }, (_, index) => `${label} ${index + 1}`);
const text = (lines: string[]) => `${lines.join("\n")}\n`;

function shown(diff: VersionDiff) {
  if (diff.tooLarge) throw new Error(`expected a diff, got tooLarge (${diff.reason})`);
  return diff;
}

/** The rows as the unified-diff lines a person would write by hand. */
const unified = (rows: DiffRow[]) => rows.map((row) => `${{ same: " ", added: "+", removed: "-" }[row.kind]}${row.text}`);

describe("diffVersions", () => {
  it("finds no hunks in identical sources, and notes nothing", () => {
    const source = text(numbered(40));
    expect(diffVersions(source, source)).toEqual({ tooLarge: false, hunks: [], added: 0, removed: 0, notes: { lineEndings: false, finalNewline: false } });
    expect(shown(diffVersions("", "")).hunks).toEqual([]);
  });

  it("shows a changed line with three lines of context on each side, numbered on both sides", () => {
    const old = numbered(20);
    const next = [...old];
    next[9] = "line 10, reworded";
    const diff = shown(diffVersions(text(old), text(next)));
    expect(diff.added).toBe(1);
    expect(diff.removed).toBe(1);
    expect(diff.hunks).toHaveLength(1);
    const [hunk] = diff.hunks;
    expect(hunk?.old).toEqual({ first: 7, last: 13 });
    expect(hunk?.new).toEqual({ first: 7, last: 13 });
    expect(hunk?.rows).toEqual([
      { kind: "same", oldLine: 7, newLine: 7, text: "line 7" },
      { kind: "same", oldLine: 8, newLine: 8, text: "line 8" },
      { kind: "same", oldLine: 9, newLine: 9, text: "line 9" },
      { kind: "removed", oldLine: 10, newLine: null, text: "line 10" },
      { kind: "added", oldLine: null, newLine: 10, text: "line 10, reworded" },
      { kind: "same", oldLine: 11, newLine: 11, text: "line 11" },
      { kind: "same", oldLine: 12, newLine: 12, text: "line 12" },
      { kind: "same", oldLine: 13, newLine: 13, text: "line 13" },
    ]);
  });

  it("keeps line numbers apart after an insertion and splits distant changes into separate hunks", () => {
    const old = numbered(40);
    const next = [...old.slice(0, 4), "new a", "new b", ...old.slice(4, 30), ...old.slice(31)];
    const diff = shown(diffVersions(text(old), text(next)));
    expect([diff.added, diff.removed]).toEqual([2, 1]);
    expect(diff.hunks.map((hunk) => [hunk.old, hunk.new])).toEqual([
      [{ first: 2, last: 7 }, { first: 2, last: 9 }],
      [{ first: 28, last: 34 }, { first: 30, last: 35 }],
    ]);
    const removed = diff.hunks[1]?.rows.find((row) => row.kind === "removed");
    expect(removed).toEqual({ kind: "removed", oldLine: 31, newLine: null, text: "line 31" });
    // The context after the removal is the same text on both sides, two lines apart.
    expect(diff.hunks[1]?.rows.at(-1)).toEqual({ kind: "same", oldLine: 34, newLine: 35, text: "line 34" });
  });

  it("joins changes closer than twice the context into one hunk", () => {
    const old = numbered(30);
    const next = [...old];
    next[9] = "changed 10";
    next[15] = "changed 16";
    const diff = shown(diffVersions(text(old), text(next)));
    expect(diff.hunks).toHaveLength(1);
    expect(unified(diff.hunks[0]?.rows ?? []).filter((line) => !line.startsWith(" "))).toEqual(["-line 10", "+changed 10", "-line 16", "+changed 16"]);
  });

  it("treats CRLF and LF as the same line ending, and says that they differ", () => {
    const lines = numbered(12);
    const same = diffVersions(lines.join("\r\n") + "\r\n", text(lines));
    expect(shown(same).hunks).toEqual([]);
    expect(shown(same).notes).toEqual({ lineEndings: true, finalNewline: false });

    const next = [...lines];
    next[5] = "line six";
    const changed = shown(diffVersions(lines.join("\r\n") + "\r\n", text(next)));
    expect([changed.added, changed.removed]).toEqual([1, 1]);
    expect(changed.hunks[0]?.rows.every((row) => !row.text.includes("\r"))).toBe(true);
  });

  it("does not show a missing final line break as a changed line, and notes it", () => {
    const lines = numbered(8);
    const diff = shown(diffVersions(lines.join("\n"), text(lines)));
    expect(diff.hunks).toEqual([]);
    expect(diff.notes).toEqual({ lineEndings: false, finalNewline: true });

    const edited = shown(diffVersions(lines.join("\n"), [...lines.slice(0, 7), "the last line, changed"].join("\n")));
    expect(unified(edited.hunks[0]?.rows ?? [])).toEqual([" line 5", " line 6", " line 7", "-line 8", "+the last line, changed"]);
    expect(edited.notes.finalNewline).toBe(false);
  });

  it("numbers a whole new text from line 1 against an empty one, with no old range", () => {
    const diff = shown(diffVersions("", "first\nsecond"));
    expect(diff.hunks).toEqual([
      {
        old: null,
        new: { first: 1, last: 2 },
        rows: [
          { kind: "added", oldLine: null, newLine: 1, text: "first" },
          { kind: "added", oldLine: null, newLine: 2, text: "second" },
        ],
      },
    ]);
    expect(shown(diffVersions("gone\n", "")).hunks[0]).toMatchObject({ old: { first: 1, last: 1 }, new: null });
  });

  it("keeps blank lines and spaces in the text as they are", () => {
    const diff = shown(diffVersions("a\n\n  <Choice>\n", "a\n\n    <Choice>\n"));
    expect(unified(diff.hunks[0]?.rows ?? [])).toEqual([" a", " ", "-  <Choice>", "+    <Choice>"]);
  });

  it("refuses a source over 256 KB", () => {
    const big = "x".repeat(MAX_SOURCE_BYTES + 1);
    expect(diffVersions(big, "x")).toEqual({ tooLarge: true, reason: "source", limit: MAX_SOURCE_BYTES });
    expect(diffVersions("x", big)).toEqual({ tooLarge: true, reason: "source", limit: MAX_SOURCE_BYTES });
    // Bytes, not characters: 100,000 three-byte characters are over the limit.
    expect(diffVersions("€".repeat(100_000), "")).toMatchObject({ tooLarge: true, reason: "source" });
  });

  it("refuses a source of more lines than a person writes", () => {
    expect(diffVersions("\n".repeat(MAX_DIFF_LINES + 1), "")).toEqual({ tooLarge: true, reason: "lines", limit: MAX_DIFF_LINES });
    expect(shown(diffVersions("\n".repeat(MAX_DIFF_LINES), "\n".repeat(MAX_DIFF_LINES))).hunks).toEqual([]);
  });

  it("gives up on more changed lines than the limit instead of working through them", () => {
    const old = text(numbered(MAX_CHANGED_LINES, "old"));
    const next = text(numbered(MAX_CHANGED_LINES, "new"));
    expect(diffVersions(old, next)).toEqual({ tooLarge: true, reason: "changes", limit: MAX_CHANGED_LINES });
    // Just under the limit it is still shown.
    const fewer = shown(diffVersions(text(numbered(MAX_CHANGED_LINES / 2 - 1, "old")), text(numbered(MAX_CHANGED_LINES / 2 - 1, "new"))));
    expect(fewer.added + fewer.removed).toBe(MAX_CHANGED_LINES - 2);
  });

  it("refuses a diff of more rows than it shows, counting the context", () => {
    // One line in seven removed: each removal brings six lines of context, so the rows pass the limit long before the edits do.
    const removals = Math.ceil(MAX_DIFF_ROWS / 7) + 10;
    const old = numbered(removals * 7);
    const next = old.filter((_, index) => index % 7 !== 3);
    expect(removals).toBeLessThan(MAX_CHANGED_LINES);
    expect(diffVersions(text(old), text(next))).toEqual({ tooLarge: true, reason: "rows", limit: MAX_DIFF_ROWS });
  });

  it("counts every added and removed row in the totals", () => {
    const old = numbered(200);
    const next = old.filter((_, index) => index % 10 !== 3).map((line, index) => (index % 25 === 0 ? `${line}!` : line));
    const diff = shown(diffVersions(text(old), text(next)));
    const rows = diff.hunks.flatMap((hunk) => hunk.rows);
    expect(diff.added).toBe(rows.filter((row) => row.kind === "added").length);
    expect(diff.removed).toBe(rows.filter((row) => row.kind === "removed").length);
    expect(diff.removed - diff.added).toBe(20);
    // Replaying the rows on the old text gives the new text.
    const rebuilt = [...old];
    for (const hunk of [...diff.hunks].reverse()) {
      const first = (hunk.old?.first ?? 1) - 1;
      const count = hunk.old ? hunk.old.last - hunk.old.first + 1 : 0;
      rebuilt.splice(first, count, ...hunk.rows.filter((row) => row.kind !== "removed").map((row) => row.text));
    }
    expect(rebuilt).toEqual(next);
  });
});
