import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { parse as parseYaml } from "yaml";
import * as z from "zod";
import { SKILLS, splitFrontMatter } from "~/engine";

/** Markdown a guide may hold; everything else (JSX, expressions, imports, HTML, images) is refused. */
const ALLOWED_NODES = new Set([
  "root",
  "paragraph",
  "heading",
  "text",
  "emphasis",
  "strong",
  "inlineCode",
  "list",
  "listItem",
  "blockquote",
  "link",
  "thematicBreak",
  "break",
]);
/** Tables are allowed in pages that hold reference figures (content pages), not in skill guides. */
const TABLE_NODES = new Set(["table", "tableRow", "tableCell"]);
const SAFE_LINK = /^(https?:|mailto:)/i;

const GuideFrontMatter = z.strictObject({
  skill: z.enum(SKILLS),
  title: z.string().trim().min(1),
  summary: z.string().trim().min(1),
});
export type GuideFrontMatter = z.infer<typeof GuideFrontMatter>;

export type GuideProblem = { line: number; column: number; message: string };
export type GuideCheck = { frontMatter: GuideFrontMatter; body: string; problems: [] } | { frontMatter: null; body: null; problems: GuideProblem[] };

type MdNode = {
  type: string;
  depth?: number;
  url?: string;
  name?: string | null;
  children?: MdNode[];
  position?: { start: { line: number; column: number } };
};

/** Checks a skill guide (pure: no file system) before anything reaches mdx-bundler. */
export function checkGuideSource(source: string): GuideCheck {
  const split = splitFrontMatter(source);
  const problems: GuideProblem[] = split.problems.map(({ line, column, message }) => ({ line, column, message }));
  let frontMatter: GuideFrontMatter | null = null;
  if (split.yaml !== null) {
    try {
      const parsed = GuideFrontMatter.safeParse(parseYaml(split.yaml));
      if (parsed.success) frontMatter = parsed.data;
      else problems.push(...parsed.error.issues.map((issue) => ({ line: split.yamlLine, column: 1, message: `front matter ${issue.path.join(".") || "(root)"}: ${issue.message}` })));
    } catch (error) {
      problems.push({ line: split.yamlLine, column: 1, message: `front matter is not valid YAML: ${String(error)}` });
    }
  }
  const body = split.body;
  if (body !== null) problems.push(...checkMarkdown(body, "a guide"));
  if (problems.length > 0 || !frontMatter || body === null) {
    return { frontMatter: null, body: null, problems: problems.length > 0 ? problems : [{ line: 1, column: 1, message: "the guide has no front matter" }] };
  }
  return { frontMatter, body, problems: [] };
}

/**
 * Checks markdown before it may reach mdx-bundler: only the nodes above, ## and ### headings
 * (the page supplies the title), and http, https or mailto links. `tables`: also GFM tables,
 * parsed as the renderer will parse them (remark-gfm).
 */
export function checkMarkdown(body: string, what: string, { tables = false }: { tables?: boolean } = {}): GuideProblem[] {
  const problems: GuideProblem[] = [];
  try {
    const parser = tables ? unified().use(remarkParse).use(remarkGfm).use(remarkMdx) : unified().use(remarkParse).use(remarkMdx);
    const tree = parser.parse(body) as MdNode;
    const visit = (node: MdNode) => {
      const at = { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
      if (!ALLOWED_NODES.has(node.type) && !(tables && TABLE_NODES.has(node.type))) problems.push({ ...at, message: `${node.name ? `<${node.name}>` : node.type} is not allowed in ${what}` });
      else if (node.type === "heading" && (node.depth ?? 0) < 2) problems.push({ ...at, message: `${what} uses ## and ### headings; the page supplies the title` });
      else if (node.type === "link" && !SAFE_LINK.test(node.url ?? "")) problems.push({ ...at, message: `links must be http, https or mailto, not "${node.url ?? ""}"` });
      node.children?.forEach(visit);
    };
    visit(tree);
  } catch (error) {
    const place = error as { line?: number; column?: number };
    problems.push({ line: place.line ?? 1, column: place.column ?? 1, message: `MDX syntax error: ${error instanceof Error ? error.message : String(error)}` });
  }
  return problems;
}
