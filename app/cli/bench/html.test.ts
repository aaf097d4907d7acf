import { describe, expect, it } from "vitest";
import { attributesOf, inlineScriptBytes, readPlayPage, scriptAssets } from "./html";

describe("bench HTML readers", () => {
  it("reads attributes in any order, with entities decoded", () => {
    expect(attributesOf('<button type="submit" value="a&amp;b" name=choiceId disabled>')).toEqual({
      type: "submit",
      value: "a&b",
      name: "choiceId",
      disabled: "",
    });
  });

  it("reads the turn and the enabled choices of a play page", () => {
    const html = `<form><input type="hidden" name="turn" value="3"/>
      <button type="submit" name="choiceId" value="listen" class="choice">1</button>
      <button class="choice" value="promise" name="choiceId" type="submit">2</button>
      <button type="submit" name="choiceId" value="late" disabled="">3</button>
      <button type="button" name="other" value="x">menu</button></form>`;
    expect(readPlayPage(html)).toEqual({ turn: 3, choiceIds: ["listen", "promise"] });
    expect(readPlayPage("<p>debrief</p>")).toBeNull();
  });

  it("lists script and modulepreload assets under /build/ once, and measures inline scripts", () => {
    const html = `<link rel="modulepreload" href="/build/a.js"/><link rel="stylesheet" href="/build/app.css"/>
      <script nonce="n">window.__remixContext = {};</script><script type="module" src="/build/a.js"></script>
      <link href="/build/b.js" rel="modulepreload"/><script src="https://cdn.example/x.js"></script>`;
    expect(scriptAssets(html)).toEqual(["/build/a.js", "/build/b.js"]);
    expect(inlineScriptBytes(html)).toBe("window.__remixContext = {};".length);
  });
});
