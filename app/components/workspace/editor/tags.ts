/**
 * Reading one `<Component attr="…">` tag of a scenario as it is being typed: quotes and braces are
 * respected, so a `>` inside `feedback="…"` does not end the tag, and an unfinished tag says where
 * it stopped, which is what completion needs to know.
 */
export interface TagAttribute {
  name: string;
  nameFrom: number;
  /** The value without its quotes or braces; null for a bare attribute (`resolved`). */
  value: string | null;
  /** Where the value's text starts (after the quote or brace). */
  valueFrom: number;
  quote: '"' | "{" | null;
}

/** Where reading stopped when the text ran out before the tag ended. */
export type TagStop =
  | { kind: "name"; from: number }
  | { kind: "space" }
  | { kind: "attribute"; from: number }
  | { kind: "equals"; attribute: string }
  | { kind: "value"; attribute: string; quote: '"' | "{"; from: number };

export interface Tag {
  name: string;
  closing: boolean;
  attributes: TagAttribute[];
  /** Offset just after the closing `>`, or null when the text ends inside the tag. */
  end: number | null;
  stop: TagStop | null;
}

const NAME_CHAR = /[A-Za-z0-9_-]/;
const SPACE = /\s/;

/** Read the tag whose `<` is at `lt`, looking no further than `limit`. */
export function readTag(text: string, lt: number, limit = text.length): Tag {
  let at = lt + 1;
  const closing = text[at] === "/" && at < limit;
  if (closing) at++;
  const nameFrom = at;
  while (at < limit && NAME_CHAR.test(text[at] ?? "")) at++;
  const tag: Tag = { name: text.slice(nameFrom, at), closing, attributes: [], end: null, stop: null };
  if (at >= limit) {
    tag.stop = { kind: "name", from: nameFrom };
    return tag;
  }
  while (at < limit) {
    const char = text[at] ?? "";
    if (SPACE.test(char) || char === "/") {
      at++;
      continue;
    }
    if (char === ">") {
      tag.end = at + 1;
      return tag;
    }
    if (!NAME_CHAR.test(char)) {
      at++;
      continue;
    }
    const attributeFrom = at;
    while (at < limit && NAME_CHAR.test(text[at] ?? "")) at++;
    const name = text.slice(attributeFrom, at);
    if (at >= limit) {
      tag.stop = { kind: "attribute", from: attributeFrom };
      return tag;
    }
    let after = at;
    while (after < limit && SPACE.test(text[after] ?? "")) after++;
    if (text[after] !== "=") {
      tag.attributes.push({ name, nameFrom: attributeFrom, value: null, valueFrom: at, quote: null });
      continue;
    }
    after++;
    while (after < limit && SPACE.test(text[after] ?? "")) after++;
    if (after >= limit) {
      tag.stop = { kind: "equals", attribute: name };
      return tag;
    }
    const open = text[after];
    if (open !== '"' && open !== "{") {
      // An unquoted value is not MDX; skip to the next space so the rest of the tag still reads.
      at = after;
      while (at < limit && !SPACE.test(text[at] ?? "") && text[at] !== ">") at++;
      continue;
    }
    const close = open === '"' ? '"' : "}";
    const valueFrom = after + 1;
    const valueEnd = text.indexOf(close, valueFrom);
    if (valueEnd < 0 || valueEnd >= limit) {
      tag.attributes.push({ name, nameFrom: attributeFrom, value: text.slice(valueFrom, limit), valueFrom, quote: open });
      tag.stop = { kind: "value", attribute: name, quote: open, from: valueFrom };
      return tag;
    }
    tag.attributes.push({ name, nameFrom: attributeFrom, value: text.slice(valueFrom, valueEnd), valueFrom, quote: open });
    at = valueEnd + 1;
  }
  tag.stop = { kind: "space" };
  return tag;
}

/** The value of one attribute of a tag, if it is written with a value. */
export function attributeValue(tag: Tag, name: string): string | undefined {
  return tag.attributes.find((attribute) => attribute.name === name)?.value ?? undefined;
}
