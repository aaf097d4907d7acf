import { describe, expect, it } from "vitest";
import { scenarioLanguage } from "./language";

/** Each styled token of `text` as "type text". */
function tokens(text: string): string[] {
  const found: string[] = [];
  scenarioLanguage.parser.parse(text).iterate({
    enter(node) {
      if (node.type.isTop) return;
      found.push(`${node.name} ${text.slice(node.from, node.to)}`);
    },
  });
  return found;
}

describe("scenario highlighting", () => {
  it("reads the front matter as keys and values, only when the file opens with ---", () => {
    const found = tokens("---\nid: kettle\ndifficulty: 2\ntags: [a, b] # note\n---\n<Brief>Hi</Brief>");
    expect(found).toEqual(
      expect.arrayContaining(["meta ---", "propertyName id", "string kettle", "propertyName difficulty", "number 2", "comment # note", "tagName Brief"]),
    );
    expect(tokens("Text\n---\nid: x")).not.toContain("propertyName id");
  });

  it("reads tags: names, attributes, quoted values across lines, numbers, booleans and expressions", () => {
    const found = tokens('<Choice to="hello" empathy={2} mood={-1}\n  feedback="Two\nlines" resolved={true} bad={x + 1}>\n  Reply\n</Choice>');
    expect(found).toEqual(
      expect.arrayContaining([
        "angleBracket <",
        "tagName Choice",
        "attributeName to",
        'string "hello"',
        "number {2}",
        "number {-1}",
        'string "Two',
        'string lines"',
        "bool {true}",
        "invalid {x + 1}",
        "angleBracket </",
      ]),
    );
    expect(found).not.toContain("attributeName lines");
  });

  it("marks a tag the format does not know", () => {
    expect(tokens("<div>x</div>")).toContain("tagName_invalid div");
  });

  it("reads the markdown allowed in text, and leaves a lone < alone", () => {
    const found = tokens("<Customer>\n> quoted\n- item\nA **strong** and *soft* word, `code`, [a link](https://example.com) and 1 < 2 or {this}.\n</Customer>");
    expect(found).toEqual(
      expect.arrayContaining(["quote >", "list -", "strong **strong**", "emphasis *soft*", "monospace `code`", "link [a link]", "url (https://example.com)", "invalid {this}"]),
    );
    expect(found.some((token) => token.startsWith("angleBracket <") && token.includes("2"))).toBe(false);
  });
});
