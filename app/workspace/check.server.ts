import type { Problem, Scenario } from "~/engine";
import { checkOffThread } from "~/library/check-pool.server";
import { contentHash } from "~/library/hash.server";
import { workspacePath } from "~/library/catalog.server";
import { frontMatterId, MAX_SOURCE_BYTES, sourceBytes } from "./source";

export type WorkspaceCheck = { problems: Problem[]; scenario: Scenario | null; hash: string };

function problem(rule: string, message: string, line = 1, column = 1, path = ""): Problem {
  return { severity: "error", rule, message, line, column, path };
}

/**
 * The engine's check of a workspace source (in a worker thread), plus the workspace's own rules: the size limit (before
 * anything reads the text) and the id, which must stay the scenario's own.
 */
export async function checkWorkspaceSource(scenarioId: string, source: string): Promise<WorkspaceCheck> {
  const path = workspacePath(scenarioId);
  const hash = contentHash(source);
  const bytes = sourceBytes(source);
  if (bytes > MAX_SOURCE_BYTES) {
    const kb = (size: number) => Math.ceil(size / 1024);
    return { hash, scenario: null, problems: [problem("too-large", `This scenario is ${kb(bytes)} KB; the limit is ${kb(MAX_SOURCE_BYTES)} KB. Split it into two scenarios.`, 1, 1, path)] };
  }
  // Off the request thread, with a time limit: a hostile paste can never stall the server.
  const result = await checkOffThread(source, { path, hash });
  const problems = [...result.problems];
  const declared = frontMatterId(source);
  if (declared && declared.id !== scenarioId) {
    problems.push(
      problem(
        "id-changed",
        `The id must stay "${scenarioId}": attempts and analytics are filed under it. To make a new scenario from this one, use Duplicate on the library page.`,
        declared.line,
        1,
        path,
      ),
    );
    problems.sort((a, b) => a.line - b.line || a.column - b.column);
  }
  const failed = problems.some((entry) => entry.severity === "error");
  return { hash, problems, scenario: failed ? null : result.scenario };
}
