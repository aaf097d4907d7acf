import { describe, expect, it } from "vitest";
import { checkScenarioSource } from "~/engine";
import { draftTitle, frontMatterId, idFromTitle, starterSource, withScenarioId } from "./source";

describe("scenario sources in the workspace", () => {
  it("a new scenario starts valid, with the id and title it was given", () => {
    const source = starterSource("kettle-lid", 'A "cracked" lid');
    const checked = checkScenarioSource(source, { path: "x", hash: "0".repeat(64) });
    expect(checked.problems.filter((problem) => problem.severity === "error")).toEqual([]);
    expect(checked.scenario?.id).toBe("kettle-lid");
    expect(checked.scenario?.title).toBe('A "cracked" lid');
  });

  it("reads and replaces the front-matter id, keeping line endings and everything else", () => {
    const source = "---\r\nid: 'old-id'\r\ntitle: Old\r\n---\r\n\r\n<Brief>x</Brief>\r\n";
    expect(frontMatterId(source)).toEqual({ id: "old-id", line: 2 });
    const renamed = withScenarioId(source, "new-id");
    expect(renamed).toBe("---\r\nid: new-id\r\ntitle: Old\r\n---\r\n\r\n<Brief>x</Brief>\r\n");
    expect(withScenarioId("---\ntitle: T\n---\nbody", "added")).toBe("---\nid: added\ntitle: T\n---\nbody");
    expect(frontMatterId("no front matter\nid: nope")).toBeNull();
    // An id line in the body is not the scenario's id.
    expect(frontMatterId("---\ntitle: T\n---\nid: body-line")).toBeNull();
  });

  it("suggests an id from a title and reads a draft's title without the engine", () => {
    expect(idFromTitle("  Café: the 3rd call!  ")).toBe("cafe-the-3rd-call");
    expect(idFromTitle("!!!")).toBe("");
    expect(draftTitle('---\nid: a\ntitle: "Quoted title"\n---\n', "fallback")).toBe("Quoted title");
    expect(draftTitle("<Brief>no front matter</Brief>\ntitle: not this", "fallback")).toBe("fallback");
  });
});
