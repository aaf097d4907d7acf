import { readFileSync } from "node:fs";
import { getLibrary } from "~/library/catalog.server";
import { findWorkspaceScenario, findWorkspaceVersionSource } from "~/models/workspace-scenario.server";
import { WorkspaceError } from "./errors";

/**
 * The text behind "Download .mdx": a file's own text; for a workspace scenario, its draft when
 * `draft` is asked for (the editor's button), else the published version (or the draft if none).
 */
export async function downloadSource(scenarioId: string, { draft = false }: { draft?: boolean } = {}): Promise<{ fileName: string; source: string }> {
  const fileName = `${scenarioId}.mdx`;
  const workspace = await findWorkspaceScenario(scenarioId);
  if (workspace) {
    if (!draft && workspace.publishedVersion !== null) {
      const published = await findWorkspaceVersionSource(scenarioId, workspace.publishedVersion);
      if (published) return { fileName, source: published.source };
    }
    return { fileName, source: workspace.draft.source };
  }
  const library = await getLibrary();
  const entry = [...library.scenarios, ...library.archived].find((candidate) => candidate.scenario.id === scenarioId && candidate.file);
  if (!entry?.file) throw new WorkspaceError(404, `There is no scenario "${scenarioId}".`);
  try {
    return { fileName, source: readFileSync(entry.file, "utf8") };
  } catch {
    throw new WorkspaceError(404, `The file of "${scenarioId}" can no longer be read.`);
  }
}
