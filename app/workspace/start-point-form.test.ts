import { describe, expect, it } from "vitest";
import { checkStartPoint } from "~/engine/start-at";
import { previewScenario } from "~/engine/__fixtures__/preview";
import { workspacePreview } from "~/locales/en/workspace-preview";
import { isStartPointErrorKey, parseStartPointForm, startPointErrors, StartPointForm } from "./start-point-form";

const form = (fields: [string, string][]) => new URLSearchParams(fields);

describe("parseStartPointForm", () => {
  it("reads the step, the mood, every ticked flag and the visits", () => {
    const result = parseStartPointForm(
      form([
        ["stepId", "check"],
        ["mood", " -2 "],
        ["flags", "promised"],
        ["flags", "rushed"],
        ["visits.greet", "1"],
        ["visits.details", "2"],
        ["visits.check", ""],
      ]),
    );
    expect(result).toEqual({ ok: true, point: { stepId: "check", mood: -2, flags: ["promised", "rushed"], visits: { greet: 1, details: 2, check: 0 } } });
  });

  it("reads a form with no flag ticked and no visits fields, from FormData too", () => {
    const data = new FormData();
    data.set("stepId", "greet");
    data.set("mood", "0");
    expect(parseStartPointForm(data)).toEqual({ ok: true, point: { stepId: "greet", mood: 0, flags: [], visits: {} } });
  });

  it("takes a typographic minus sign for a negative mood", () => {
    expect(parseStartPointForm(form([["stepId", "greet"], ["mood", "−3"]]))).toMatchObject({ ok: true, point: { mood: -3 } });
  });

  it("puts each problem under its field, as a translation key", () => {
    const result = parseStartPointForm(
      form([
        ["mood", "6"],
        ["visits.greet", "3"],
        ["visits.check", "one"],
        ["flags", " "],
      ]),
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        stepId: ["workspacePreview.start.errors.stepRequired"],
        mood: ["workspacePreview.start.errors.moodWhole"],
        flags: ["workspacePreview.start.errors.flagInvalid"],
        "visits.greet": ["workspacePreview.start.errors.visitsWhole"],
        "visits.check": ["workspacePreview.start.errors.visitsWhole"],
      },
    });
  });

  it("refuses a missing, blank or fractional mood", () => {
    for (const mood of [undefined, "", "1.5", "2e1", "-"]) {
      const fields: [string, string][] = [["stepId", "greet"]];
      if (mood !== undefined) fields.push(["mood", mood]);
      expect(parseStartPointForm(form(fields))).toEqual({ ok: false, errors: { mood: ["workspacePreview.start.errors.moodWhole"] } });
    }
  });

  it("uses only keys the copy has", () => {
    const keys = Object.keys(workspacePreview.start.errors).map((key) => `workspacePreview.start.errors.${key}`);
    const result = parseStartPointForm(form([["mood", "x"], ["visits.a", "x"], ["flags", ""]]));
    const used = result.ok ? [] : Object.values(result.errors).flat();
    expect(used.length).toBe(4);
    for (const key of used) {
      expect(keys).toContain(key);
      expect(isStartPointErrorKey(key)).toBe(true);
    }
  });

  it("is the same schema conform would use on a nested object", () => {
    expect(StartPointForm.parse({ stepId: "greet", mood: "1", flags: "rushed", visits: { details: undefined } })).toEqual({
      stepId: "greet",
      mood: 1,
      flags: ["rushed"],
      visits: { details: 0 },
    });
  });
});

describe("startPointErrors", () => {
  it("puts the engine's problems, in words, under the form's field names", () => {
    const scenario = previewScenario();
    const problems = checkStartPoint(scenario, { stepId: "lost", mood: 0, flags: ["vip"], visits: { details: 2, nowhere: 1 } });
    const errors = startPointErrors(problems);
    expect(Object.keys(errors)).toEqual(["stepId", "flags", "visits.nowhere"]);
    expect(errors.stepId![0]).toContain('"lost" is an ending');
    expect(isStartPointErrorKey(errors.flags![0]!)).toBe(false);
  });
});
