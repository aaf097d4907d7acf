import { describe, expect, it } from "vitest";
import { blank, parseFrontMatter, splitFrontMatter } from "./frontmatter";
import { check, checkWithSource, errors, SIMPLE, valid } from "./__fixtures__/helpers";

describe("splitFrontMatter", () => {
  it("blanks the block but keeps every offset, line and column", () => {
    const source = "---\nid: x\n---\n<Step>";
    const { body, yaml } = splitFrontMatter(source);
    expect(body).toHaveLength(source.length);
    expect(body!.split("\n")).toHaveLength(4);
    expect(body!.endsWith("<Step>")).toBe(true);
    expect(yaml).toBe("id: x");
    expect(blank("ab\r\ncd")).toBe("  \r\n  ");
  });

  it.each(["---js", "---javascript", "---coffee", "---json", "--- js", "---yaml-but-not-quite"])(
    "refuses %s front matter without reading it",
    (opening) => {
      const split = splitFrontMatter(`${opening}\n{ id: "x" }\n---\nbody`);
      expect(split.yaml).toBeNull();
      expect(split.problems.map((p) => [p.line, p.rule])).toEqual([[1, "frontmatter-language"]]);
      expect(split.body).toContain("body");
      expect(split.body).not.toContain("id");
    },
  );

  it("refuses other delimiters such as ;;; and +++", () => {
    for (const delimiter of [";;;", "+++"]) {
      const split = splitFrontMatter(`${delimiter}\nid = "x"\n${delimiter}\nbody`);
      expect(split.problems[0]?.rule).toBe("frontmatter-language");
      expect(split.body).toContain("body");
    }
  });

  it("reports a missing or unclosed block at line 1", () => {
    expect(splitFrontMatter("<Step />").problems[0]).toMatchObject({ line: 1, rule: "frontmatter" });
    const unclosed = splitFrontMatter("---\nid: x\n");
    expect(unclosed.problems[0]).toMatchObject({ line: 1, rule: "frontmatter" });
    expect(unclosed.body).toBeNull();
  });
});

describe("parseFrontMatter", () => {
  const good = "id: a\ntitle: T\nsummary: S\npersona: angry\ncustomer: C\nchannel: phone\ndifficulty: 2";

  it("applies the defaults", () => {
    const { data } = parseFrontMatter(good, 2);
    expect(data).toMatchObject({ mood: 0, locale: "en", tags: [] });
    expect(data?.minutes).toBeUndefined();
  });

  it("reports missing fields at the opening line and unknown keys at their own line", () => {
    const { problems } = parseFrontMatter("id: a\ncolour: red", 2);
    expect(problems).toContainEqual(expect.objectContaining({ line: 3, rule: "frontmatter-unknown-key" }));
    expect(problems).toContainEqual(expect.objectContaining({ line: 1, rule: "frontmatter-field", message: expect.stringContaining('"title"') }));
  });

  it.each([
    ["persona: sad", "persona"],
    ["channel: fax", "channel"],
    ["difficulty: 4", "difficulty"],
    ['difficulty: "2"', "difficulty"],
    ["mood: 6", "mood"],
    ["mood: 1.5", "mood"],
    ["id: Not_Kebab", "id"],
    ["locale: 'not a locale!'", "locale"],
    ["minutes: 0", "minutes"],
    ["patience: -1", "patience"],
    ["tags: just-a-string", "tags"],
    ["title: ''", "title"],
  ])("refuses %s at its own line", (line, key) => {
    const yaml = good.split("\n").filter((l) => !l.startsWith(`${key}:`)).concat(line).join("\n");
    const { data, problems } = parseFrontMatter(yaml, 2);
    expect(data).toBeNull();
    const at = yaml.split("\n").indexOf(line) + 2;
    expect(problems).toContainEqual(expect.objectContaining({ line: at, rule: "frontmatter-field" }));
  });

  it("reports YAML syntax errors, duplicate keys and non-mappings where they are", () => {
    expect(parseFrontMatter("id: a\ntitle: [unclosed\n", 2).problems[0]?.rule).toBe("frontmatter");
    expect(parseFrontMatter("id: a\nid: b\n", 2).problems[0]).toMatchObject({ line: 3, rule: "frontmatter" });
    expect(parseFrontMatter("- a\n- b\n", 2).problems[0]).toMatchObject({ rule: "frontmatter" });
  });

  it("never resolves custom tags such as !!js/function", () => {
    const { data, problems } = parseFrontMatter(`${good}\nsummary2: !!js/function "function () {}"`, 2);
    expect(data).toBeNull();
    expect(problems[0]).toMatchObject({ line: 9, rule: "frontmatter" });
  });
});

describe("front matter in a whole file", () => {
  it("counts lines from the top of the file", () => {
    const { result, at } = checkWithSource(SIMPLE, { colour: "red" });
    expect(errors(result)).toEqual([`${at("colour:")}:frontmatter-unknown-key`]);
  });

  it("canonicalises the locale and keeps the tags", () => {
    const scenario = valid(SIMPLE, { locale: "pt-br", tags: "[billing, late-order]" });
    expect(scenario.locale).toBe("pt-BR");
    expect(scenario.tags).toEqual(["billing", "late-order"]);
  });

  it("reports a missing front-matter field at line 1", () => {
    expect(errors(check(SIMPLE, { title: null }))).toEqual(["1:frontmatter-field"]);
  });
});
