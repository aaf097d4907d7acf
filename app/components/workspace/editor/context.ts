/**
 * What the cursor is in, for completion: a component's name after `<`, an attribute name inside a
 * tag, an attribute's value, a front matter key or value, or plain text. Pure, on the source text.
 */
import { frontMatterKeys, frontMatterRange, insideStep } from "./scan";
import { readTag } from "./tags";
import { attributeOf, isComponentName } from "./vocabulary";
import type { AttributeSpec, ComponentName } from "./vocabulary";

export type EditorContext =
  | { kind: "component"; from: number; closing: boolean; insideStep: boolean }
  | { kind: "attribute"; from: number; component: ComponentName; written: string[] }
  | { kind: "value"; from: number; component: ComponentName; attribute: AttributeSpec; quote: '"' | "{" | null; written: string[] }
  | { kind: "frontMatterKey"; from: number; written: string[] }
  | { kind: "frontMatterValue"; from: number; key: string }
  | { kind: "text"; from: number; insideStep: boolean };

/** A tag longer than this is not being typed at the cursor; it keeps the backwards look cheap. */
const TAG_WINDOW = 4000;

export function contextAt(source: string, pos: number): EditorContext | null {
  const range = frontMatterRange(source);
  const lineStart = source.lastIndexOf("\n", pos - 1) + 1;
  if (range && lineStart > 0 && pos <= range.to && lineStart < range.to) return frontMatterContext(source, lineStart, pos);

  const lt = source.lastIndexOf("<", pos - 1);
  if (lt >= 0 && pos - lt <= TAG_WINDOW) {
    const tag = readTag(source, lt, pos);
    if (tag.end === null && (tag.name !== "" || tag.stop?.kind === "name")) {
      const stop = tag.stop;
      if (stop?.kind === "name") {
        if (!/^[A-Za-z]*$/.test(tag.name)) return null;
        return { kind: "component", from: stop.from, closing: tag.closing, insideStep: insideStep(source, lt) };
      }
      if (tag.closing || !isComponentName(tag.name) || !stop) return null;
      const component = tag.name;
      const written = tag.attributes.map((attribute) => attribute.name);
      if (stop.kind === "space") return { kind: "attribute", from: pos, component, written };
      if (stop.kind === "attribute") return { kind: "attribute", from: stop.from, component, written };
      const attribute = attributeOf(component, stop.attribute);
      if (!attribute) return null;
      if (stop.kind === "equals") return { kind: "value", from: pos, component, attribute, quote: null, written: [] };
      const typed = source.slice(stop.from, pos);
      if (attribute.kind !== "flags") return { kind: "value", from: stop.from, component, attribute, quote: stop.quote, written: [] };
      // Flags are a list: complete the word at the cursor and leave out the ones already there.
      const words = typed.split(/\s+/);
      const current = words.pop() ?? "";
      return { kind: "value", from: pos - current.length, component, attribute, quote: stop.quote, written: words.filter(Boolean) };
    }
  }
  const word = /[A-Za-z]*$/.exec(source.slice(Math.max(0, pos - 40), pos))?.[0] ?? "";
  return { kind: "text", from: pos - word.length, insideStep: insideStep(source, pos) };
}

function frontMatterContext(source: string, lineStart: number, pos: number): EditorContext | null {
  const line = source.slice(lineStart, pos);
  if (/^[A-Za-z]*$/.test(line)) return { kind: "frontMatterKey", from: lineStart, written: frontMatterKeys(source) };
  const value = /^([A-Za-z]+)[ \t]*:[ \t]*([A-Za-z0-9-]*)$/.exec(line);
  if (value) return { kind: "frontMatterValue", from: pos - (value[2] ?? "").length, key: value[1] ?? "" };
  return null;
}
