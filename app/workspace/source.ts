/**
 * Scenario sources as the workspace handles them before the engine reads them: the size limit,
 * the id in the front matter, and the starting text of a new scenario. Browser-safe.
 */

/** The largest source the workspace stores or checks, in bytes of UTF-8. */
export const MAX_SOURCE_BYTES = 256 * 1024;

export const SCENARIO_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SCENARIO_ID_LENGTH = 64;

export function sourceBytes(source: string): number {
  return new TextEncoder().encode(source).length;
}

/** The YAML block at the very start (between `---` lines), as line indexes, or null. */
function frontMatterLines(lines: readonly string[]): { start: number; end: number } | null {
  if (lines[0]?.trim() !== "---") return null;
  for (let index = 1; index < lines.length; index++) if (lines[index]?.trim() === "---") return { start: 1, end: index };
  return null;
}

const ID_LINE = /^id:[ \t]*(.*?)[ \t]*$/;

/** The `id:` value in the front matter, unquoted, with its 1-based line; null when there is none. */
export function frontMatterId(source: string): { id: string; line: number } | null {
  const lines = source.split(/\r?\n/);
  const block = frontMatterLines(lines);
  if (!block) return null;
  for (let index = block.start; index < block.end; index++) {
    const match = ID_LINE.exec(lines[index] ?? "");
    if (match) return { id: (match[1] ?? "").replace(/^(["'])(.*)\1$/, "$2"), line: index + 1 };
  }
  return null;
}

/** The source with its front-matter id replaced (or added at the top of the front matter). */
export function withScenarioId(source: string, id: string): string {
  const newline = source.includes("\r\n") ? "\r\n" : "\n";
  const lines = source.split(/\r?\n/);
  const block = frontMatterLines(lines);
  if (!block) return ["---", `id: ${id}`, "---", "", source].join(newline);
  const existing = lines.slice(block.start, block.end).findIndex((line) => ID_LINE.test(line));
  if (existing >= 0) lines[block.start + existing] = `id: ${id}`;
  else lines.splice(block.start, 0, `id: ${id}`);
  return lines.join(newline);
}

/** A suggested id from a title: lower case words joined by hyphens. */
export function idFromTitle(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SCENARIO_ID_LENGTH)
    .replace(/-+$/, "");
}

/** The text a new scenario starts from: complete and valid, so Preview works at once, and short enough to replace. */
export function starterSource(id: string, title: string): string {
  const safeTitle = title.replace(/[\r\n]+/g, " ").trim();
  return `---
id: ${id}
title: ${JSON.stringify(safeTitle)}
summary: A customer needs help. Replace this line with one sentence a trainee reads before choosing the scenario.
persona: patient
customer: Sam
channel: chat
difficulty: 1
mood: 0
locale: en
---

<Brief>
Sam bought a kettle from your shop **last week**. It arrived with a cracked lid.

What you can do: send a **new lid** (it arrives in **two working days**) or
give a **full refund** once the kettle is returned.
</Brief>

<Step id="opening">
  <Customer>Hi. My new kettle came with a cracked lid. Can you help?</Customer>
  <Choice to="options" listening={2} empathy={1} mood={1}
    feedback="You repeated the problem back, so Sam knows you heard it (listening).">
    A cracked lid on a new kettle: sorry about that, Sam. Let's sort it out.
  </Choice>
  <Choice to="options" listening={-1} mood={-1}
    feedback="Fast, but it skips what Sam just told you (listening).">
    Order number?
  </Choice>
</Step>

<Step id="options">
  <Customer>Thanks. What can you do?</Customer>
  <Choice to="sorted" expectations={2} persuasion={1} mood={1}
    feedback="Both options, with honest timing (expectations).">
    I can send a new lid, which takes two working days, or refund you in full once the kettle comes back.
  </Choice>
  <Choice to="sorted" expectations={-2} mood={1}
    feedback="Warm, but the Brief says two working days, not tomorrow (expectations).">
    I'll have a new lid with you tomorrow, no problem at all!
  </Choice>
</Step>

<Ending id="sorted" outcome="satisfied" resolved>
Sam chooses the new lid and thanks you.
</Ending>
`;
}

/** A draft's title as its front matter says, read without checking the whole draft (the editor does that). */
export function draftTitle(source: string, fallback: string): string {
  const lines = source.split(/\r?\n/, 200);
  const block = frontMatterLines(lines);
  if (!block) return fallback;
  for (let index = block.start; index < block.end; index++) {
    const match = /^title:[ \t]*(.+?)[ \t]*$/.exec(lines[index] ?? "");
    const title = match?.[1]?.replace(/^(["'])(.*)\1$/, "$2").trim();
    if (title) return title;
  }
  return fallback;
}
