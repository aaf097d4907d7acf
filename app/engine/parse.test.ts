/**
 * parseMdx builds the tree mdx-bundler's remark-mdx builds (see the comment
 * above `mdxParser` in parse.ts, and mdast.ts): when `onlyLiteralBraces`
 * admits a body, the parser without acorn for expressions gives the same tree
 * (minus `data.estree`) or the same error, and so does the fast tree builder
 * in mdast.ts whenever it does not give up; and the walker draws the same
 * draft and problems from them.
 */
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import type { Root } from "mdast";
import { describe, expect, it } from "vitest";
import { literalEvents, literalParser, mdxParser, onlyLiteralBraces, parseBody, parseMdx, walkTree } from "./parse";
import { compileEvents } from "./mdast";
import { splitFrontMatter } from "./frontmatter";
import { generateScenario } from "./__fixtures__/generate";

/** A JSON copy of a parse: the tree without `data.estree`, or the error's place and reason. */
function outcome(parse: (body: string) => Root, body: string): unknown {
  let tree;
  try {
    tree = parse(body);
  } catch (error) {
    const e = error as { reason?: string; line?: number; column?: number; ruleId?: string; source?: string; message?: string };
    return { error: { reason: e.reason ?? e.message, line: e.line, column: e.column, ruleId: e.ruleId, source: e.source } };
  }
  return JSON.parse(
    JSON.stringify(tree, (key, value: unknown) => {
      if (key !== "data" || typeof value !== "object" || value === null) return value;
      const { estree: _estree, ...rest } = value as Record<string, unknown>;
      return Object.keys(rest).length ? rest : undefined;
    }),
  );
}

const acornParse = (body: string) => mdxParser.parse(body);
const literalParse = (body: string) => literalParser.parse(body);

/** The walker's view of mdx-bundler's parse, as parseBody reports it. */
function walked(body: string): unknown {
  try {
    return walkTree(mdxParser.parse(body));
  } catch {
    return "syntax error";
  }
}

function expectSameParse(body: string) {
  const expected = outcome(acornParse, body);
  expect(outcome(literalParse, body), body).toEqual(expected);
  expect(outcome(parseMdx, body), body).toEqual(expected);
  const result = parseBody(body);
  expect(result.parsed ? result : "syntax error", body).toEqual(walked(body));
}

/** mdast.ts's tree for `body` (null when it gives up), from the events remark-parse would compile. */
function fastTree(body: string): Root | null {
  return compileEvents(literalEvents(body));
}

const root = new URL("../../", import.meta.url);
const files = [
  ...readdirSync(new URL("scenarios/", root)).map((f) => new URL(`scenarios/${f}`, root)),
  ...["", "shared/", "shared/invalid/", "hostile/"].flatMap((dir) =>
    readdirSync(new URL(`__fixtures__/${dir}`, import.meta.url)).map((f) => new URL(`__fixtures__/${dir}${f}`, import.meta.url)),
  ),
].filter((url) => url.pathname.endsWith(".mdx"));

describe("onlyLiteralBraces", () => {
  it("admits integer and boolean literals right after =", () => {
    for (const body of ["", "no braces", '<A b={3} c={-3} d={0} e={true} f={false} g="x" />', "<A b={ 3 } c={ - 3 } d={\t-2\t} />", "a={1} in text"]) {
      expect(onlyLiteralBraces(body), body).toBe(true);
    }
  });

  it("refuses every other brace", () => {
    for (const body of [
      "{3}",
      "<A {3} />",
      "<A b= {3} />",
      "<A b={1}{2} />",
      "<A b={3.0} />",
      "<A b={03} />",
      "<A b={0x3} />",
      "<A b={+3} />",
      "<A b={-true} />",
      "<A b={x} />",
      "<A b={1 + 1} />",
      "<A b={\n3\n} />",
      "<A b={3\r} />",
      "<A b={3 />",
      "<A b={...x} />",
      "<A b={/* c */ 3} />",
      'feedback="{3}"',
      "`{x}`",
      "a } b { c",
    ]) {
      expect(onlyLiteralBraces(body), body).toBe(false);
    }
  });

  it("is what makes the two parsers agree: each refused case below parses differently without acorn", () => {
    // A spread position, a brace inside a string, an unbalanced brace.
    for (const body of ["<A {3} />\n", '<A b={"{"} />\n', 'a {"}"} b\n']) {
      expect(onlyLiteralBraces(body)).toBe(false);
      expect(outcome(literalParse, body)).not.toEqual(outcome(acornParse, body));
      expect(outcome(parseMdx, body)).toEqual(outcome(acornParse, body));
    }
  });
});

describe("the parser without acorn gives mdx-bundler's tree whenever it is used", () => {
  it.each(files.map((url) => [url.pathname.split("/").slice(-2).join("/"), url]))("%s", (_, url) => {
    const body = splitFrontMatter(readFileSync(url, "utf8")).body;
    if (body === null || !onlyLiteralBraces(body)) return;
    expectSameParse(body);
  });

  it("on generated scenarios", () => {
    for (let seed = 1; seed <= 5; seed++) {
      const body = splitFrontMatter(generateScenario({ steps: 12, flags: 3, loops: 2, seed })).body!;
      expect(onlyLiteralBraces(body)).toBe(true);
      expectSameParse(body);
    }
  });

  // Bodies stitched from fragments chosen to meet every construct where braces, `=`, tags,
  // quotes, code, containers and import/export interact.
  const fragments = [
    "<Step id=\"a\">", "</Step>", "<Choice to=\"x\" listening={2}>", "</Choice>", "<Customer>", "</Customer>", "<A b={-1} c={true}/>",
    "<A", " b={3}", " c=", "{3}", "{ -3 }", "{true}", "={0}", "={12}", "={ false }", "=", "{", "}", "{1}{2}", "<A {3}/>", "<A b={1}{2}/>",
    "{\"}\"}", "{x}", "{...p}", "{/* c */}", "{2.0}", "/>", ">", "<", "</A>", "<>", "</>", "\"", "'", " b=\"={1}\"", "`", "`={1}`",
    "```\n={1}\n```\n", "    ={1}\n", "> ", "- ", "1. ", "* ", "text", " ", "\t", "\n", "\n\n", "  ", "import a from \"b\"\n", "export const c = {d: 1}\n",
    "export", "import", "<!-- c -->", "&#123;", "\\{", "[a](https://x.example/={1})", "[a={1}]", "**", "_", "#", "---\n", "=\n", "\r\n", "\u00a0",
  ];
  const body = fc.array(fc.constantFrom(...fragments), { maxLength: 24 }).map((parts) => parts.join(""));

  it("on random bodies (the ones onlyLiteralBraces admits)", () => {
    let admitted = 0;
    fc.assert(
      fc.property(body, (text) => {
        if (!onlyLiteralBraces(text)) return;
        admitted++;
        expectSameParse(text);
      }),
      { numRuns: 2000 },
    );
    expect(admitted).toBeGreaterThan(200);
  }, 120_000);

  it("parseMdx picks the parser by onlyLiteralBraces and keeps acorn's tree otherwise", () => {
    const literal = '<A b={-3} c={true} />\n';
    expect(parseMdx(literal)).toEqual(literalParser.parse(literal));
    const other = "<A b={3.0} />\n";
    expect(parseMdx(other)).toEqual(mdxParser.parse(other));
  });
});

describe("the fast tree builder (mdast.ts) builds mdast-util-from-markdown's tree or gives up", () => {
  function expectSameTree(body: string): boolean {
    const fast = fastTree(body);
    if (fast === null) return false;
    expect(outcome(() => fast, body), body).toEqual(outcome(literalParse, body));
    return true;
  }

  it.each(files.map((url) => [url.pathname.split("/").slice(-2).join("/"), url]))("%s", (_, url) => {
    const body = splitFrontMatter(readFileSync(url, "utf8")).body;
    if (body === null || !onlyLiteralBraces(body)) return;
    try {
      literalParser.parse(body);
    } catch {
      return; // a syntax error: nothing to compare
    }
    expectSameTree(body);
  });

  it("builds the tree of every scenario in scenarios/ and of the shared examples itself", () => {
    const own = files.filter((url) => url.pathname.includes("/scenarios/") || /shared\/[^/]+\.mdx$/.test(url.pathname));
    expect(own.length).toBeGreaterThan(4);
    for (const url of own) expect(expectSameTree(splitFrontMatter(readFileSync(url, "utf8")).body!), url.pathname).toBe(true);
  });

  // Markdown-heavy bodies: every construct it handles, and many it gives up on.
  const markdown = [
    "<Customer>", "</Customer>", "<Brief>\n", "\n</Brief>", "<A b=\"c\" d={1}>", "</A>", "<A/>", "<a.b/>", "<A:b/>", "<>", "</>",
    "text", "more words", " ", "  ", "\t", "\n", "\n\n", "  \n", "\\\n", "\\*", "\\", "&amp;", "&#123;", "&", "*", "**", "_", "__", "`", "``",
    "[a](https://x.example/p)", "[a *b*](mailto:a@x.example)", "[a](<b c>)", "[a](b \"t\")", "[a]", "[a][b]", "[b]: https://x.example\n", "![i](x.png)", "](", "[",
    "- ", "* ", "+ ", "1. ", "2) ", "10. ", "   ", "    ", "> ", ">", "# ", "## ", "---\n", "===\n", "```\n", "~~~\n", "<!-- c -->", "\r\n", "\r", "\u00a0", "é",
    // Whole constructs, so that random bodies hold them often enough.
    "\n- one\n- two\n", "\n\n- one\n\n- two\n\n", "\n1. one\n2. two\n", "\n3) three\n\n   more\n", "\n- a\n  - b\n\n  c\n", "\n> quote\n> more\n",
    "\n> - in\n> - quote\n", "[two\nlines](https://x.example)", "[a\\]b](https://x.example/\\(c\\))", ")", "](https://x.example)", "`code\nspan`",
    "<A b=\"x &amp; y\">", "<A b=\"&copy\">", "<A b=\"two\nlines\"/>", "<A\n  b={2}\n  c=\"d\"\n/>", "line one  \nline two", "line one\\\nline two",
  ];
  const markdownBody = fc.array(fc.constantFrom(...markdown), { maxLength: 30 }).map((parts) => parts.join(""));

  it("on random markdown (the trees it builds)", () => {
    let built = 0;
    fc.assert(
      fc.property(markdownBody, (text) => {
        let ok = true;
        try {
          literalParser.parse(text);
        } catch {
          ok = false;
        }
        if (!ok) {
          // mdast-util-from-markdown (or micromark) throws: the fast builder must not build a tree.
          let fast: Root | null | "error" = "error";
          try {
            fast = fastTree(text);
          } catch {
            // micromark's own syntax error
          }
          expect(fast === null || fast === "error", text).toBe(true);
          return;
        }
        if (expectSameTree(text)) built++;
      }),
      { numRuns: 2500 },
    );
    expect(built).toBeGreaterThan(500);
  }, 120_000);
});
