/**
 * Highlighting for scenario files: the YAML front matter, the component tags with their attributes
 * and values, and the little markdown allowed in the text. A stream tokenizer rather than
 * lang-markdown: markdown reads a line such as `<Step id="a">` as the start of an HTML block
 * running to the next blank line, and text indented four spaces (a Choice's reply) as code, both
 * wrong for MDX; and lang-markdown would bring the HTML, CSS and JavaScript languages with it.
 */
import { HighlightStyle, StreamLanguage, syntaxHighlighting } from "@codemirror/language";
import type { StreamParser } from "@codemirror/language";
import { tags } from "@lezer/highlight";
import { isComponentName } from "./vocabulary";

export interface ScenarioState {
  /** "start" until the first line is read: only a first line of `---` opens front matter. */
  frontMatter: "start" | "in" | "done";
  /** Inside a tag: its name comes next, or its attributes. */
  tag: "name" | "attributes" | null;
  /** Inside a quoted attribute value that runs on to the next line. */
  string: boolean;
}

type Stream = Parameters<StreamParser<ScenarioState>["token"]>[0];

function frontMatterToken(stream: Stream, state: ScenarioState): string | null {
  if (stream.sol() && stream.match(/^---[ \t]*$/)) {
    state.frontMatter = "done";
    return "meta";
  }
  if (stream.eatSpace()) return null;
  if (stream.sol() && stream.match(/^[A-Za-z_][\w-]*(?=[ \t]*:)/)) return "propertyName";
  if (stream.match(/^#.*/)) return "comment";
  if (stream.match(/^:/) || stream.match(/^[[\]{},]/) || stream.match(/^- /)) return "punctuation";
  if (stream.match(/^"(?:[^"\\]|\\.)*"?/) || stream.match(/^'(?:[^']|'')*'?/)) return "string";
  if (stream.match(/^-?\d+(?=[ \t]*(?:$|[#,\]]))/)) return "number";
  if (stream.match(/^(?:true|false)(?=[ \t]*(?:$|[#,\]]))/)) return "bool";
  if (!stream.match(/^[^#,[\]{}]+?(?=[ \t]+#|[,\]]|$)/)) stream.next();
  return "string";
}

function tagToken(stream: Stream, state: ScenarioState): string | null {
  if (state.string) {
    if (stream.skipTo('"')) {
      stream.next();
      state.string = false;
    } else stream.skipToEnd();
    return "string";
  }
  if (stream.eatSpace()) return null;
  if (stream.match("/>") || stream.match(">")) {
    state.tag = null;
    return "angleBracket";
  }
  if (stream.eat("/")) return "angleBracket";
  if (state.tag === "name") {
    state.tag = "attributes";
    const name = stream.match(/^[A-Za-z][\w.-]*/);
    if (!name) return null;
    return Array.isArray(name) && isComponentName(name[0]) ? "tagName" : "tagName invalid";
  }
  if (stream.match(/^[A-Za-z_][\w-]*/)) return "attributeName";
  if (stream.eat("=")) return "operator";
  if (stream.eat('"')) {
    state.string = true;
    return tagToken(stream, state);
  }
  if (stream.match(/^\{[ \t]*-?[ \t]*\d+[ \t]*\}/)) return "number";
  if (stream.match(/^\{[ \t]*(?:true|false)[ \t]*\}/)) return "bool";
  // Anything else in braces is an expression, which a scenario refuses.
  if (stream.match(/^\{[^}]*\}?/)) return "invalid";
  stream.next();
  return null;
}

function textToken(stream: Stream, state: ScenarioState): string | null {
  if (stream.match(/^<\/?(?=[A-Za-z])/)) {
    state.tag = "name";
    return "angleBracket";
  }
  if (stream.sol()) {
    if (stream.match(/^[ \t]*>/)) return "quote";
    if (stream.match(/^[ \t]*(?:[-*+]|\d+[.)])(?=[ \t])/)) return "list";
    if (stream.match(/^#{1,6}(?=[ \t]|$)/)) {
      stream.skipToEnd();
      return "heading";
    }
  }
  if (stream.match(/^\*\*(?=\S)[^*]*?\S\*\*/) || stream.match(/^__(?=\S)[^_]*?\S__/)) return "strong";
  if (stream.match(/^\*(?=\S)[^*]*?\S?\*/)) return "emphasis";
  if (!/\w/.test(stream.string.charAt(stream.pos - 1)) && stream.match(/^_(?=\S)[^_]*?\S?_(?!\w)/)) return "emphasis";
  if (stream.match(/^`[^`]*`/)) return "monospace";
  if (stream.match(/^\[[^\]]*\](?=\()/)) return "link";
  if (stream.match(/^\((?:https?:|mailto:)[^)\s]*\)/)) return "url";
  if (stream.match(/^\{[^}]*\}?/)) return "invalid";
  if (!stream.match(/^[^<*_`[({]+/)) stream.next();
  return null;
}

export const scenarioParser: StreamParser<ScenarioState> = {
  name: "scenario",
  startState: () => ({ frontMatter: "start", tag: null, string: false }),
  copyState: (state) => ({ ...state }),
  blankLine(state) {
    if (state.frontMatter === "start") state.frontMatter = "done";
  },
  token(stream, state) {
    if (state.frontMatter === "start") {
      if (stream.sol() && stream.match(/^---[ \t]*$/)) {
        state.frontMatter = "in";
        return "meta";
      }
      state.frontMatter = "done";
    }
    if (state.frontMatter === "in") return frontMatterToken(stream, state);
    return state.tag ? tagToken(stream, state) : textToken(stream, state);
  },
};

export const scenarioLanguage = StreamLanguage.define(scenarioParser);

/** Fixed class names, coloured in app/styles/workspace-editor.css with the app's own variables. */
export const scenarioHighlighting = syntaxHighlighting(
  HighlightStyle.define([
    { tag: [tags.meta, tags.punctuation, tags.angleBracket, tags.operator], class: "se-mark" },
    { tag: tags.propertyName, class: "se-key" },
    { tag: tags.tagName, class: "se-tag" },
    { tag: tags.attributeName, class: "se-attribute" },
    { tag: tags.string, class: "se-string" },
    { tag: [tags.number, tags.bool], class: "se-number" },
    { tag: tags.comment, class: "se-comment" },
    { tag: tags.invalid, class: "se-invalid" },
    { tag: [tags.quote, tags.list], class: "se-quote" },
    { tag: tags.heading, class: "se-heading" },
    { tag: tags.strong, class: "se-strong" },
    { tag: tags.emphasis, class: "se-emphasis" },
    { tag: tags.monospace, class: "se-code" },
    { tag: [tags.link, tags.url], class: "se-link" },
  ]),
);
