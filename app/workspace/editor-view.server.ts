import type { Problem } from "~/engine";
import { findWorkspaceVersionSource } from "~/models/workspace-scenario.server";
import { checkWorkspaceSource } from "./check.server";
import { requireWorkspaceScenario } from "./edit.server";
import { draftTitle } from "./source";

export type EditorProblem = Pick<Problem, "line" | "column" | "severity" | "rule" | "message">;

export type EditorView = {
  id: string;
  title: string;
  source: string;
  revision: number;
  savedAt: string;
  savedByName: string | null;
  publishedVersion: number | null;
  latestVersion: number | null;
  archived: boolean;
  /** The draft is exactly the published version's text. */
  draftIsLive: boolean;
  problems: EditorProblem[];
};

export const editorProblems = (problems: readonly Problem[]): EditorProblem[] =>
  problems.map(({ line, column, severity, rule, message }) => ({ line, column, severity, rule, message }));

/** The editor page: the draft as last saved, checked, and where it stands against what trainees get. */
export async function editorView(scenarioId: string): Promise<EditorView> {
  const record = await requireWorkspaceScenario(scenarioId);
  const [check, published] = await Promise.all([
    checkWorkspaceSource(scenarioId, record.draft.source),
    record.publishedVersion === null ? null : findWorkspaceVersionSource(scenarioId, record.publishedVersion),
  ]);
  const title = check.scenario?.title ?? draftTitle(record.draft.source, scenarioId);
  return {
    id: scenarioId,
    title,
    source: record.draft.source,
    revision: record.draft.revision,
    savedAt: record.draft.savedAt,
    savedByName: record.draft.savedByName,
    publishedVersion: record.publishedVersion,
    latestVersion: record.latestVersion,
    archived: record.archivedAt !== null,
    draftIsLive: published?.source === record.draft.source,
    problems: editorProblems(check.problems),
  };
}
