/**
 * A light reading of the text being edited, for completion: the ids of Steps and Endings, the flags
 * and where the front matter is. Plain text reading, not the engine: it runs in the browser at each
 * completion, must be cheap, and must take a half-typed document as it is.
 */
import { readTag } from "./tags";

export interface Names {
  steps: string[];
  endings: string[];
  /** Every flag written in `set`, `requires` or `unless`, sorted. */
  flags: string[];
  /** The flags some reply sets, sorted: what `requires` and `unless` can usefully test. */
  setFlags: string[];
}

const NAMED_TAG = /<(Step|Ending|Choice)(?=[\s>/])/g;
const KEBAB = /^[a-z0-9][a-z0-9-]*$/;

/** Step and Ending ids (in the order written, each once) and flags, leaving out anything half-typed or malformed. */
export function scanNames(source: string): Names {
  const steps = new Set<string>();
  const endings = new Set<string>();
  const flags = new Set<string>();
  const setFlags = new Set<string>();
  for (const match of source.matchAll(NAMED_TAG)) {
    const tag = readTag(source, match.index);
    // The attribute still being typed when the text ends is not a name yet.
    const finished = tag.stop?.kind === "value" ? tag.attributes.slice(0, -1) : tag.attributes;
    for (const attribute of finished) {
      const value = attribute.value?.trim() ?? "";
      if (attribute.quote !== '"') continue;
      if (attribute.name === "id" && KEBAB.test(value)) {
        if (match[1] === "Step") steps.add(value);
        if (match[1] === "Ending") endings.add(value);
      }
      if (match[1] === "Choice" && ["set", "requires", "unless"].includes(attribute.name)) {
        for (const flag of value.split(/\s+/).filter((word) => KEBAB.test(word))) {
          flags.add(flag);
          if (attribute.name === "set") setFlags.add(flag);
        }
      }
    }
  }
  return { steps: [...steps], endings: [...endings], flags: [...flags].sort(), setFlags: [...setFlags].sort() };
}

/**
 * The front matter's text range: from the opening `---` to the start of its closing `---` line.
 * While the closing line is not written yet, it runs to the first line that starts a component.
 * Null when the text does not open with `---`.
 */
export function frontMatterRange(source: string): { from: number; to: number } | null {
  if (!/^---[ \t]*(\r?\n|$)/.test(source)) return null;
  const close = /\r?\n---[ \t]*(\r?\n|$)/.exec(source.slice(3));
  if (close) return { from: 0, to: 3 + close.index + 1 };
  const component = /\n[ \t]*</.exec(source);
  return { from: 0, to: component ? component.index + 1 : source.length };
}

/** The front matter keys already written, so completion offers only the missing ones. */
export function frontMatterKeys(source: string): string[] {
  const range = frontMatterRange(source);
  if (!range) return [];
  return [...source.slice(range.from, range.to).matchAll(/^([A-Za-z]+)[ \t]*:/gm)].map((match) => match[1] ?? "");
}

/** True when `pos` lies inside a Step that is not closed before it, where Customer, Coach and Choice belong. */
export function insideStep(source: string, pos: number): boolean {
  const before = source.slice(0, pos);
  let open = -1;
  for (const match of before.matchAll(/<Step(?=[\s>])/g)) open = match.index;
  if (open < 0) return false;
  return !before.slice(open).includes("</Step>");
}
