import { skillsAssessed } from "~/attempts/practice-cards.server";
import type { Channel, Persona, Problem, Skill } from "~/engine";
import { auditView, type AuditView } from "~/library/audit.server";
import { getLibrary } from "~/library/catalog.server";
import type { LoadedScenario } from "~/library/library.server";
import { listWorkspaceScenarios } from "~/models/workspace-scenario.server";
import { draftTitle } from "./source";

export type ProblemLine = { where: string; severity: Problem["severity"]; rule: string; message: string };

const problemLine = (problem: Problem): ProblemLine => ({
  where: `${problem.path}:${problem.line}:${problem.column}`,
  severity: problem.severity,
  rule: problem.rule,
  message: problem.message,
});

export type LibraryRow = {
  id: string;
  title: string;
  path: string;
  origin: "file" | "workspace";
  workspaceVersion: number | null;
  persona: Persona;
  channel: Channel;
  steps: number;
  endings: number;
  skills: Skill[];
  warnings: ProblemLine[];
};

export type WorkspaceRow = { id: string; title: string; publishedVersion: number | null; latestVersion: number | null; archived: boolean; savedAt: string; savedByName: string | null };

export type LibraryPage = { scenarios: LibraryRow[]; archived: LibraryRow[]; workspace: WorkspaceRow[]; invalid: { path: string; problems: ProblemLine[] }[]; audit: AuditView };

function row(entry: LoadedScenario): LibraryRow {
  return {
    id: entry.scenario.id,
    title: entry.scenario.title,
    path: entry.path,
    origin: entry.workspaceVersion === undefined ? "file" : "workspace",
    workspaceVersion: entry.workspaceVersion ?? null,
    persona: entry.scenario.persona,
    channel: entry.scenario.channel,
    steps: entry.scenario.steps.length,
    endings: entry.scenario.endings.length,
    skills: skillsAssessed(entry),
    warnings: entry.warnings.map(problemLine),
  };
}

/** The trainer's library page: published and archived scenarios, the workspace's drafts, refused files and the audit. */
export async function libraryPage(): Promise<LibraryPage> {
  const [library, workspace] = await Promise.all([getLibrary(), listWorkspaceScenarios()]);
  return {
    scenarios: library.scenarios.map(row),
    archived: library.archived.map(row),
    workspace: workspace.map((record) => ({
      id: record.scenarioId,
      title: draftTitle(record.draft.source, record.scenarioId),
      publishedVersion: record.publishedVersion,
      latestVersion: record.latestVersion,
      archived: record.archivedAt !== null,
      savedAt: record.draft.savedAt,
      savedByName: record.draft.savedByName,
    })),
    invalid: library.invalid.map((file) => ({ path: file.path, problems: file.problems.map(problemLine) })),
    audit: auditView(library),
  };
}

