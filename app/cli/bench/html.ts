/** Small, dependency-free readers for the HTML the bench gets back from the server. */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27|apos);/g, (_, name: string) => ENTITIES[name] ?? "");
}

/** The attributes of one start tag (`<button type="submit" name="x">` → { type, name }). */
export function attributesOf(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const inside = tag.replace(/^<[A-Za-z][A-Za-z0-9-]*/, "").replace(/\/?>$/, "");
  for (const match of inside.matchAll(/([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    attributes[match[1]!.toLowerCase()] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? "");
  }
  return attributes;
}

function startTags(html: string, tagName: string): Record<string, string>[] {
  const pattern = new RegExp(`<${tagName}\\b[^>]*>`, "gi");
  return [...html.matchAll(pattern)].map((match) => attributesOf(match[0]));
}

export type PlayPage = { turn: number; choiceIds: string[] };

/** The turn (hidden input `turn`) and the enabled choices (buttons `name="choiceId"`) of a play page. */
export function readPlayPage(html: string): PlayPage | null {
  const turnInput = startTags(html, "input").find((input) => input.name === "turn");
  const turn = Number(turnInput?.value);
  if (!turnInput || !Number.isInteger(turn) || turn < 1) return null;
  const choiceIds = startTags(html, "button")
    .filter((button) => button.name === "choiceId" && button.value && !("disabled" in button))
    .map((button) => button.value!);
  return choiceIds.length > 0 ? { turn, choiceIds } : null;
}

/** Every script src and modulepreload href of the page that points under `prefix` (deduplicated, in order). */
export function scriptAssets(html: string, prefix = "/build/"): string[] {
  const scripts = startTags(html, "script").map((script) => script.src);
  const preloads = startTags(html, "link")
    .filter((link) => (link.rel ?? "").split(/\s+/).includes("modulepreload"))
    .map((link) => link.href);
  const paths = [...scripts, ...preloads].filter((value): value is string => typeof value === "string" && value.startsWith(prefix));
  return [...new Set(paths)];
}

/** Total characters of inline `<script>` bodies (the route data Remix embeds in the document). */
export function inlineScriptBytes(html: string): number {
  let total = 0;
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/.test(match[1] ?? "")) continue;
    total += Buffer.byteLength(match[2] ?? "");
  }
  return total;
}
