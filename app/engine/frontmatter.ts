/**
 * Front matter: split it off the source ourselves and parse it as YAML only.
 * Nothing here evaluates code: `---js` (or any other language tag) is refused
 * without looking at the block, and the YAML parser never runs custom tags.
 */
import { LineCounter, parseDocument, isMap, isScalar } from "yaml";
import * as z from "zod";
import { CHANNELS, KEBAB_ID, MAX_ID_LENGTH, PERSONAS } from "./types";
import type { Channel, Persona, Position } from "./types";

export interface FrontMatter {
  id: string;
  title: string;
  summary: string;
  persona: Persona;
  customer: string;
  channel: Channel;
  difficulty: 1 | 2 | 3;
  mood: number;
  minutes?: number;
  start?: string;
  escalation?: string;
  patience?: number;
  locale: string;
  tags: string[];
}

export interface RawProblem extends Position {
  rule: string;
  message: string;
  severity?: "error" | "warning";
}

export interface SplitResult {
  /** The source with the front-matter block blanked out (same length, same line breaks); null when the block never closes. */
  body: string | null;
  /** YAML text between the delimiters, or null when there is none to parse. */
  yaml: string | null;
  /** Line (1-based) on which the YAML text starts. */
  yamlLine: number;
  problems: RawProblem[];
}

const kebab = z
  .string()
  .max(MAX_ID_LENGTH)
  .regex(KEBAB_ID, "must be kebab-case: lowercase letters, digits and hyphens, starting with a letter or digit");
const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max);

function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

export const frontMatterSchema = z.strictObject({
  id: kebab,
  title: text(200),
  summary: text(1000),
  persona: z.enum(PERSONAS),
  customer: text(100),
  channel: z.enum(CHANNELS),
  difficulty: z.literal([1, 2, 3]),
  mood: z.number().int().min(-5).max(5).default(0),
  minutes: z.number().int().min(1).max(600).optional(),
  start: kebab.optional(),
  escalation: kebab.optional(),
  patience: z.number().int().min(1).max(3600).optional(),
  locale: z.string().refine(isLocale, "must be a BCP 47 language tag such as en or pt-BR").default("en"),
  tags: z.array(text(40)).max(20).default([]),
});

/** Replace every character except line breaks with a space, keeping offsets, lines and columns. */
export function blank(text: string): string {
  return text.replace(/[^\r\n]/g, " ");
}

/**
 * Split the front matter off `source`. The first line must be exactly `---`
 * (YAML); a language after the dashes (`---js`, `---coffee`, …) or another
 * delimiter is an error and the block is never parsed.
 */
export function splitFrontMatter(rawSource: string): SplitResult {
  // A file saved on Windows reads exactly like one saved elsewhere; only line breaks change, so
  // every line and column stays where the trainer sees it.
  const source = rawSource.replace(/\r\n/g, "\n");
  const lines = source.split("\n");
  const first = (lines[0] ?? "").replace(/^\uFEFF/, "").replace(/\r$/, "");
  const problems: RawProblem[] = [];
  const closing = lines.findIndex((line, i) => i > 0 && /^---[ \t]*\r?$/.test(line));

  let yamlAllowed = true;
  if (!/^---[ \t]*$/.test(first)) {
    const delimiter = /^(---|;;;|\+\+\+)/.exec(first)?.[1];
    if (delimiter === undefined) {
      problems.push({
        line: 1,
        column: 1,
        rule: "frontmatter",
        message: 'the file must start with YAML front matter between two "---" lines',
      });
      return { body: source, yaml: null, yamlLine: 2, problems };
    }
    problems.push({
      line: 1,
      column: 1,
      rule: "frontmatter-language",
      message: `front matter must be YAML opened by a plain "---" line; "${first.slice(0, 40)}" is refused and never run`,
    });
    yamlAllowed = false;
    if (delimiter !== "---") return { body: blankUntilDelimiter(source, lines, delimiter), yaml: null, yamlLine: 2, problems };
  }
  if (closing < 0) {
    problems.push({ line: 1, column: 1, rule: "frontmatter", message: 'the front matter has no closing "---" line' });
    return { body: null, yaml: null, yamlLine: 2, problems };
  }
  const blockEnd = lines.slice(0, closing + 1).join("\n").length;
  const body = blank(source.slice(0, blockEnd)) + source.slice(blockEnd);
  const yaml = yamlAllowed ? lines.slice(1, closing).join("\n") : null;
  return { body, yaml, yamlLine: 2, problems };
}

/** For a block opened by another delimiter (`;;;`, `+++`): blank it up to its closing twin, or everything. */
function blankUntilDelimiter(source: string, lines: string[], delimiter: string): string | null {
  const closing = lines.findIndex((line, i) => i > 0 && line.replace(/\r$/, "").trim() === delimiter);
  if (closing < 0) return null;
  const blockEnd = lines.slice(0, closing + 1).join("\n").length;
  return blank(source.slice(0, blockEnd)) + source.slice(blockEnd);
}

export interface FrontMatterResult {
  data: FrontMatter | null;
  /** Position of each top-level key. */
  keys: Map<string, Position>;
  problems: RawProblem[];
}

/** Parse and validate the YAML text of the front matter. `firstLine` is the file line of its first line. */
export function parseFrontMatter(yamlText: string, firstLine: number): FrontMatterResult {
  const keys = new Map<string, Position>();
  const problems: RawProblem[] = [];
  const lineCounter = new LineCounter();
  const at = (offset: number): Position => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + firstLine - 1, column: pos.col };
  };
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  for (const issue of [...doc.errors, ...doc.warnings]) {
    problems.push({ ...at(issue.pos[0]), rule: "frontmatter", message: `YAML: ${issue.message}` });
  }
  if (problems.length > 0) return { data: null, keys, problems };

  if (!isMap(doc.contents)) {
    problems.push({ line: firstLine - 1, column: 1, rule: "frontmatter", message: "the front matter must be a YAML mapping of keys to values" });
    return { data: null, keys, problems };
  }
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && pair.key.range) keys.set(String(pair.key.value), at(pair.key.range[0]));
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 10 });
  } catch (error) {
    problems.push({ line: firstLine - 1, column: 1, rule: "frontmatter", message: `YAML: ${(error as Error).message}` });
    return { data: null, keys, problems };
  }
  const parsed = frontMatterSchema.safeParse(raw);
  if (parsed.success) return { data: parsed.data, keys, problems };

  const opening: Position = { line: firstLine - 1, column: 1 };
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        problems.push({
          ...(keys.get(key) ?? opening),
          rule: "frontmatter-unknown-key",
          message: `unknown front-matter key "${key}"`,
        });
      }
      continue;
    }
    const key = String(issue.path[0] ?? "");
    const missing = !keys.has(key);
    problems.push({
      ...(keys.get(key) ?? opening),
      rule: "frontmatter-field",
      message: missing ? `the front matter needs "${key}"` : `"${issue.path.join(".")}": ${issue.message}`,
    });
  }
  return { data: null, keys, problems };
}
