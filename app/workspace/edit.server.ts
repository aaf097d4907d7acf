import { getLibrary, workspacePath } from "~/library/catalog.server";
import { createScenarioCache } from "~/library/cache.server";
import { compileCached } from "~/library/library.server";
import { setScenarioArchived } from "~/models/scenario-id.server";
import {
  findWorkspaceScenario,
  findWorkspaceVersionSource,
  insertWorkspaceVersion,
  publishExistingVersion,
  writeDraft,
  type WorkspaceScenarioRecord,
} from "~/models/workspace-scenario.server";
import { checkWorkspaceSource, type WorkspaceCheck } from "./check.server";
import { WorkspaceError } from "./errors";
import { MAX_SOURCE_BYTES, sourceBytes } from "./source";

/** Saves per trainer per minute, autosaves included: a typing trainer autosaves a few times a minute. */
export const SAVES_PER_MINUTE = 60;

export async function requireWorkspaceScenario(scenarioId: string): Promise<WorkspaceScenarioRecord> {
  const record = await findWorkspaceScenario(scenarioId);
  if (!record) throw new WorkspaceError(404, `There is no workspace scenario "${scenarioId}".`);
  return record;
}

export type DraftSaved = { revision: number; check: WorkspaceCheck };

/**
 * Stores the draft if nobody else saved since `baseRevision`, and checks it. A conflict or the
 * rate limit refuses with a message; the trainer's text stays in their editor either way.
 */
export async function saveDraft(scenarioId: string, source: string, baseRevision: number, actor: number, at: Date = new Date()): Promise<DraftSaved> {
  await requireWorkspaceScenario(scenarioId);
  if (sourceBytes(source) > MAX_SOURCE_BYTES) {
    throw new WorkspaceError(413, `The draft is larger than ${MAX_SOURCE_BYTES / 1024} KB, the limit for one scenario, so it was not saved. Shorten it or split it into two scenarios.`);
  }
  const written = await writeDraft({ scenarioId, source, baseRevision, actor, savesPerMinute: SAVES_PER_MINUTE, at });
  if (written.status === "rate-limited") throw new WorkspaceError(429, `More than ${SAVES_PER_MINUTE} saves in a minute: wait a moment, then save again. Your text is still here.`);
  if (written.status === "conflict") {
    const who = written.savedByName ?? "Someone";
    throw new WorkspaceError(
      409,
      `${who} saved this draft while you were editing (${written.savedAt.slice(0, 16).replace("T", " ")} UTC), so yours was not saved over theirs. Copy your changes, reload to see their version, and add your changes again.`,
    );
  }
  return { revision: written.revision, check: await checkWorkspaceSource(scenarioId, source) };
}

/** Save with an optional note: the draft, then a version in the history (problems and all). */
export async function saveVersion(scenarioId: string, source: string, baseRevision: number, note: string | null, actor: number, at: Date = new Date()) {
  const saved = await saveDraft(scenarioId, source, baseRevision, actor, at);
  const record = await requireWorkspaceScenario(scenarioId);
  const latest = record.latestVersion === null ? null : await findWorkspaceVersionSource(scenarioId, record.latestVersion);
  if (latest?.source === source && !note) return { ...saved, version: record.latestVersion, created: false };
  const version = await insertWorkspaceVersion({ scenarioId, source, hash: saved.check.hash, actor, note, publish: false, action: "save", detail: null, at });
  return { ...saved, version, created: true };
}

/** Compiles the version trainees are about to get, so their first request finds it ready. */
async function warm(scenarioId: string, source: string): Promise<void> {
  const compiled = await compileCached(source, workspacePath(scenarioId), createScenarioCache());
  if ("problems" in compiled) throw new WorkspaceError(422, `This scenario cannot be published: ${compiled.problems[0]?.message ?? "it does not compile"}.`);
}

/**
 * Publish: the draft becomes the version trainees get, at once and in every server process.
 * Refused while the check finds an error. Reuses the newest version when it is the same text.
 */
export async function publishDraft(scenarioId: string, source: string, baseRevision: number, actor: number, at: Date = new Date()) {
  const saved = await saveDraft(scenarioId, source, baseRevision, actor, at);
  const errors = saved.check.problems.filter((entry) => entry.severity === "error");
  if (errors.length > 0) {
    throw new WorkspaceError(422, `Fix ${errors.length === 1 ? "the problem" : `the ${errors.length} problems`} listed below before publishing: trainees only ever get a scenario that passes every check.`);
  }
  await warm(scenarioId, source);
  const record = await requireWorkspaceScenario(scenarioId);
  const latest = record.latestVersion === null ? null : await findWorkspaceVersionSource(scenarioId, record.latestVersion);
  let version: number;
  if (latest?.source === source && record.latestVersion !== null) {
    version = record.latestVersion;
    if (record.publishedVersion !== version) await publishExistingVersion({ scenarioId, number: version, actor, at });
  } else {
    version = await insertWorkspaceVersion({ scenarioId, source, hash: saved.check.hash, actor, note: null, publish: true, action: "publish", detail: null, at });
  }
  await getLibrary();
  return { ...saved, version };
}

/** Roll back: an old version's text, published as a new version. Attempts keep the version they began on. */
export async function rollBack(scenarioId: string, number: number, actor: number, at: Date = new Date()) {
  await requireWorkspaceScenario(scenarioId);
  const old = await findWorkspaceVersionSource(scenarioId, number);
  if (!old) throw new WorkspaceError(404, `There is no version ${number} of "${scenarioId}".`);
  const check = await checkWorkspaceSource(scenarioId, old.source);
  if (check.problems.some((entry) => entry.severity === "error")) {
    throw new WorkspaceError(422, `Version ${number} no longer passes the checks (${check.problems[0]?.message}), so it cannot be published again.`);
  }
  await warm(scenarioId, old.source);
  const version = await insertWorkspaceVersion({ scenarioId, source: old.source, hash: check.hash, actor, note: null, publish: true, action: "rollback", detail: `from version ${number}`, at });
  await getLibrary();
  return { version };
}

/** Archive or bring back any scenario in the library, a file's or the workspace's. */
export async function setArchived(scenarioId: string, archived: boolean, actor: number, at: Date = new Date()): Promise<void> {
  const library = await getLibrary();
  const known = [...library.scenarios, ...library.archived].some((entry) => entry.scenario.id === scenarioId) || (await findWorkspaceScenario(scenarioId)) !== null;
  if (!known) throw new WorkspaceError(404, `There is no scenario "${scenarioId}".`);
  const changed = await setScenarioArchived(scenarioId, archived, actor, at);
  if (!changed) throw new WorkspaceError(409, archived ? `"${scenarioId}" is already archived.` : `"${scenarioId}" is not archived.`);
}
