import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkScenarioSource } from "~/engine";
import { auditView } from "./audit.server";
import type { LoadedScenario } from "./library.server";

const shared = path.join(import.meta.dirname, "../engine/__fixtures__/shared");

function loaded(name: string, hash: string, edit = (s: string) => s): LoadedScenario {
  const file = `scenarios/${name}.mdx`;
  const source = edit(readFileSync(path.join(shared, `${name}.mdx`), "utf8"));
  const { scenario } = checkScenarioSource(source, { path: file, hash });
  return { path: file, hash, scenario: scenario!, html: {}, warnings: [] };
}

describe("auditView", () => {
  it("gives the library figures and each scenario's findings with their lines", () => {
    const view = auditView({ scenarios: [loaded("parcel-third-call", "a".repeat(64)), loaded("returns-desk-loop", "b".repeat(64))] });
    expect(view.scenarios.map((s) => s.id)).toEqual(["parcel-third-call", "returns-desk-loop"]);
    expect(view.library.decisions).toBe(view.scenarios.reduce((n, s) => n + s.decisions, 0));
    expect(view.targets).toEqual({ longestBestAtMost: 0.35, naiveAtMost: 55, temptingAtLeast: 0.6 });
    expect(view.scenarios[1]!.findings.find((f) => f.rule === "audit-no-skill-difference")).toMatchObject({ path: "scenarios/returns-desk-loop.mdx", line: 40 });
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it("is the same view while no content hash changes, and audits only the changed file again", () => {
    const parcel = loaded("parcel-third-call", "c".repeat(64));
    const returns = loaded("returns-desk-loop", "d".repeat(64));
    const first = auditView({ scenarios: [parcel, returns] });
    expect(auditView({ scenarios: [parcel, returns] })).toBe(first);
    const edited = loaded("returns-desk-loop", "e".repeat(64), (s) => s.replace("Store credit? What does that mean exactly?", "Store credit?"));
    const second = auditView({ scenarios: [parcel, edited] });
    expect(second).not.toBe(first);
    expect(second.scenarios[0]).toBe(first.scenarios[0]);
    expect(second.scenarios[1]).not.toBe(first.scenarios[1]);
    expect(second.scenarios[1]!.findings).toEqual(first.scenarios[1]!.findings);
  });
});
