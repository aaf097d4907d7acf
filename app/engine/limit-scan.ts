/**
 * The one linear pass of checkLimits (see limit-bounds.ts for what each bound is for): nesting depths and
 * the work budgets, counted line by line, stopping at the first one crossed.
 */
import type { RawProblem } from "./frontmatter";
import { BUDGETS, LIMITS, type LimitUsage } from "./limit-bounds";

/** A backtick run with no closing twin scans the rest of its paragraph about ten times slower than the other marks cost. */
const BACKTICK_WEIGHT = 10;

export function problem(line: number, column: number, rule: string, message: string): RawProblem {
  return { line, column, rule, message };
}

type LineKind = "blank" | "tags" | "text";

/** A line of JSX tags only: micromark reads it as flow, which ends any paragraph (an odd one may be a syntax error instead). */
const TAGS_ONLY = /^[ \t]*(?:<[^<>]*>[ \t]*)+$/;
const LIST_MARKER = /^(?:[-*+]|[0-9]{1,9}[.)])(?=[ \t]|$)/;

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function kindOf(text: string): LineKind {
  if (isBlank(text)) return "blank";
  const trimmed = text.trim();
  if (trimmed === "---") return "blank"; // the end of the front matter: what follows starts afresh, as in the body
  return trimmed.startsWith("<") && trimmed.endsWith(">") && TAGS_ONLY.test(text) ? "tags" : "text";
}

/**
 * The pass itself. A "paragraph" here is a run of text lines between blank
 * lines and lines of tags only, which holds every paragraph micromark makes.
 * Wherever it must guess (what is code, what is a tag), a wrong guess only
 * costs a wrong message or depth: the work counts never skip anything.
 */
export class Scan {
  private line = 0;
  private lineStart = 0;
  private previous: LineKind = "blank";
  private frontMatter = false;
  private readonly lines: number;
  private readonly deepest = { braces: 0, elements: 0, containers: 0 };
  // Nesting.
  private braces = 0;
  private elements = 0;
  private inTag: { line: number; column: number; closing: boolean; braces: number } | null = null;
  private quote = 0;
  // Paragraph marks, and the lines that may be link definitions.
  private marks = 0;
  private chars = 0;
  private marksWork = 0;
  private brackets = 0;
  private readonly definitions = { line: 0, count: 0 };
  // Lists and quotes, and lazy lines.
  private markers = 0;
  private mayBeOpen = false;
  private paragraphLines = 0;
  private lazyWork = 0;
  // import/export.
  private readonly esm = { line: 0, count: 0, offsets: 0, work: 0 };

  constructor(private readonly source: string) {
    let lines = 1;
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) lines++;
    }
    this.lines = lines;
  }

  usage(): LimitUsage {
    const containersWork = this.markers * (this.lines + 4 * this.markers);
    const marksWork = this.marksWork + this.brackets * this.definitions.count;
    return { ...this.deepest, marksWork, containersWork, lazyWork: this.lazyWork, esmWork: this.esm.work };
  }

  run(): RawProblem | null {
    const source = this.source;
    let start = 0;
    while (start <= source.length) {
      let end = start;
      while (end < source.length && source.charCodeAt(end) !== 10 && source.charCodeAt(end) !== 13) end++;
      this.line++;
      this.lineStart = start;
      const found = this.scanLine(source.slice(start, end));
      if (found) return found;
      start = end + (source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? 2 : 1);
    }
    return this.endParagraph() ?? this.definitionWork();
  }

  private scanLine(text: string): RawProblem | null {
    const kind = kindOf(text);
    if (this.line === 1 && text.replace(/^\uFEFF/, "").trimEnd() === "---") this.frontMatter = true;
    else if (this.frontMatter && text.trimEnd() === "---") this.frontMatter = false;
    const previous = this.previous;
    this.previous = kind;
    if (kind === "blank") {
      // An unmatched `{` or `<` in code (or a stray quote) must not count against the rest of the file.
      this.braces = 0;
      this.inTag = null;
      this.quote = 0;
      return this.endParagraph() ?? this.esmWork();
    }
    const prefix = this.prefix(text);
    if (prefix.problem) return prefix.problem;
    if (kind === "tags") return this.endParagraph() ?? this.characters(text, false);
    if (previous !== "text" && !this.frontMatter && (text.startsWith("import ") || text.startsWith("export "))) {
      if (this.esm.count === 0) this.esm.line = this.line;
      this.esm.count++;
      this.esm.offsets += this.lineStart;
    }
    if (text.charCodeAt(prefix.end) === 91 /* [ */) {
      if (this.definitions.count === 0) this.definitions.line = this.line;
      this.definitions.count++;
    }
    if (this.mayBeOpen && previous === "text") {
      this.lazyWork += this.paragraphLines;
      if (this.lazyWork > BUDGETS.lazy) {
        return problem(this.line, 1, "too-complex", "Too many lines follow a list or a quote here without a blank line between paragraphs. Add blank lines, or use fewer lists and quotes.");
      }
    }
    if (prefix.markers > 0) this.mayBeOpen = true;
    else if (previous === "blank" && prefix.depth === 0) this.mayBeOpen = false;
    this.paragraphLines++;
    this.chars += text.length + 1;
    return this.characters(text, !this.frontMatter);
  }

  /** Block quote and list markers and indentation at the start of a line. */
  private prefix(text: string): { end: number; markers: number; depth: number; problem?: RawProblem } {
    let i = 0;
    let columns = 0;
    let markers = 0;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9) {
        columns = c === 9 ? columns + 4 - (columns % 4) : columns + 1;
        i++;
      } else if (c === 62 /* > */) {
        markers++;
        i++;
      } else {
        const marker = c === 45 || c === 42 || c === 43 || (c >= 48 && c <= 57) ? LIST_MARKER.exec(text.slice(i, i + 11)) : null;
        if (!marker) break;
        markers++;
        i += marker[0].length;
      }
      // The space after a marker is the marker's own; more is indentation (the next level's, over-counted by one).
      if (c !== 32 && c !== 9 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
      if (markers + Math.floor(columns / 2) > LIMITS.containers) {
        const message = `Lists and quotes are nested (or this line is indented) more than ${LIMITS.containers} levels deep here; a scenario never needs that. Remove some of the indentation or the nested lists.`;
        return { end: i, markers, depth: 0, problem: problem(this.line, i, "too-deep", message) };
      }
    }
    const depth = markers + Math.floor(columns / 2);
    this.deepest.containers = Math.max(this.deepest.containers, depth);
    this.markers += markers;
    if (markers > 0 && this.markers * (this.lines + 4 * this.markers) > BUDGETS.containers) {
      const message = "This scenario has too many list items and quote lines for its length; a scenario never needs that many. Use fewer lists or quotes.";
      return { end: i, markers, depth, problem: problem(this.line, 1, "too-complex", message) };
    }
    return { end: i, markers, depth };
  }

  /** Paragraph marks, braces and element tags, one character at a time. */
  private characters(text: string, countMarks: boolean): RawProblem | null {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // Marks count wherever they are (in code, in quotes): a guess about what is code must not hide any.
      if (countMarks && (c === 93 /* ] */ || ((c === 42 || c === 95 || c === 96) /* * _ ` */ && text.charCodeAt(i - 1) !== c))) {
        if (c === 93) this.brackets++;
        this.marks += c === 96 ? BACKTICK_WEIGHT : 1;
        if (this.marksWork + this.marks * this.chars > BUDGETS.marks) return this.tooManyMarks(this.line, i + 1);
      }
      const found = this.nesting(text, i, c);
      if (found) return found;
    }
    return null;
  }

  /** Braces (and brackets in the front matter) and element tags. */
  private nesting(text: string, i: number, c: number): RawProblem | null {
    if (this.quote) {
      if (c === this.quote) this.quote = 0;
    } else if (c === 123 /* { */ || (c === 91 /* [ */ && this.frontMatter)) {
      if (text.charCodeAt(i - 1) === 92 /* \ */) return null;
      this.deepest.braces = Math.max(this.deepest.braces, ++this.braces);
      if (this.braces > LIMITS.braces) {
        const [what, pair] = c === 123 ? ["Braces", "{ }"] : ["Brackets", "[ ]"];
        return problem(this.line, i + 1, "too-deep", `${what} are nested more than ${LIMITS.braces} deep here; a scenario never needs that. Remove the extra ${pair}.`);
      }
    } else if (c === 125 /* } */ || (c === 93 /* ] */ && this.frontMatter)) {
      this.braces = Math.max(0, this.braces - 1);
    } else if (this.inTag) {
      if ((c === 34 || c === 39) /* " ' */ && this.braces === this.inTag.braces) this.quote = c;
      else if (c === 62 /* > */ && this.braces === this.inTag.braces) return this.closeTag(text.charCodeAt(i - 1) === 47 /* / */);
    } else if (c === 60 /* < */ && !this.frontMatter) {
      const closing = text.charCodeAt(i + 1) === 47; /* / */
      const next = text.charCodeAt(i + (closing ? 2 : 1));
      if (next === 62 /* > */ || (next >= 65 && next <= 90) || (next >= 97 && next <= 122)) {
        this.inTag = { line: this.line, column: i + 1, closing, braces: this.braces };
      }
    }
    return null;
  }

  private closeTag(selfClosing: boolean): RawProblem | null {
    const tag = this.inTag!;
    this.inTag = null;
    if (tag.closing) this.elements = Math.max(0, this.elements - 1);
    else if (!selfClosing) {
      this.deepest.elements = Math.max(this.deepest.elements, ++this.elements);
      if (this.elements > LIMITS.elements) {
        const message = `Elements are nested more than ${LIMITS.elements} deep here; a scenario never needs that. Close each <Step>, <Customer>, <Choice>… before opening the next.`;
        return problem(tag.line, tag.column, "too-deep", message);
      }
    }
    return null;
  }

  private tooManyMarks(line: number, column: number): RawProblem {
    const message = "This paragraph has too many *, _, ` or ] marks for its length; a scenario never needs that many. Split it with blank lines, or remove some of the marks.";
    return problem(line, column, "too-complex", message);
  }

  private endParagraph(): RawProblem | null {
    this.marksWork += this.marks * this.chars;
    this.marks = 0;
    this.chars = 0;
    this.paragraphLines = 0;
    return this.marksWork > BUDGETS.marks ? this.tooManyMarks(this.line, 1) : null;
  }

  /** Every `]` may look its label up among every line that may be a link definition. */
  private definitionWork(): RawProblem | null {
    if (this.marksWork + this.brackets * this.definitions.count <= BUDGETS.marks) return null;
    const message = "This scenario has too many [ ] labels and lines that start with [ for its length. Remove some of them.";
    return problem(this.definitions.line, 1, "too-complex", message);
  }

  /** At each blank line, every possible import/export above may be handed to acorn again, whole. */
  private esmWork(): RawProblem | null {
    if (this.esm.count === 0) return null;
    this.esm.work += this.esm.count * this.lineStart - this.esm.offsets;
    if (this.esm.work <= BUDGETS.esm) return null;
    return problem(this.esm.line, 1, "esm", "import and export statements are not allowed in a scenario");
  }
}
