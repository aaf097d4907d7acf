import { getLibrary } from "~/library/catalog.server";
import { listScenarioIds } from "~/models/scenario-id.server";
import { insertWorkspaceScenario } from "~/models/workspace-scenario.server";
import { downloadSource } from "./download.server";
import { WorkspaceError } from "./errors";
import { frontMatterId, MAX_SCENARIO_ID_LENGTH, MAX_SOURCE_BYTES, SCENARIO_ID, sourceBytes, starterSource, withScenarioId } from "./source";

/** Refuses an id that is malformed or already used by any scenario, file or workspace, archived or not. */
async function requireFreeId(id: string): Promise<void> {
  if (id.length === 0) throw new WorkspaceError(400, "Enter an id for the scenario.", "id");
  if (id.length > MAX_SCENARIO_ID_LENGTH || !SCENARIO_ID.test(id)) {
    throw new WorkspaceError(400, `Use lower-case letters, digits and single hyphens for the id, at most ${MAX_SCENARIO_ID_LENGTH} characters (for example "late-parcel").`, "id");
  }
  // Loading the library records every file's id, so a file that nobody has opened yet still counts.
  await getLibrary();
  const owner = (await listScenarioIds()).find((row) => row.scenarioId === id);
  if (owner) {
    const where = owner.owner === "file" ? `the file ${owner.path}` : "a scenario in the workspace";
    throw new WorkspaceError(409, `The id "${id}" is already used by ${where}. Choose another id.`, "id");
  }
}

async function insertOrRefuse(input: Parameters<typeof insertWorkspaceScenario>[0]): Promise<string> {
  // Two trainers choosing the same new id at once: the second insert finds it taken.
  if (!(await insertWorkspaceScenario(input))) throw new WorkspaceError(409, `The id "${input.scenarioId}" was taken a moment ago. Choose another id.`, "id");
  return input.scenarioId;
}

export async function createScenario(input: { id: string; title: string }, actor: number, at: Date = new Date()): Promise<string> {
  const title = input.title.trim();
  if (title.length === 0 || title.length > 120) throw new WorkspaceError(400, "Enter a title of 1 to 120 characters.", "title");
  await requireFreeId(input.id);
  return insertOrRefuse({ scenarioId: input.id, source: starterSource(input.id, title), actor, action: "create", detail: null, at });
}

export async function duplicateScenario(fromId: string, input: { id: string }, actor: number, at: Date = new Date()): Promise<string> {
  // A workspace scenario is copied as its draft stands; a file as its text.
  const { source } = await downloadSource(fromId, { draft: true });
  await requireFreeId(input.id);
  return insertOrRefuse({ scenarioId: input.id, source: withScenarioId(source, input.id), actor, action: "duplicate", detail: `copied from ${fromId}`, at });
}

/**
 * Brings an .mdx file into the workspace as a draft (problems and all: the editor lists them, and
 * nothing is published until they are fixed). `id` replaces the file's own id when given.
 */
export async function importScenario(input: { source: string; fileName: string; id: string | null }, actor: number, at: Date = new Date()): Promise<string> {
  if (sourceBytes(input.source) > MAX_SOURCE_BYTES) throw new WorkspaceError(413, `The file is larger than ${MAX_SOURCE_BYTES / 1024} KB, the limit for one scenario.`, "file");
  if (input.source.includes("\u0000")) throw new WorkspaceError(400, "This file is not text: choose the .mdx file of a scenario.", "file");
  const declared = frontMatterId(input.source)?.id ?? null;
  const id = input.id ?? declared;
  if (!id) throw new WorkspaceError(400, "This file has no id in its front matter. Enter one for the new scenario.", "id");
  await requireFreeId(id);
  const source = id === declared ? input.source : withScenarioId(input.source, id);
  return insertOrRefuse({ scenarioId: id, source, actor, action: "import", detail: `imported from ${input.fileName.slice(0, 200)}`, at });
}

