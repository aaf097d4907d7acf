/**
 * Scenario files on disk: finding them in path order, reading and checking
 * them (without compiling), and the duplicate-id rule across files. Kept
 * apart from the compiler so `scenarios check` starts fast.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { checkScenarioSource } from "~/engine";
import type { Problem, Scenario } from "~/engine";
import { contentHash } from "./hash.server";

export class MissingPathError extends Error {
  constructor(readonly missing: string) {
    super(`no such file or folder: ${missing}`);
    this.name = "MissingPathError";
  }
}

/** Path as shown to people: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every .mdx file under the given files or folders, in path order. Throws MissingPathError. */
export function findScenarioFiles(targets: readonly string[]): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith(".mdx")) found.add(full);
    }
  };
  for (const target of targets) {
    let stat;
    try {
      stat = statSync(target);
    } catch {
      throw new MissingPathError(target);
    }
    if (stat.isDirectory()) walk(target);
    else found.add(target);
  }
  return [...found].map((f) => path.resolve(f)).sort(byPath);
}

export function duplicateProblem(file: string, scenario: Scenario, first: string): Problem {
  return {
    severity: "error",
    rule: "duplicate-scenario",
    message:
      first === "workspace"
        ? `scenario id "${scenario.id}" already belongs to a scenario written in the workspace; give this file another id`
        : `scenario id "${scenario.id}" is already used by ${first}, which had it first`,
    line: scenario.idPosition.line,
    column: scenario.idPosition.column,
    path: file,
  };
}

export function readProblem(file: string, error: unknown): Problem {
  return { severity: "error", rule: "read", message: `cannot read the file: ${(error as Error).message}`, line: 1, column: 1, path: file };
}

export interface CheckedFile {
  path: string;
  problems: Problem[];
  scenario: Scenario | null;
}

/** Check files without compiling them (the CLI's `check`), including duplicate ids across them. */
export function checkFiles(files: readonly string[]): CheckedFile[] {
  const owners = new Map<string, string>();
  return [...files].sort(byPath).map((file) => {
    const shown = displayPath(file);
    let source: string;
    try {
      source = readFileSync(file, "utf8");
    } catch (error) {
      return { path: shown, problems: [readProblem(shown, error)], scenario: null };
    }
    const { scenario, problems } = checkScenarioSource(source, { path: shown, hash: contentHash(source) });
    if (scenario) {
      const first = owners.get(scenario.id);
      if (first !== undefined) return { path: shown, problems: [...problems, duplicateProblem(shown, scenario, first)], scenario: null };
      owners.set(scenario.id, shown);
    }
    return { path: shown, problems, scenario };
  });
}

