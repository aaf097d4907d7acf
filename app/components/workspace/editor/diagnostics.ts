/**
 * The server's problems (1-based line and column) as underlines in the editor's text. The list may
 * be older than the text (the check runs a moment after typing), so every position is clamped to
 * the text as it is: a problem never fails to show and never points outside the document.
 */
import type { Diagnostic } from "@codemirror/lint";

export interface EditorProblem {
  line: number;
  column: number;
  severity: "error" | "warning";
  rule: string;
  message: string;
}

/** The offsets where each line starts. */
function lineStarts(source: string): number[] {
  const starts = [0];
  for (let index = source.indexOf("\n"); index >= 0; index = source.indexOf("\n", index + 1)) starts.push(index + 1);
  return starts;
}

function whole(value: number): number {
  return Number.isFinite(value) ? Math.floor(value) : 1;
}

/** The offset of a 1-based line and column, clamped to the text. */
export function offsetAt(source: string, line: number, column: number, starts = lineStarts(source)): number {
  const index = Math.min(Math.max(whole(line), 1), starts.length) - 1;
  const start = starts[index] ?? 0;
  const end = index + 1 < starts.length ? (starts[index + 1] ?? source.length) - 1 : source.length;
  return Math.min(start + Math.max(whole(column), 1) - 1, end);
}

/** A problem underlines the word at its position (`<Choice`, `<Coach>`, `persona:`), at least one character where the line has one. */
export function toDiagnostics(source: string, problems: readonly EditorProblem[]): Diagnostic[] {
  const starts = lineStarts(source);
  return problems.map((problem) => {
    let from = offsetAt(source, problem.line, problem.column, starts);
    const lineEnd = source.indexOf("\n", from) < 0 ? source.length : source.indexOf("\n", from);
    const word = /^[^\s>]*>?/.exec(source.slice(from, lineEnd))?.[0] ?? "";
    let to = from + word.length;
    if (to === from) {
      if (from < lineEnd) to = from + 1;
      else if (from > 0 && source[from - 1] !== "\n") from -= 1;
    }
    return { from, to, severity: problem.severity === "warning" ? "warning" : "error", message: problem.message, source: problem.rule };
  });
}
