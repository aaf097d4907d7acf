/**
 * Compile a checked scenario with mdx-bundler and render every piece of text
 * (Brief, each Customer, Coach, Choice and Ending) to HTML on the server, so
 * no browser ever evaluates scenario code. The result is plain JSON.
 *
 * Defence in depth, in this order:
 * 1. checkScenarioSource refuses the file unless it holds nothing but the
 *    allowed components with literal props and markdown (front matter is
 *    parsed by our own YAML-only parser; `---js` is refused unread).
 * 2. The front matter is blanked before bundling, so gray-matter inside
 *    bundleMDX finds none; its engines refuse every language but YAML anyway.
 * 3. A remark plugin inside the bundle re-checks the tree and throws on any
 *    import/export, expression or unknown element.
 */
import remarkGfm from "remark-gfm";
import { bundleMDX } from "mdx-bundler";
import { getMDXComponent } from "mdx-bundler/client/index.js";
import { createElement, Fragment } from "react";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { parse as parseYaml } from "yaml";
import { checkScenarioSource, COMPONENTS, splitFrontMatter } from "~/engine";
import type { Piece, Problem, Scenario } from "~/engine";

/** Bump when the compiled artefact or the engine's semantics change: old cache entries are then recompiled. */
export const COMPILED_FORMAT = "frontline-scenario-1";

export interface CompiledScenario {
  format: typeof COMPILED_FORMAT;
  hash: string;
  scenario: Scenario;
  /** HTML per piece key (see Piece.key): `brief`, `step:<id>:customer:<n>`, `step:<id>:coach`, `choice:<id>`, `ending:<id>`. */
  html: Record<string, string>;
  /** Warnings found by the check (errors mean nothing was compiled). */
  warnings: Problem[];
}

export class RefusedFrontMatterError extends Error {
  constructor(language: string) {
    super(`front matter in "${language}" is refused: scenarios use YAML only`);
    this.name = "RefusedFrontMatterError";
  }
}

function refuse(language: string) {
  const fail = () => {
    throw new RefusedFrontMatterError(language);
  };
  return { parse: fail, stringify: fail };
}

/**
 * gray-matter options for every call (bundleMDX's included): YAML through the
 * `yaml` package, every other language refused before it can run.
 */
export function safeGrayMatterOptions<T extends object>(options: T): T {
  return {
    ...options,
    language: "yaml",
    engines: {
      yaml: { parse: (text: string) => parseYaml(text, { logLevel: "silent" }) as object, stringify: refuse("yaml").stringify },
      yml: { parse: (text: string) => parseYaml(text, { logLevel: "silent" }) as object, stringify: refuse("yml").stringify },
      js: refuse("js"),
      javascript: refuse("javascript"),
      coffee: refuse("coffee"),
      coffeescript: refuse("coffeescript"),
      cson: refuse("cson"),
      json: refuse("json"),
      toml: refuse("toml"),
    },
  };
}

const LEAVES = new Set(["Brief", "Customer", "Coach", "Choice", "Ending"]);
const ALLOWED = new Set<string>(COMPONENTS);

interface TreeNode {
  type: string;
  name?: string | null;
  children?: TreeNode[];
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number; column: number } };
}

/**
 * Remark plugin: refuse anything executable (second gate) and tag each leaf
 * component with its source position.
 */
function annotatePieces() {
  return (tree: TreeNode) => {
    const visit = (node: TreeNode) => {
      if (node.type === "mdxjsEsm" || node.type === "mdxFlowExpression" || node.type === "mdxTextExpression") {
        throw new Error(`refused ${node.type} while bundling`);
      }
      if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
        if (!node.name || !ALLOWED.has(node.name)) throw new Error(`refused element <${node.name ?? ""}> while bundling`);
        if (node.attributes?.some((a) => a.type !== "mdxJsxAttribute")) throw new Error("refused spread attribute while bundling");
        if (LEAVES.has(node.name)) {
          const at = `${node.position?.start.line}:${node.position?.start.column}`;
          node.attributes = [{ type: "mdxJsxAttribute", name: "data-at", value: at }];
        } else node.attributes = [];
      }
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}

/** Bundle an MDX body whose front matter has already been blanked. Exported for the safety tests. */
export async function bundleBody(body: string, { tables = false }: { tables?: boolean } = {}): Promise<string> {
  const result = await bundleMDX({
    source: body,
    grayMatterOptions: safeGrayMatterOptions,
    mdxOptions(options) {
      // First, so it sees the tree as written (remark-mdx-frontmatter adds its own export after it).
      // Tables only for content pages, whose check allowed them (guides/guide-check.ts checkMarkdown).
      options.remarkPlugins = [annotatePieces, ...(tables ? [remarkGfm] : []), ...(options.remarkPlugins ?? [])];
      return options;
    },
    esbuildOptions(options) {
      options.logLevel = "silent";
      return options;
    },
  });
  if (result.errors.length) throw new Error(`mdx-bundler: ${result.errors.map((e) => e.text).join("; ")}`);
  return result.code;
}

interface PieceProps {
  "data-at"?: string;
  children?: ReactNode;
}

const piece = ({ "data-at": at, children }: PieceProps) => createElement("frontline-piece", { "data-at": at }, children);
const components = {
  Brief: piece,
  Customer: piece,
  Coach: piece,
  Choice: piece,
  Ending: piece,
  Step: ({ children }: { children?: ReactNode }) => createElement(Fragment, null, children),
  a: ({ href, children }: { href?: string; children?: ReactNode }) =>
    createElement("a", { href, rel: "noopener noreferrer nofollow" }, children),
};

function piecesOf(scenario: Scenario): Piece[] {
  return [
    ...(scenario.brief ? [scenario.brief] : []),
    ...scenario.steps.flatMap((s) => [...s.customer, ...(s.coach ? [s.coach] : []), ...s.choices.map((c) => c.text)]),
    ...scenario.endings.map((e) => e.text),
  ];
}

/** Evaluate the bundle on the server and render each piece to HTML, keyed by piece key. */
export function renderPieces(code: string, scenario: Scenario): Record<string, string> {
  const Component = getMDXComponent(code);
  const markup = renderToStaticMarkup(createElement(Component, { components }));
  const byPosition = new Map<string, string>();
  for (const match of markup.matchAll(/<frontline-piece data-at="(\d+:\d+)">([\s\S]*?)<\/frontline-piece>/g)) {
    const inner = match[2]!.trim();
    // One-line content (<Customer>Hi</Customer>) renders as phrasing: give every piece block HTML.
    byPosition.set(match[1]!, inner === "" || /^<(p|ul|ol|blockquote)[ >]/.test(inner) ? inner : `<p>${inner}</p>`);
  }
  const html: Record<string, string> = {};
  for (const p of piecesOf(scenario)) {
    const rendered = byPosition.get(`${p.line}:${p.column}`);
    if (rendered === undefined) throw new Error(`no HTML rendered for ${p.key} at ${p.line}:${p.column}`);
    html[p.key] = rendered;
  }
  return html;
}

export type CompileResult = { compiled: CompiledScenario; problems: Problem[] } | { compiled: null; problems: Problem[] };

/** Check, then (only if the file has no error) bundle and render one scenario. */
export async function compileScenario(source: string, info: { path: string; hash: string }): Promise<CompileResult> {
  const { scenario, problems } = checkScenarioSource(source, info);
  if (!scenario) return { compiled: null, problems };
  const body = splitFrontMatter(source).body;
  if (body === null) throw new Error("unreachable: a checked scenario always has closed front matter");
  const code = await bundleBody(body);
  return {
    compiled: {
      format: COMPILED_FORMAT,
      hash: info.hash,
      scenario,
      html: renderPieces(code, scenario),
      warnings: problems,
    },
    problems,
  };
}
