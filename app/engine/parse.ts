/**
 * The allow-list parse of a scenario body. The MDX syntax tree is walked
 * once; anything that is not one of the six components with literal
 * attributes, or the small set of markdown allowed inside them, is reported.
 * The result is a draft graph with source positions; references between ids
 * are resolved later (see check.ts).
 */
import { unified } from "unified";
import type { Processor } from "unified";
import remarkParse from "remark-parse";
import remarkMdx from "remark-mdx";
import { Parser } from "acorn";
import acornJsx from "acorn-jsx";
import { mdxExpression } from "micromark-extension-mdx-expression";
import { mdxJsx } from "micromark-extension-mdx-jsx";
import { mdxjsEsm } from "micromark-extension-mdxjs-esm";
import { mdxMd } from "micromark-extension-mdx-md";
import { mdxFromMarkdown } from "mdast-util-mdx";
import { parse, postprocess, preprocess } from "micromark";
import { compileEvents } from "./mdast";
import { checkLimits, deepestNode, LIMITS } from "./limits";
import type { Event } from "./mdast";
import type { Root, Nodes } from "mdast";
import { DELTA_MAX, DELTA_MIN, KEBAB_ID, MAX_ID_LENGTH, OUTCOMES, SKILLS } from "./types";
import type { Outcome, Position, Skill, SkillDeltas } from "./types";
import type { RawProblem } from "./frontmatter";

export interface DraftPiece extends Position {
  text: string;
}

export interface DraftChoice extends Position {
  id: string;
  explicitId: boolean;
  to: string | null;
  deltas: SkillDeltas;
  mood: number;
  set: string[];
  requires: string[];
  unless: string[];
  feedback: string | null;
  text: DraftPiece;
}

export interface DraftStep extends Position {
  id: string | null;
  patience: number | null;
  customer: DraftPiece[];
  coach: DraftPiece | null;
  choices: DraftChoice[];
}

export interface DraftEnding extends Position {
  id: string | null;
  outcome: Outcome | null;
  resolved: boolean;
  text: DraftPiece;
}

export interface Draft {
  brief: DraftPiece | null;
  steps: DraftStep[];
  endings: DraftEnding[];
}

export const COMPONENTS = ["Brief", "Step", "Customer", "Coach", "Choice", "Ending"] as const;
export type ComponentName = (typeof COMPONENTS)[number];

type AttributeKind =
  | { kind: "id"; required?: boolean }
  | { kind: "ref"; required?: boolean }
  | { kind: "int"; min: number; max: number; rangeRule: string }
  | { kind: "flags" }
  | { kind: "text" }
  | { kind: "enum"; values: readonly string[]; required?: boolean }
  | { kind: "boolean" };

const delta: AttributeKind = { kind: "int", min: DELTA_MIN, max: DELTA_MAX, rangeRule: "delta-range" };

/** The attributes each component accepts. */
const ATTRIBUTES: Record<ComponentName, Record<string, AttributeKind>> = {
  Brief: {},
  Customer: {},
  Coach: {},
  Step: { id: { kind: "id", required: true }, patience: { kind: "int", min: 1, max: 3600, rangeRule: "attribute-value" } },
  Choice: {
    to: { kind: "ref", required: true },
    ...Object.fromEntries(SKILLS.map((skill) => [skill, delta])),
    mood: delta,
    set: { kind: "flags" },
    requires: { kind: "flags" },
    unless: { kind: "flags" },
    feedback: { kind: "text" },
    id: { kind: "id" },
  },
  Ending: {
    id: { kind: "id", required: true },
    outcome: { kind: "enum", values: OUTCOMES, required: true },
    resolved: { kind: "boolean" },
  },
};

/** The components each place can hold. */
const PLACES: Record<"root" | "step" | "leaf", readonly ComponentName[]> = {
  root: ["Brief", "Step", "Ending"],
  step: ["Customer", "Coach", "Choice"],
  leaf: [],
};

/** Markdown node types allowed inside a component. */
const MARKDOWN = new Set(["paragraph", "text", "emphasis", "strong", "inlineCode", "list", "listItem", "blockquote", "link", "break"]);
const ALLOWED_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

// remark-mdx augments the mdast node types with the MDX ones.
type Jsx = Extract<Nodes, { type: "mdxJsxFlowElement" | "mdxJsxTextElement" }>;
type JsxAttribute = Jsx["attributes"][number];
type Value = string | number | boolean | string[] | null;

function positionOf(node: { position?: { start: { line: number; column: number } } }): Position {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

function isJsx(node: Nodes): node is Jsx {
  return node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";
}

function isBlankText(node: Nodes): boolean {
  return node.type === "text" && node.value.trim() === "";
}

export function isKebabId(value: string): boolean {
  return value.length <= MAX_ID_LENGTH && KEBAB_ID.test(value);
}

/** Plain text of markdown content: inline whitespace collapsed, blocks on their own lines. */
export function plainText(nodes: readonly Nodes[]): string {
  const text: TextBuffer = { blocks: [], inline: "" };
  for (const node of nodes) collectText(node, text);
  flushText(text);
  return text.blocks.join("\n");
}

// plainText's helpers are module functions, not closures made on each call: the walker runs them for every piece.
interface TextBuffer {
  blocks: string[];
  inline: string;
}

function flushText(text: TextBuffer) {
  const block = text.inline.replace(/\s+/g, " ").trim();
  if (block) text.blocks.push(block);
  text.inline = "";
}

function collectText(node: Nodes, text: TextBuffer) {
  if (node.type === "text" || node.type === "inlineCode") text.inline += node.value;
  else if (node.type === "break") text.inline += " ";
  else if (node.type === "paragraph" || node.type === "listItem" || node.type === "blockquote" || node.type === "list") {
    flushText(text);
    for (const child of node.children) collectText(child, text);
    flushText(text);
  } else if ("children" in node) for (const child of node.children as Nodes[]) collectText(child, text);
}

export interface ParseResult {
  draft: Draft;
  problems: RawProblem[];
  /** False on an MDX syntax error (nothing else could be checked). */
  parsed: boolean;
  /** False when a problem leaves the graph incomplete (no id, no target), so it must not be explored. */
  graphComplete: boolean;
}

/*
 * The MDX parse, and why it is safe.
 *
 * mdx-bundler reads a file with remark-mdx, which gives acorn every `{…}`
 * (text and flow expressions, attribute values, `{...spread}` attributes) and
 * every import/export. `mdxParser` is exactly that configuration. parseMdx
 * builds the same tree faster in the usual case, in two steps.
 *
 * 1. No acorn for literals. `literalParser` uses the same micromark
 * extensions in the same order (mdxjsEsm with acorn and acorn-jsx, then
 * mdxExpression, mdxJsx, mdxMd), except that mdxExpression and mdxJsx get no
 * acorn: an expression then ends at the `}` that balances its `{`, and the
 * tree keeps its raw text (`value`, no `data.estree`). parseMdx uses it only
 * when `onlyLiteralBraces(body)` holds: every `{` in the body comes right
 * after `=` and starts an integer or boolean literal closed by `}` on the same
 * line (`={3}`, `={-3}`, `={ true }`). Otherwise it uses `mdxParser`.
 *
 * Claim: then `literalParser` builds the same tree as `mdxParser` (minus
 * `data.estree`) or throws the same error.
 * - Acorn changes micromark's decisions in one place only: at a `}` inside an
 *   expression (in any attempt, speculative or not). With acorn, the
 *   expression ends there if its text so far parses (as an object spread in
 *   the spread position `<A {…}>`); without acorn it ends there if its
 *   braces balance.
 * - Every expression starts at a `{`. Under the condition, the first `}`
 *   after that `{` closes a balanced integer or boolean literal, which acorn
 *   parses. The spread position cannot occur: it needs whitespace, a name or
 *   a closing quote or brace before the `{`, and here the character before
 *   is `=`, after which a `{` in a tag can only open an attribute value.
 * - So both end every expression at the same `}`, take the same steps
 *   everywhere else, and build the same tree.
 *
 * 2. A faster tree builder. On that path parseMdx runs micromark as
 * remark-parse would and hands the events to mdast.ts, which builds the tree
 * mdast-util-from-markdown builds for the usual scenario content and gives up
 * (null) on anything else; then `literalParser` builds it. mdast.ts gives up
 * on import/export, expressions and spread attributes (and on anything else
 * it does not handle); the only `{…}` it takes are attribute values, which
 * under the condition are integer or boolean literals. parse.test.ts checks
 * both steps against mdx-bundler's parse, on our files and on random bodies.
 *
 * The walker then sees what mdx-bundler will see. It refuses every text and
 * flow expression, every spread, and every import/export. It accepts an
 * attribute value only if it is a number literal (or `-` and a number literal)
 * that is a safe integer, or `true` or `false`: in acorn's tree (readLiteral)
 * or, without acorn, from the raw text (rawLiteral), which can only be a form
 * the condition allows, giving the value acorn would. So nothing that
 * mdx-bundler would treat as code can pass the check. A file with any other
 * `{` (`{2.0}`, `{ 2 }` across lines, `{` in text, in quotes or in code) just
 * costs the full acorn parse, as before.
 *
 * 3. No acorn for a file that will be refused (`refusedWithoutAcorn`). With
 * acorn, every `}` inside an expression re-parses the expression so far, so
 * a file with thousands of `}` in one expression took minutes. So before the
 * full parse, parseBody parses a body that fails the condition without acorn
 * for expressions (linear). If that throws, or finds an expression that is
 * not an attribute value in a literal form (`rawLiteral`), or an
 * import/export, the file is refused from that parse and acorn never runs.
 * Claim: then the full parse refuses it too, so only the wording of the
 * refusal can differ. Both parsers take the same steps up to the first `}` at
 * which they part, which lies inside an expression. Up to the first
 * expression that is not a literal attribute value they agree, since such a
 * literal holds no brace. At that expression (or at the error, if one parser
 * throws first) acorn's parse holds a text or flow expression, a spread, a
 * syntax error, or an attribute value that holds a brace, which no literal
 * form does: all refused. Otherwise every expression without acorn is a
 * literal attribute value, so (as in 1.) both parsers end every expression at
 * the same `}` and build the same tree, and the full parse costs one acorn
 * call per literal.
 */

/** Exported for the equivalence tests; use parseMdx. */
export const mdxParser = unified().use(remarkParse).use(remarkMdx).freeze();

const literalExtensions = [
  mdxjsEsm({ acorn: Parser.extend(acornJsx()), acornOptions: { ecmaVersion: 2024, sourceType: "module" }, addResult: true }),
  mdxExpression(),
  mdxJsx(),
  mdxMd(),
];

function remarkMdxLiterals(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(...literalExtensions);
  (data.fromMarkdownExtensions ??= []).push(mdxFromMarkdown());
}

/** Exported for the equivalence tests; use parseMdx. */
export const literalParser = unified().use(remarkParse).use(remarkMdxLiterals).freeze();

/** What may follow `={`: an integer or a boolean, then `}` (see above). */
const LITERAL_BRACE_TAIL = /[ \t]*(?:(?:-[ \t]*)?(?:0|[1-9][0-9]*)|true|false)[ \t]*\}/y;

/** True when every `{` in `body` is `={`, then an integer or boolean literal and `}` on the same line. */
export function onlyLiteralBraces(body: string): boolean {
  for (let i = body.indexOf("{"); i !== -1; i = body.indexOf("{", i + 1)) {
    if (body.charCodeAt(i - 1) !== 61 /* = */) return false;
    LITERAL_BRACE_TAIL.lastIndex = i + 1;
    if (!LITERAL_BRACE_TAIL.test(body)) return false;
  }
  return true;
}

/** The MDX syntax tree of `body` as mdx-bundler reads it (attribute values may lack `data.estree`; see above). Throws on a syntax error. */
export function parseMdx(body: string): Root {
  if (!onlyLiteralBraces(body)) return mdxParser.parse(body);
  return compileEvents(literalEvents(body)) ?? literalParser.parse(body);
}

/** micromark's events for `body`, as literalParser (remark-parse) gets them. Exported for the tests. */
export function literalEvents(body: string): Event[] {
  return postprocess(parse({ extensions: literalExtensions }).document().write(preprocess()(body, undefined, true)));
}

/**
 * Parse `body` (the whole file with the front matter blanked) and walk it against the allow-list.
 * `limitsChecked`: the caller already checked the bounds (limits.ts) on the whole file, which covers the body.
 */
export function parseBody(body: string, { limitsChecked = false } = {}): ParseResult {
  const limit = limitsChecked ? null : checkLimits(body);
  if (limit) return refused(limit);
  let tree: Root;
  try {
    const early = onlyLiteralBraces(body) ? null : refusedWithoutAcorn(body);
    if (early) return early;
    tree = parseMdx(body);
  } catch (error) {
    const e = error as { line?: number; column?: number; reason?: string; message?: string };
    return refused({ line: e.line ?? 1, column: e.column ?? 1, rule: "mdx-syntax", message: `MDX syntax error: ${e.reason ?? e.message ?? String(error)}` });
  }
  return walkTree(tree);
}

function refused(problem: RawProblem): ParseResult {
  return { draft: { brief: null, steps: [], endings: [] }, problems: [problem], parsed: false, graphComplete: false };
}

/** Step 3 above: the walk of the parse without acorn when it holds code (or throws), else null. */
function refusedWithoutAcorn(body: string): ParseResult | null {
  const tree = compileEvents(literalEvents(body)) ?? literalParser.parse(body);
  const code = firstCode(tree);
  if (!code) return null;
  const walked = walkTree(tree);
  // The walker refuses every kind of code; this only keeps that promise should it ever change.
  if (!walked.problems.some((p) => (p.severity ?? "error") === "error")) {
    walked.problems.push({ ...positionOf(code), rule: "expression", message: "{expressions} are not allowed in a scenario: write plain text" });
  }
  return walked;
}

/** The first import/export, expression, spread, or attribute value that is not a literal, in a tree parsed without acorn. */
function firstCode(tree: Root): Nodes | null {
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === "mdxjsEsm" || node.type === "mdxFlowExpression" || node.type === "mdxTextExpression") return node;
    if (isJsx(node)) {
      for (const attribute of node.attributes) {
        if (attribute.type === "mdxJsxExpressionAttribute") return node;
        if (attribute.value !== null && typeof attribute.value === "object" && rawLiteral(attribute.value.value).kind === "bad") return node;
      }
    }
    if ("children" in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return null;
}

/** Walk an MDX syntax tree (from parseMdx) against the allow-list. */
export function walkTree(tree: Root): ParseResult {
  // The walker recurses once per level of the tree: refuse a tree too deep for the stack first.
  const deep = deepestNode(tree, LIMITS.tree);
  if (deep) {
    const message = `Text is nested more than ${LIMITS.tree} levels deep here (emphasis, links, lists, quotes or elements inside each other); a scenario never needs that. Remove some of the nesting.`;
    return refused({ ...positionOf(deep), rule: "too-deep", message });
  }
  const problems: RawProblem[] = [];
  const draft: Draft = { brief: null, steps: [], endings: [] };
  const walker = new Walker(problems, draft);
  walker.container(tree.children, "root", null);
  return { draft, problems, parsed: true, graphComplete: walker.graphComplete };
}

class Walker {
  graphComplete = true;

  constructor(
    private readonly problems: RawProblem[],
    private readonly draft: Draft,
  ) {}

  private report(node: { position?: { start: { line: number; column: number } } }, rule: string, message: string) {
    this.problems.push({ ...positionOf(node), rule, message });
  }

  /** Children of the root or of a Step: components only, whitespace between them. */
  container(nodes: readonly Nodes[], where: "root" | "step", step: DraftStep | null) {
    for (const node of nodes) {
      if (isJsx(node)) this.element(node, where, step);
      else if (node.type === "paragraph" && node.children.every((c) => isJsx(c) || isBlankText(c))) {
        this.container(node.children, where, step);
      } else if (isBlankText(node)) continue;
      else if (this.forbidden(node)) continue;
      else {
        this.report(
          node,
          "stray-content",
          where === "root"
            ? "text outside any component: put it in a <Brief>, <Customer>, <Choice>, <Coach> or <Ending>"
            : "text directly inside a <Step>: put it in a <Customer>, <Choice> or <Coach>",
        );
        if ("children" in node) this.markdown(node.children as Nodes[], true);
      }
    }
  }

  /** Report nodes that are never allowed anywhere (code, imports, raw HTML). Returns true when reported. */
  private forbidden(node: Nodes): boolean {
    switch (node.type) {
      case "mdxjsEsm":
        this.report(node, "esm", "import and export statements are not allowed in a scenario");
        return true;
      case "mdxFlowExpression":
      case "mdxTextExpression":
        this.report(node, "expression", "{expressions} are not allowed in a scenario: write plain text");
        return true;
      case "html":
        this.report(node, "html-tag", "raw HTML is not allowed in a scenario");
        return true;
      default:
        return false;
    }
  }

  /** Markdown inside a leaf component. `quiet` walks only to find forbidden nodes below stray content. */
  private markdown(nodes: readonly Nodes[], quiet = false) {
    for (const node of nodes) {
      if (this.forbidden(node)) continue;
      if (isJsx(node)) {
        this.element(node, "leaf", null);
        continue;
      }
      if (!MARKDOWN.has(node.type)) {
        if (!quiet) this.report(node, "markdown-not-allowed", `${describeMarkdown(node.type)} not allowed in scenario text`);
      } else if (node.type === "link" && !quiet) {
        if (!isAllowedUrl(node.url)) {
          this.report(node, "link-protocol", `links must use http, https or mailto: "${node.url.slice(0, 60)}" is refused`);
        }
      }
      if ("children" in node) this.markdown(node.children as Nodes[], quiet);
    }
  }

  private element(node: Jsx, where: "root" | "step" | "leaf", step: DraftStep | null) {
    const name = node.name;
    if (name === null) {
      this.report(node, "unknown-component", "fragments (<>…</>) are not allowed");
      this.markdown(node.children as Nodes[], true);
      return;
    }
    if (!(COMPONENTS as readonly string[]).includes(name)) {
      if (/^[a-z]/.test(name)) this.report(node, "html-tag", `HTML tags such as <${name}> are not allowed in a scenario`);
      else this.report(node, "unknown-component", `unknown component <${name}>: use Brief, Step, Customer, Coach, Choice or Ending`);
      this.markdown(node.children as Nodes[], true);
      return;
    }
    const component = name as ComponentName;
    const attrs = this.attributes(node, component);
    if (!PLACES[where].includes(component)) {
      const place = where === "root" ? "at the top level" : where === "step" ? "inside a <Step>" : "inside scenario text";
      this.report(node, "misplaced-component", `<${component}> cannot be used ${place}`);
      if (component === "Step" || component === "Ending") this.graphComplete = false;
      if (component === "Step") this.container(node.children as Nodes[], "step", null);
      else this.markdown(node.children as Nodes[]);
      return;
    }
    const pos = positionOf(node);
    switch (component) {
      case "Brief": {
        const brief = this.piece(node, pos);
        if (this.draft.brief) this.report(node, "duplicate-brief", "a scenario has at most one <Brief>");
        else this.draft.brief = brief;
        return;
      }
      case "Step": {
        const id = attrs.get("id");
        const draftStep: DraftStep = {
          line: pos.line,
          column: pos.column,
          id: typeof id === "string" ? id : null,
          patience: typeof attrs.get("patience") === "number" ? (attrs.get("patience") as number) : null,
          customer: [],
          coach: null,
          choices: [],
        };
        if (draftStep.id === null) this.graphComplete = false;
        this.container(node.children as Nodes[], "step", draftStep);
        if (draftStep.customer.length === 0) this.report(node, "step-customer", "a <Step> needs at least one <Customer>");
        if (draftStep.choices.length === 0) this.report(node, "step-choice", "a <Step> needs at least one <Choice>");
        this.draft.steps.push(draftStep);
        return;
      }
      case "Customer": {
        const p = this.piece(node, pos);
        if (!p.text) this.report(node, "empty-text", "<Customer> has no text");
        step?.customer.push(p);
        return;
      }
      case "Coach": {
        const p = this.piece(node, pos);
        if (step?.coach) this.report(node, "duplicate-coach", "a <Step> has at most one <Coach>");
        else if (step) step.coach = p;
        return;
      }
      case "Choice": {
        const p = this.piece(node, pos);
        if (!p.text) this.report(node, "empty-text", "<Choice> has no text: its text is the trainee's reply");
        if (!step) return;
        const explicit = attrs.get("id");
        const to = attrs.get("to");
        if (typeof to !== "string") this.graphComplete = false;
        const n = step.choices.length + 1;
        step.choices.push({
          line: pos.line,
          column: pos.column,
          id: typeof explicit === "string" ? explicit : `${step.id ?? "?"}.${n}`,
          explicitId: typeof explicit === "string",
          to: typeof to === "string" ? to : null,
          deltas: {
            listening: numberOr(attrs.get("listening"), 0),
            empathy: numberOr(attrs.get("empathy"), 0),
            calm: numberOr(attrs.get("calm"), 0),
            persuasion: numberOr(attrs.get("persuasion"), 0),
            expectations: numberOr(attrs.get("expectations"), 0),
          } satisfies Record<Skill, number>,
          mood: numberOr(attrs.get("mood"), 0),
          set: listOr(attrs.get("set")),
          requires: listOr(attrs.get("requires")),
          unless: listOr(attrs.get("unless")),
          feedback: typeof attrs.get("feedback") === "string" ? (attrs.get("feedback") as string) : null,
          text: p,
        });
        return;
      }
      case "Ending": {
        const id = attrs.get("id");
        const outcome = attrs.get("outcome");
        if (typeof id !== "string") this.graphComplete = false;
        this.draft.endings.push({
          line: pos.line,
          column: pos.column,
          id: typeof id === "string" ? id : null,
          outcome: typeof outcome === "string" ? (outcome as Outcome) : null,
          resolved: attrs.get("resolved") === true,
          text: this.piece(node, pos),
        });
        return;
      }
    }
  }

  /** Check the markdown of a leaf component and take its text. */
  private piece(node: Jsx, pos: Position): DraftPiece {
    this.markdown(node.children as Nodes[]);
    return { line: pos.line, column: pos.column, text: plainText(node.children as Nodes[]) };
  }

  /** Read and check the attributes of a known component. Invalid values are reported and left out. */
  private attributes(node: Jsx, component: ComponentName): Map<string, Value> {
    const spec = ATTRIBUTES[component];
    const values = new Map<string, Value>();
    const seen = new Set<string>();
    for (const attribute of node.attributes) {
      if (attribute.type === "mdxJsxExpressionAttribute") {
        this.report(node, "spread-attribute", `<${component}> has a {…spread} or expression attribute; write name="value" instead`);
        continue;
      }
      const name = attribute.name;
      const kind = spec[name];
      if (!kind) {
        const allowed = Object.keys(spec);
        this.report(
          node,
          "unknown-attribute",
          `<${component}> has no attribute "${name}"` + (allowed.length ? ` (allowed: ${allowed.join(", ")})` : " (it takes none)"),
        );
        continue;
      }
      if (seen.has(name)) {
        this.report(node, "duplicate-attribute", `<${component}> sets "${name}" twice`);
        continue;
      }
      seen.add(name);
      const literal = readLiteral(attribute);
      if (literal.kind === "bad") {
        this.report(node, "attribute-value", `"${name}" on <${component}> must be a literal: "text", {3}, {-3}, {true} or {false}`);
        continue;
      }
      const value = this.checkValue(node, component, name, kind, literal);
      if (value !== undefined) values.set(name, value);
    }
    for (const [name, kind] of Object.entries(spec)) {
      if ("required" in kind && kind.required && !seen.has(name)) {
        this.report(node, "missing-attribute", `<${component}> needs a "${name}" attribute`);
      }
    }
    return values;
  }

  private wrongType(node: Jsx, component: string, name: string, expected: string): undefined {
    this.report(node, "attribute-value", `"${name}" on <${component}> must be ${expected}`);
    return undefined;
  }

  private checkValue(node: Jsx, component: string, name: string, kind: AttributeKind, literal: Literal): Value | undefined {
    switch (kind.kind) {
      case "id":
      case "ref":
        if (literal.kind !== "string") return this.wrongType(node, component, name, 'a string in quotes, e.g. "opening"');
        if (kind.kind === "id" && !isKebabId(literal.value)) {
          this.report(node, "invalid-id", `id "${literal.value}" must be kebab-case: lowercase letters, digits and hyphens, starting with a letter or digit`);
          return undefined;
        }
        return literal.value;
      case "int":
        if (literal.kind !== "int") return this.wrongType(node, component, name, `an integer written in braces, e.g. {${kind.max}} or {${kind.min}}`);
        if (literal.value < kind.min || literal.value > kind.max) {
          this.report(node, kind.rangeRule, `"${name}" on <${component}> must be between ${kind.min} and ${kind.max}, not ${literal.value}`);
          return undefined;
        }
        return literal.value;
      case "flags": {
        if (literal.kind !== "string") return this.wrongType(node, component, name, 'a string of space-separated flags, e.g. "promised"');
        const flags = literal.value.split(/\s+/).filter(Boolean);
        const bad = flags.filter((flag) => !isKebabId(flag));
        if (bad.length) {
          this.report(node, "invalid-flag", `flags must be kebab-case: ${bad.map((f) => `"${f}"`).join(", ")}`);
          return undefined;
        }
        return [...new Set(flags)];
      }
      case "text":
        if (literal.kind !== "string") return this.wrongType(node, component, name, "a string in quotes");
        return literal.value.trim() || null;
      case "enum":
        if (literal.kind !== "string" || !kind.values.includes(literal.value)) return this.wrongType(node, component, name, `one of ${kind.values.join(", ")}`);
        return literal.value;
      case "boolean":
        if (literal.kind === "bare") return true;
        if (literal.kind !== "boolean") return this.wrongType(node, component, name, "written bare (resolved) or as {true} / {false}");
        return literal.value;
    }
  }
}

type Literal =
  | { kind: "string"; value: string }
  | { kind: "int"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "bare" }
  | { kind: "bad" };

/** The value of an attribute if it is one of the allowed literal forms. */
function readLiteral(attribute: JsxAttribute): Literal {
  if (attribute.type !== "mdxJsxAttribute") return { kind: "bad" };
  const value = attribute.value;
  if (value === null || value === undefined) return { kind: "bare" };
  if (typeof value === "string") return { kind: "string", value };
  const program = value.data?.estree;
  if (!program) return rawLiteral(value.value);
  if (program.body.length !== 1 || (program.comments?.length ?? 0) > 0) return { kind: "bad" };
  const statement = program.body[0];
  if (statement?.type !== "ExpressionStatement") return { kind: "bad" };
  const expression = statement.expression;
  if (expression.type === "Literal") {
    if (typeof expression.value === "boolean") return { kind: "boolean", value: expression.value };
    if (typeof expression.value === "number" && Number.isSafeInteger(expression.value)) return { kind: "int", value: expression.value };
    return { kind: "bad" };
  }
  if (
    expression.type === "UnaryExpression" &&
    expression.operator === "-" &&
    expression.argument.type === "Literal" &&
    typeof expression.argument.value === "number" &&
    Number.isSafeInteger(expression.argument.value)
  ) {
    return { kind: "int", value: -expression.argument.value };
  }
  return { kind: "bad" };
}

const RAW_INTEGER = /^[ \t]*(-[ \t]*)?(0|[1-9][0-9]*)[ \t]*$/;
const RAW_BOOLEAN = /^[ \t]*(true|false)[ \t]*$/;

/**
 * An attribute value parsed without acorn (see `literalParser`): the same
 * result acorn gives for the forms `onlyLiteralBraces` admits, anything else bad.
 */
function rawLiteral(raw: string): Literal {
  const boolean = RAW_BOOLEAN.exec(raw);
  if (boolean) return { kind: "boolean", value: boolean[1] === "true" };
  const integer = RAW_INTEGER.exec(raw);
  if (!integer) return { kind: "bad" };
  const magnitude = Number(integer[2]);
  if (!Number.isSafeInteger(magnitude)) return { kind: "bad" };
  return { kind: "int", value: integer[1] ? -magnitude : magnitude };
}

function numberOr(value: Value | undefined, fallback: number): number {
  return typeof value === "number" ? value : fallback;
}

function listOr(value: Value | undefined): string[] {
  return Array.isArray(value) ? value : [];
}

function isAllowedUrl(url: string): boolean {
  try {
    return ALLOWED_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

function describeMarkdown(type: string): string {
  const names: Record<string, string> = {
    heading: "headings are",
    image: "images are",
    imageReference: "images are",
    thematicBreak: "horizontal rules (---) are",
    code: "code blocks are",
    definition: "link definitions are (write [text](https://…) inline)",
    linkReference: "reference links are (write [text](https://…) inline)",
    table: "tables are",
  };
  return names[type] ?? `"${type}" markdown is`;
}

