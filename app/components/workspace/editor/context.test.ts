import { describe, expect, it } from "vitest";
import { contextAt } from "./context";

/** The context at the `|` in `text` (the bar itself removed). */
function at(text: string) {
  const pos = text.indexOf("|");
  return contextAt(text.slice(0, pos) + text.slice(pos + 1), pos);
}

const header = "---\nid: a\ntitle: T\n---\n";

describe("contextAt", () => {
  it("offers component names right after < and </, knowing whether it is inside a Step", () => {
    expect(at(`${header}<|`)).toEqual({ kind: "component", from: header.length + 1, closing: false, insideStep: false });
    expect(at(`${header}<St|`)).toMatchObject({ kind: "component", from: header.length + 1, closing: false });
    expect(at(`${header}<Step id="a">\n  <Ch|`)).toMatchObject({ kind: "component", insideStep: true });
    expect(at(`${header}<Step id="a">\n  <Choice to="a">Hi</|`)).toMatchObject({ kind: "component", closing: true });
    expect(at(`${header}<Step id="a"></Step>\n<|`)).toMatchObject({ kind: "component", insideStep: false });
  });

  it("offers a component's attributes inside its tag, leaving out those written", () => {
    expect(at('<Step id="a">\n<Choice |')).toMatchObject({ kind: "attribute", component: "Choice", written: [] });
    const text = '<Step id="a">\n<Choice to="b" mood={1}\n    feedback="a > b" fe|';
    expect(at(text)).toEqual({ kind: "attribute", from: text.indexOf("fe|"), component: "Choice", written: ["to", "mood", "feedback"] });
    expect(at('<Ending resolved |')).toMatchObject({ kind: "attribute", written: ["resolved"] });
  });

  it("offers values inside quotes, after = and inside braces", () => {
    const text = '<Step id="a">\n<Choice to="op|';
    expect(at(text)).toMatchObject({ kind: "value", from: text.indexOf("op|"), component: "Choice", quote: '"', attribute: { name: "to", kind: "ref" } });
    expect(at('<Choice to=|')).toMatchObject({ kind: "value", quote: null, attribute: { name: "to" } });
    expect(at('<Choice empathy={|')).toMatchObject({ kind: "value", quote: "{", attribute: { name: "empathy", kind: "int" } });
    expect(at('<Ending id="x" outcome="sa|')).toMatchObject({ kind: "value", attribute: { name: "outcome" } });
  });

  it("completes the flag at the cursor in a list of flags", () => {
    const text = '<Choice to="a" requires="promised  checked ref|';
    expect(at(text)).toEqual({
      kind: "value",
      from: text.indexOf("ref|"),
      component: "Choice",
      attribute: expect.objectContaining({ name: "requires", kind: "flags" }),
      quote: '"',
      written: ["promised", "checked"],
    });
  });

  it("offers nothing inside an unknown tag, a closing tag's attributes or an unknown attribute", () => {
    expect(at("<Stepper |")).toBeNull();
    expect(at("<div |")).toBeNull();
    expect(at("</Step |")).toBeNull();
    expect(at('<Choice nope="|')).toBeNull();
    expect(at("<3|")).toBeNull();
  });

  it("is plain text after a closed tag or a lone <", () => {
    expect(at('<Step id="a">\n  <Customer>Hello th|')).toMatchObject({ kind: "text", insideStep: true });
    const text = "<Brief>If a < b then wri|";
    expect(at(text)).toEqual({ kind: "text", from: text.indexOf("wri|"), insideStep: false });
  });

  it("offers front matter keys at the start of a line and values after the colon", () => {
    const text = `---\nid: a\npers|\n---\n`;
    expect(at(text)).toEqual({ kind: "frontMatterKey", from: text.indexOf("pers|"), written: ["id"] });
    expect(at(`---\nid: a\nchannel: ch|\n---\n`)).toMatchObject({ kind: "frontMatterValue", key: "channel" });
    expect(at(`---\nid: a\nstart: |`)).toMatchObject({ kind: "frontMatterValue", key: "start" });
    expect(at(`---\ntitle: The <|\n---\n`)).toBeNull();
    expect(at(`---|\nid: a\n---\n`)).not.toMatchObject({ kind: "frontMatterKey" });
    expect(at(`${header}persona|`)).toMatchObject({ kind: "text" });
  });
});
