import { findWorkspaceVersionSource, listWorkspaceVersions, type WorkspaceVersionRecord } from "~/models/workspace-scenario.server";
import { requireWorkspaceScenario } from "./edit.server";
import { diffVersions, type DiffSide, type VersionDiff } from "./diff";
import { WorkspaceError } from "./errors";
import { draftTitle } from "./source";

/** In the comparison, "draft" stands for the current draft; any other value is a version number. */
type Side = DiffSide;

export type HistoryView = {
  id: string;
  title: string;
  versions: WorkspaceVersionRecord[];
  publishedVersion: number | null;
  /** The line diff between two sides, worked out here so the texts never travel to the browser. */
  compared: { from: Side; to: Side; diff: VersionDiff } | null;
};

function readSide(value: string | null): Side | null {
  if (value === "draft") return "draft";
  const number = Number(value);
  return Number.isSafeInteger(number) && number >= 1 ? number : null;
}

/**
 * The versions newest first and, when two sides are asked for (`from`, `to`: a version number or
 * "draft"), their texts for the diff. By default the live version against the draft, or the two
 * newest versions.
 */
export async function historyView(scenarioId: string, query: URLSearchParams): Promise<HistoryView> {
  const record = await requireWorkspaceScenario(scenarioId);
  const versions = await listWorkspaceVersions(scenarioId);
  const title = draftTitle(record.draft.source, scenarioId);
  const newest = versions[0]?.number ?? null;
  const from = readSide(query.get("from")) ?? record.publishedVersion ?? versions[1]?.number ?? newest;
  const to = readSide(query.get("to")) ?? (from === newest || from === record.publishedVersion ? "draft" : newest);
  const sourceOf = async (side: Side | null): Promise<string | null> => {
    if (side === null) return null;
    if (side === "draft") return record.draft.source;
    const version = await findWorkspaceVersionSource(scenarioId, side);
    if (!version) throw new WorkspaceError(404, `There is no version ${side} of "${scenarioId}".`);
    return version.source;
  };
  const [fromSource, toSource] = await Promise.all([sourceOf(from), sourceOf(to)]);
  return {
    id: scenarioId,
    title,
    versions,
    publishedVersion: record.publishedVersion,
    compared: from !== null && to !== null && fromSource !== null && toSource !== null ? { from, to, diff: diffVersions(fromSource, toSource) } : null,
  };
}
