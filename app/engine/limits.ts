/**
 * checkLimits: the bounds of limit-bounds.ts, checked before a scenario is parsed, in one linear
 * pass (limit-scan.ts) after the size limit; and deepestNode, the tree's own depth bound after parsing.
 */
import type { RawProblem } from "./frontmatter";
import { LIMITS, type LimitUsage } from "./limit-bounds";
import { problem, Scan } from "./limit-scan";

export { BUDGETS, LIMITS, type LimitUsage } from "./limit-bounds";

const KB = LIMITS.bytes / 1024;

/** The first bound `source` crosses, as a problem, or null. Linear in the size of the file, and stops at the size limit. */
export function checkLimits(source: string): RawProblem | null {
  return tooLarge(source) ?? new Scan(source).run();
}

/** How much of each limit and budget `source` uses (for the tests and the bench). */
export function limitUsage(source: string): LimitUsage {
  const scan = new Scan(source);
  scan.run();
  return scan.usage();
}

function tooLarge(source: string): RawProblem | null {
  let bytes = 0;
  let line = 1;
  let lineStart = 0;
  const end = Math.min(source.length, LIMITS.bytes + 1);
  for (let i = 0; i < end; i++) {
    const c = source.charCodeAt(i);
    bytes += utf8Length(c);
    if (bytes > LIMITS.bytes) {
      const size = utf8Bytes(source);
      return problem(line, i - lineStart + 1, "too-large", `This file is ${Math.ceil(size / 1024)} KB; a scenario can be at most ${KB} KB, and this is where it goes over. Split it into shorter scenarios.`);
    }
    if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return null;
}

/** UTF-8 bytes of one UTF-16 unit: each half of a surrogate pair counts 2 of its 4. */
function utf8Length(c: number): number {
  return c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 2 : 3;
}

function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) bytes += utf8Length(text.charCodeAt(i));
  return bytes;
}

interface TreeNode {
  children?: readonly unknown[];
}

/** The first node deeper than `limit` in `tree` (the root is at depth 0), found without recursion; null when there is none. */
export function deepestNode<T extends TreeNode>(tree: T, limit: number): T | null {
  const stack: [T, number][] = [[tree, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return node;
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i] as T, depth + 1]);
  }
  return null;
}
