/**
 * A fast stand-in for mdast-util-from-markdown (with mdast-util-mdx's
 * handlers) on the part of MDX that scenario files are made of: paragraphs,
 * text, emphasis, strong, inline code, inline links, lists, block quotes,
 * hard breaks, backslash escapes, and JSX elements with plain names and
 * literal attributes.
 *
 * It turns micromark's events into the tree mdast-util-from-markdown 2.x
 * builds (the same nodes with the same fields and positions), doing what that
 * library's handlers do for these token types but without its per-event
 * overhead, which was about a third of the parse time. For anything else it
 * gives up and returns null: any other token type, anything that library
 * would throw an error on (unclosed or mismatched tags, for example), and
 * character references, which it would decode. The caller then builds the
 * tree with mdast-util-from-markdown itself. parse.test.ts checks that both
 * build equal trees.
 *
 * It only ever runs on a body that passes `onlyLiteralBraces` (see parse.ts).
 * Code (import/export, expressions, spread attributes) only comes as token
 * types it gives up on, so it never builds the tree of a file that has code.
 */
import type { Root } from "mdast";
import type { postprocess } from "micromark";

/** micromark's event: entering or leaving a token, with the tokenizer that made it. */
export type Event = ReturnType<typeof postprocess>[number];
type Token = Event[1];
type Point = Token["start"];

interface Place {
  line: number;
  column: number;
  offset: number;
}

interface Node {
  type: string;
  children?: Node[];
  value?: string;
  position?: { start: Place; end: Place | undefined };
  [key: string]: unknown;
}

interface Attribute {
  type: "mdxJsxAttribute";
  name: string;
  value: string | null | { type: "mdxJsxAttributeValueExpression"; value: string };
  position: { start: Place; end: Place | undefined };
}

interface Tag {
  name: string | undefined;
  attributes: Attribute[];
  close: boolean;
  selfClosing: boolean;
}

/** Token types that neither mdast-util-from-markdown nor mdast-util-mdx has a handler for. */
const IGNORED = new Set([
  "content",
  "linePrefix",
  "lineSuffix",
  "lineEndingBlank",
  "whitespace",
  "esWhitespace",
  "escapeMarker",
  "emphasisSequence",
  "emphasisText",
  "strongSequence",
  "strongText",
  "codeTextSequence",
  "codeTextPadding",
  "labelMarker",
  "resourceMarker",
  "resourceDestination",
  "resourceDestinationRaw",
  "blockQuotePrefix",
  "blockQuoteMarker",
  "blockQuotePrefixWhitespace",
  "listItemPrefix",
  "listItemMarker",
  "listItemPrefixWhitespace",
  "listItemIndent",
  ...["Flow", "Text"].flatMap((kind) =>
    [
      "TagMarker",
      "TagName",
      "TagAttributeName",
      "TagAttributeInitializerMarker",
      "TagAttributeValueLiteralMarker",
      "TagAttributeValueExpressionMarker",
    ].map((part) => `mdxJsx${kind}${part}`),
  ),
]);

/** Parents in which a line ending is text (mdast-util-from-markdown's canContainEols, with mdast-util-mdx-jsx's). */
const CAN_CONTAIN_EOLS = new Set(["emphasis", "fragment", "heading", "paragraph", "strong", "mdxJsxTextElement"]);

function place(point: Point): Place {
  return { line: point.line, column: point.column, offset: point.offset };
}

/** Thrown to give up; caught in compileEvents. */
const GIVE_UP = new Error("not handled by the fast mdast compiler");

/** The mdast tree of `events` (micromark's, with the MDX extensions), or null when it is not for this compiler to build. */
export function compileEvents(events: Event[]): Root | null {
  try {
    return compile(events.some(([kind, token]) => kind === "enter" && (token.type === "listOrdered" || token.type === "listUnordered")) ? prepareLists(events) : events);
  } catch {
    return null; // GIVE_UP, or anything unexpected: mdast-util-from-markdown decides
  }
}

function compile(events: Event[]): Root {
  const root: Node = { type: "root", children: [], position: undefined };
  const stack: Node[] = [root]; // open nodes, and the "fragment" of a link label
  const opened: (Token | null)[] = [null]; // the token that opened each entry of `stack` (null: root, fragment)
  const jsxStack: Tag[] = [];
  let tag: Tag | null = null; // inside a JSX tag
  let buffer: string | null = null; // text of an attribute value, inline code or link destination being read
  let escapeStart: Point | null = null;
  let inReference = false;
  let atHardBreak = false;
  let expectingFirstListItemValue = false;

  const enter = (node: Node, token: Token) => {
    const parent = stack[stack.length - 1]!;
    if (!parent.children) throw GIVE_UP;
    parent.children.push(node);
    stack.push(node);
    opened.push(token);
    node.position = { start: place(token.start), end: undefined };
  };
  const exit = (token: Token) => {
    const open = opened.pop();
    const node = stack.pop()!;
    if (!open || open.type !== token.type) throw GIVE_UP; // mdast-util-from-markdown throws here
    node.position!.end = place(token.end);
  };
  /** Text from `start` to `end`, added to the last text node of the current parent or as a new one. */
  const text = (start: Point, end: Point, value: string) => {
    const siblings = stack[stack.length - 1]!.children;
    if (!siblings) throw GIVE_UP;
    let tail = siblings[siblings.length - 1];
    if (!tail || tail.type !== "text") {
      tail = { type: "text", value: "", position: { start: place(start), end: undefined } };
      siblings.push(tail);
    }
    tail.value += value;
    tail.position!.end = place(end);
  };

  for (const [kind, token, context] of events) {
    const type = token.type as string;
    if (kind === "enter") {
      switch (type) {
        case "paragraph":
        case "emphasis":
        case "strong":
          enter({ type, children: [] }, token);
          break;
        case "blockQuote":
          enter({ type: "blockquote", children: [] }, token);
          break;
        case "listOrdered":
        case "listUnordered":
          enter({ type: "list", ordered: type === "listOrdered", start: null, spread: token._spread, children: [] }, token);
          if (type === "listOrdered") expectingFirstListItemValue = true;
          break;
        case "listItem":
          enter({ type: "listItem", spread: token._spread, checked: null, children: [] }, token);
          break;
        case "listItemValue":
          if (expectingFirstListItemValue) {
            stack[stack.length - 2]!.start = Number.parseInt(context.sliceSerialize(token), 10);
            expectingFirstListItemValue = false;
          }
          break;
        case "hardBreakEscape":
        case "hardBreakTrailing":
          enter({ type: "break" }, token);
          break;
        case "characterEscape":
          escapeStart = token.start;
          break;
        case "codeText":
          if (tag || buffer !== null) throw GIVE_UP;
          enter({ type: "inlineCode", value: "" }, token);
          buffer = "";
          break;
        case "link":
          if (tag) throw GIVE_UP;
          enter({ type: "link", title: null, url: "", children: [] }, token);
          break;
        case "label":
          if (stack[stack.length - 1]!.type !== "link") throw GIVE_UP;
          stack.push({ type: "fragment", children: [] });
          opened.push(null);
          break;
        case "resourceDestinationString":
          if (buffer !== null) throw GIVE_UP;
          buffer = "";
          break;
        case "mdxJsxFlowTag":
        case "mdxJsxTextTag":
          if (tag || buffer !== null) throw GIVE_UP;
          tag = { name: undefined, attributes: [], close: false, selfClosing: false };
          break;
        case "mdxJsxFlowTagClosingMarker":
        case "mdxJsxTextTagClosingMarker":
          if (jsxStack.length === 0) throw GIVE_UP;
          break;
        case "mdxJsxFlowTagAttribute":
        case "mdxJsxTextTagAttribute":
          if (!tag || tag.close) throw GIVE_UP;
          tag.attributes.push({ type: "mdxJsxAttribute", name: "", value: null, position: { start: place(token.start), end: undefined } });
          break;
        case "mdxJsxFlowTagAttributeValueLiteral":
        case "mdxJsxTextTagAttributeValueLiteral":
        case "mdxJsxFlowTagAttributeValueExpression":
        case "mdxJsxTextTagAttributeValueExpression":
          if (!tag || buffer !== null) throw GIVE_UP;
          buffer = "";
          break;
        case "mdxJsxFlowTagSelfClosingMarker":
        case "mdxJsxTextTagSelfClosingMarker":
          if (!tag || tag.close) throw GIVE_UP;
          break;
        // Handled on exit:
        case "data":
        case "codeTextData":
        case "characterEscapeValue":
        case "lineEnding":
        case "labelText":
        case "resource":
        case "mdxJsxFlowTagNamePrimary":
        case "mdxJsxTextTagNamePrimary":
        case "mdxJsxFlowTagAttributeNamePrimary":
        case "mdxJsxTextTagAttributeNamePrimary":
        case "mdxJsxFlowTagAttributeValueLiteralValue":
        case "mdxJsxTextTagAttributeValueLiteralValue":
        case "mdxJsxFlowTagAttributeValueExpressionValue":
        case "mdxJsxTextTagAttributeValueExpressionValue":
          break;
        default:
          if (!IGNORED.has(type)) throw GIVE_UP;
      }
      continue;
    }

    switch (type) {
      case "paragraph":
      case "emphasis":
      case "strong":
      case "blockQuote":
      case "listOrdered":
      case "listUnordered":
      case "listItem":
        exit(token);
        break;
      case "hardBreakEscape":
      case "hardBreakTrailing":
        atHardBreak = true;
        exit(token);
        break;
      case "data":
        if (tag) throw GIVE_UP;
        if (buffer !== null) buffer += context.sliceSerialize(token);
        else text(token.start, token.end, context.sliceSerialize(token));
        break;
      case "characterEscapeValue":
        if (tag || !escapeStart) throw GIVE_UP;
        if (buffer !== null) buffer += context.sliceSerialize(token);
        else text(escapeStart, token.end, context.sliceSerialize(token));
        escapeStart = null;
        break;
      case "codeTextData":
        if (buffer === null) throw GIVE_UP;
        buffer += context.sliceSerialize(token);
        break;
      case "lineEnding": {
        const parent = stack[stack.length - 1]!;
        if (atHardBreak) {
          // The line ending after a hard break belongs to the break.
          const tail = parent.children?.[parent.children.length - 1];
          if (!tail?.position) throw GIVE_UP;
          tail.position.end = place(token.end);
          atHardBreak = false;
        } else if (buffer !== null) buffer += context.sliceSerialize(token);
        else if (!tag && CAN_CONTAIN_EOLS.has(parent.type)) text(token.start, token.end, context.sliceSerialize(token));
        // (In a tag, outside a value, it goes to a fragment that is thrown away.)
        break;
      }
      case "codeText": {
        const node = stack[stack.length - 1]!;
        if (buffer === null || node.type !== "inlineCode") throw GIVE_UP;
        node.value = buffer;
        buffer = null;
        exit(token);
        break;
      }
      case "labelText":
        break; // sets `label` and `identifier` on the link, which an inline link then deletes
      case "label": {
        const fragment = stack.pop()!;
        opened.pop();
        const link = stack[stack.length - 1]!;
        if (fragment.type !== "fragment" || link.type !== "link") throw GIVE_UP;
        link.children = fragment.children;
        inReference = true;
        break;
      }
      case "resourceDestinationString": {
        const link = stack[stack.length - 1]!;
        if (buffer === null || link.type !== "link") throw GIVE_UP;
        link.url = buffer;
        buffer = null;
        break;
      }
      case "resource":
        inReference = false;
        break;
      case "link":
        if (inReference) throw GIVE_UP; // a reference link
        exit(token);
        break;
      case "mdxJsxFlowTagClosingMarker":
      case "mdxJsxTextTagClosingMarker":
        tag!.close = true;
        break;
      case "mdxJsxFlowTagNamePrimary":
      case "mdxJsxTextTagNamePrimary":
        tag!.name = context.sliceSerialize(token);
        break;
      case "mdxJsxFlowTagAttribute":
      case "mdxJsxTextTagAttribute":
        break; // handled on enter
      case "mdxJsxFlowTagAttributeNamePrimary":
      case "mdxJsxTextTagAttributeNamePrimary": {
        const attribute = tag!.attributes[tag!.attributes.length - 1]!;
        attribute.name = context.sliceSerialize(token);
        attribute.position.end = place(token.end);
        break;
      }
      case "mdxJsxFlowTagAttributeValueLiteralValue":
      case "mdxJsxTextTagAttributeValueLiteralValue":
      case "mdxJsxFlowTagAttributeValueExpressionValue":
      case "mdxJsxTextTagAttributeValueExpressionValue":
        buffer += context.sliceSerialize(token);
        break;
      case "mdxJsxFlowTagAttributeValueLiteral":
      case "mdxJsxTextTagAttributeValueLiteral": {
        // mdast-util-mdx-jsx decodes character references here; without `&` there is none.
        if (buffer!.includes("&")) throw GIVE_UP;
        const attribute = tag!.attributes[tag!.attributes.length - 1]!;
        attribute.value = buffer;
        attribute.position.end = place(token.end);
        buffer = null;
        break;
      }
      case "mdxJsxFlowTagAttributeValueExpression":
      case "mdxJsxTextTagAttributeValueExpression": {
        if ((token as { estree?: unknown }).estree) throw GIVE_UP; // parsed with acorn: not ours
        const attribute = tag!.attributes[tag!.attributes.length - 1]!;
        attribute.value = { type: "mdxJsxAttributeValueExpression", value: buffer! };
        attribute.position.end = place(token.end);
        buffer = null;
        break;
      }
      case "mdxJsxFlowTagSelfClosingMarker":
      case "mdxJsxTextTagSelfClosingMarker":
        tag!.selfClosing = true;
        break;
      case "mdxJsxFlowTag":
      case "mdxJsxTextTag": {
        const current = tag!;
        tag = null;
        if (current.close) {
          if (jsxStack[jsxStack.length - 1]!.name !== current.name) throw GIVE_UP;
          jsxStack.pop();
        } else {
          enter(
            {
              type: type === "mdxJsxTextTag" ? "mdxJsxTextElement" : "mdxJsxFlowElement",
              name: current.name || null,
              attributes: current.attributes,
              children: [],
            },
            token,
          );
        }
        if (current.selfClosing || current.close) exit(token);
        else jsxStack.push(current);
        break;
      }
      default:
        if (!IGNORED.has(type) && type !== "characterEscape" && type !== "listItemValue") throw GIVE_UP;
    }
  }
  if (stack.length !== 1 || tag || buffer !== null) throw GIVE_UP; // left open: an error in mdast-util-from-markdown
  const first = events[0];
  const last = events[events.length - 2];
  root.position = {
    start: first ? place(first[1].start) : { line: 1, column: 1, offset: 0 },
    end: last ? place(last[1].end) : { line: 1, column: 1, offset: 0 },
  };
  return root as unknown as Root;
}

/**
 * mdast-util-from-markdown's first pass, for lists: add `listItem` enter and
 * exit events and work out `_spread` on lists and items (marking some line
 * endings blank on the way). Ported from its `prepareList`, step for step.
 */
function prepareLists(events: Event[]): Event[] {
  const prepared: Event[] = [];
  const listStack: number[] = [];
  for (const event of events) {
    prepared.push(event);
    if (event[1].type === "listOrdered" || event[1].type === "listUnordered") {
      if (event[0] === "enter") listStack.push(prepared.length - 1);
      else prepareList(prepared, listStack.pop()!);
    }
  }
  return prepared;
}


function prepareList(events: Event[], start: number) {
  const end = events.length - 1;
  let index = start - 1;
  let containerBalance = -1;
  let listSpread = false;
  let listItem: Token | undefined;
  let lineIndex: number | undefined;
  let firstBlankLineIndex: number | undefined;
  let atMarker: boolean | undefined;
  const insertions: { at: number; event: Event }[] = [];
  while (++index <= end) {
    const event = events[index]!;
    switch (event[1].type) {
      case "listUnordered":
      case "listOrdered":
      case "blockQuote":
        if (event[0] === "enter") containerBalance++;
        else containerBalance--;
        atMarker = undefined;
        break;
      case "lineEndingBlank":
        if (event[0] === "enter") {
          if (listItem && !atMarker && !containerBalance && !firstBlankLineIndex) firstBlankLineIndex = index;
          atMarker = undefined;
        }
        break;
      case "linePrefix":
      case "listItemValue":
      case "listItemMarker":
      case "listItemPrefix":
      case "listItemPrefixWhitespace":
        break;
      default:
        atMarker = undefined;
    }
    if (
      (!containerBalance && event[0] === "enter" && event[1].type === "listItemPrefix") ||
      (containerBalance === -1 && event[0] === "exit" && (event[1].type === "listUnordered" || event[1].type === "listOrdered"))
    ) {
      if (listItem) {
        let tailIndex = index;
        lineIndex = undefined;
        while (tailIndex--) {
          const tailEvent = events[tailIndex]!;
          if (tailEvent[1].type === "lineEnding" || tailEvent[1].type === "lineEndingBlank") {
            if (tailEvent[0] === "exit") continue;
            if (lineIndex) {
              events[lineIndex]![1].type = "lineEndingBlank";
              listSpread = true;
            }
            tailEvent[1].type = "lineEnding";
            lineIndex = tailIndex;
          } else if (
            tailEvent[1].type === "linePrefix" ||
            tailEvent[1].type === "blockQuotePrefix" ||
            tailEvent[1].type === "blockQuotePrefixWhitespace" ||
            tailEvent[1].type === "blockQuoteMarker" ||
            tailEvent[1].type === "listItemIndent"
          ) {
            // Empty.
          } else {
            break;
          }
        }
        if (firstBlankLineIndex && (!lineIndex || firstBlankLineIndex < lineIndex)) listItem._spread = true;
        listItem.end = Object.assign({}, lineIndex ? events[lineIndex]![1].start : event[1].end);
        insertions.push({ at: lineIndex || index, event: ["exit", listItem, event[2]] });
      }
      if (event[1].type === "listItemPrefix") {
        const item = { type: "listItem", _spread: false, start: Object.assign({}, event[1].start), end: undefined } as unknown as Token;
        listItem = item;
        insertions.push({ at: index, event: ["enter", item, event[2]] });
        firstBlankLineIndex = undefined;
        atMarker = true;
      }
    }
  }
  const listEvents = events.splice(start);
  let insertion = 0;
  index = -1;
  while (++index < listEvents.length) {
    while (insertion < insertions.length && insertions[insertion]!.at === start + index) events.push(insertions[insertion++]!.event);
    events.push(listEvents[index]!);
  }
  events[start]![1]._spread = listSpread;
}
