import { describe, expect, it } from "vitest";
import { frontMatterKeys, frontMatterRange, insideStep, scanNames } from "./scan";

describe("scanNames", () => {
  it("finds step and ending ids in order and every flag, sorted", () => {
    const source = `<Step id="opening" patience={30}>
  <Choice to="close" set="promised backup" mood={1}
    feedback="A > sign in quotes does not end the tag">x</Choice>
  <Choice to="close" requires="promised" unless="angry">y</Choice>
</Step>
<Step id="close"><Customer>Bye</Customer></Step>
<Ending id="sorted" outcome="satisfied" resolved>Done</Ending>
<Ending outcome="lost" id="gone">Gone</Ending>`;
    expect(scanNames(source)).toEqual({
      steps: ["opening", "close"],
      endings: ["sorted", "gone"],
      flags: ["angry", "backup", "promised"],
      setFlags: ["backup", "promised"],
    });
  });

  it("takes a half-typed document as it is, leaving out what is still being typed or malformed", () => {
    const source = `<Step id="opening">
  <Choice to="op" set="half`;
    expect(scanNames(source)).toEqual({ steps: ["opening"], endings: [], flags: [], setFlags: [] });
    expect(scanNames('<Step id="Bad Id">\n<Ending id={3}>\n<Ending id="ok">')).toMatchObject({ steps: [], endings: ["ok"] });
    expect(scanNames('<Step id="a">\n<Step id="a">')).toMatchObject({ steps: ["a"] });
    expect(scanNames("<Stepper id=\"no\">\n<Choice set=\"Not-Kebab fine\">")).toMatchObject({ steps: [], flags: ["fine"] });
  });

  it("finds nothing in an empty document", () => {
    expect(scanNames("")).toEqual({ steps: [], endings: [], flags: [], setFlags: [] });
  });
});

describe("frontMatterRange", () => {
  it("runs from the opening --- to the start of the closing --- line", () => {
    const source = "---\nid: a\ntitle: T\n---\n<Step id=\"s\">";
    expect(frontMatterRange(source)).toEqual({ from: 0, to: source.indexOf("\n---") + 1 });
    expect(frontMatterKeys(source)).toEqual(["id", "title"]);
  });

  it("runs to the first component while the closing line is not written, and is null without an opening", () => {
    const source = "---\nid: a\npersona: \n<Step id=\"s\">";
    expect(frontMatterRange(source)).toEqual({ from: 0, to: source.indexOf("<Step") });
    expect(frontMatterRange("---\nid: a")).toEqual({ from: 0, to: 9 });
    expect(frontMatterRange("<Step>\n---\n")).toBeNull();
    expect(frontMatterRange("----\n")).toBeNull();
    expect(frontMatterKeys("<Step>")).toEqual([]);
  });
});

describe("insideStep", () => {
  const source = '<Brief>b</Brief>\n<Step id="a">\n  <Customer>x</Customer>\n</Step>\n<Ending id="e">';
  it("is true between a Step's opening and closing tags only", () => {
    expect(insideStep(source, source.indexOf("<Customer"))).toBe(true);
    expect(insideStep(source, source.indexOf("<Brief") + 1)).toBe(false);
    expect(insideStep(source, source.indexOf("<Ending"))).toBe(false);
    expect(insideStep('<Step id="a">\n  ', 16)).toBe(true);
  });
});
