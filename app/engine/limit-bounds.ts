/**
 * Bounds checked before a scenario is parsed, so that no file, however it is
 * written, can make the check slow: trainers' drafts are checked on every
 * pause in typing, on the server.
 *
 * micromark (and acorn, which it hands code to) take time that grows faster
 * than the file in a few places, each measured on hostile files (see
 * limits.test.ts):
 * - every `*`, `_`, backtick run and `]` in a paragraph may walk back over, or
 *   scan ahead through, the whole paragraph;
 * - every list item or quote that closes copies the document's events so far;
 * - every line that lazily continues a paragraph inside a list or quote walks
 *   back to the paragraph's first line;
 * - an `import`/`export` line is handed to acorn again, whole, at every blank
 *   line until it parses;
 * - deep nesting (braces, elements, lists and quotes) multiplies all of that,
 *   and the validator walks the tree recursively.
 * One linear pass over the source bounds each of them, with limits far above
 * anything a scenario needs, and names the first one crossed, where it is
 * crossed. (Braces that are not integer literals never reach acorn at all:
 * see `parseBody`.)
 */

export const LIMITS = {
  /** Size of the whole file in UTF-8 bytes. */
  bytes: 256 * 1024,
  /** `{` inside `{` (and `[` in the front matter). */
  braces: 32,
  /** Elements (`<Customer>`…) inside elements. */
  elements: 32,
  /** Lists and quotes inside each other on one line, counting every two columns of indentation as a level. */
  containers: 16,
  /** Nodes inside nodes in the parsed tree, checked after parsing (the validator recurses this deep). */
  tree: 200,
} as const;

/**
 * Work budgets in the units of each mechanism above. A file at any one budget
 * took 50 to 210 ms to check on a busy 2-core machine (limits.test.ts checks
 * each at its budget); our real scenarios use under 1% of any of them, even
 * with every blank line removed.
 */
export const BUDGETS = {
  /** Per paragraph: marks (`*`/`_` runs, `]`, and backtick runs, which weigh ten) × characters; plus `]` × lines that may be link definitions. */
  marks: 20_000_000,
  /** List and quote markers × (lines + 4 × markers). */
  containers: 2_000_000,
  /** Lines that may lazily continue a paragraph in a list or quote × the lines before them in that paragraph. */
  lazy: 2_000_000,
  /** Blank lines after a possible `import`/`export` line × characters from it. */
  esm: 500_000,
} as const;

/** How much of each limit and budget a source uses (for the tests and the bench). */
export type LimitUsage = Record<"braces" | "elements" | "containers" | "marksWork" | "containersWork" | "lazyWork" | "esmWork", number>;
