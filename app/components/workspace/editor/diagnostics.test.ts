import { describe, expect, it } from "vitest";
import { offsetAt, toDiagnostics } from "./diagnostics";
import type { EditorProblem } from "./diagnostics";

const problem = (line: number, column: number, severity: EditorProblem["severity"] = "error"): EditorProblem => ({
  line,
  column,
  severity,
  rule: "some-rule",
  message: "Something is wrong here",
});

const source = ['---', 'persona: angry', '---', '', '<Step id="hello">', '  <Coach>Breathe.</Coach>', '  <Choice to="x">Hi</Choice>', '</Step>'].join("\n");
const underlined = (line: number, column: number) => {
  const [diagnostic] = toDiagnostics(source, [problem(line, column)]);
  return source.slice(diagnostic?.from, diagnostic?.to);
};

describe("toDiagnostics", () => {
  it("underlines the word at the problem's line and column", () => {
    expect(underlined(5, 1)).toBe("<Step");
    expect(underlined(6, 3)).toBe("<Coach>");
    expect(underlined(7, 11)).toBe('to="x">');
    expect(underlined(2, 1)).toBe("persona:");
  });

  it("keeps the severity, the message and the rule", () => {
    const [diagnostic] = toDiagnostics(source, [problem(2, 10, "warning")]);
    expect(diagnostic).toMatchObject({ severity: "warning", message: "Something is wrong here", source: "some-rule" });
    expect(source.slice(diagnostic?.from, diagnostic?.to)).toBe("angry");
  });

  it("underlines one character on a space, and the last character at the end of a line", () => {
    expect(underlined(6, 1)).toBe(" ");
    expect(underlined(2, 15)).toBe("y");
  });

  it("clamps a line or column outside the text instead of failing", () => {
    const cases: Array<[number, number]> = [[99, 1], [2, 99], [0, 0], [-3, -7], [Number.NaN, Number.POSITIVE_INFINITY], [1.5, 2.5]];
    for (const [line, column] of cases) {
      const [diagnostic] = toDiagnostics(source, [problem(line, column)]);
      expect(diagnostic!.from, `${line}:${column}`).toBeGreaterThanOrEqual(0);
      expect(diagnostic!.to, `${line}:${column}`).toBeLessThanOrEqual(source.length);
      expect(diagnostic!.to, `${line}:${column}`).toBeGreaterThan(diagnostic!.from);
    }
    expect(underlined(99, 1)).toBe("</Step>");
    expect(underlined(2, 99)).toBe("y");
  });

  it("places a point on an empty line and in an empty text", () => {
    const [blank] = toDiagnostics(source, [problem(4, 1)]);
    expect(blank?.from).toBe(source.indexOf("\n\n") + 1);
    expect(blank?.to).toBe(blank?.from);
    expect(toDiagnostics("", [problem(3, 3)])).toMatchObject([{ from: 0, to: 0 }]);
  });

  it("maps every problem, in the order given", () => {
    expect(toDiagnostics(source, [problem(5, 1), problem(2, 1)]).map((d) => d.from)).toEqual([source.indexOf("<Step"), source.indexOf("persona")]);
    expect(toDiagnostics(source, [])).toEqual([]);
  });
});

describe("offsetAt", () => {
  it("counts lines and columns from 1, clamped", () => {
    expect(offsetAt(source, 2, 10)).toBe(source.indexOf("angry"));
    expect(offsetAt(source, 1, 1)).toBe(0);
    expect(offsetAt(source, 1000, 1000)).toBe(source.length);
    expect(offsetAt("", 3, 3)).toBe(0);
  });
});
