import { layoutFlow, type FlowLayout } from "~/analytics/flow-layout.server";
import { enumeratePaths, type PathEntry } from "~/engine";
import { auditOneScenario, type AuditView } from "~/library/audit.server";
import { workspacePath } from "~/library/catalog.server";
import { checkWorkspaceSource } from "./check.server";
import { requireWorkspaceScenario } from "./edit.server";
import { draftTitle } from "./source";

/** More complete paths than a page can usefully list: past this many, the first ones are listed and the page says so. */
export const PATHS_SHOWN = 200;

export type PathsView = {
  id: string;
  title: string;
  /** Null while the draft has errors: paths, audit and diagram need a scenario that passes the check. */
  ready: {
    start: string;
    paths: PathEntry[];
    /** There are more than PATHS_SHOWN paths; `paths` holds the first of them. */
    tooMany: boolean;
    audit: AuditView;
    flow: FlowLayout;
    endings: { id: string; outcome: string }[];
  } | null;
  errors: number;
};

/** Every complete path of the draft with its ending, outcome and score; the assessment audit; the flow diagram. */
export async function pathsView(scenarioId: string): Promise<PathsView> {
  const record = await requireWorkspaceScenario(scenarioId);
  const check = await checkWorkspaceSource(scenarioId, record.draft.source);
  const title = check.scenario?.title ?? draftTitle(record.draft.source, scenarioId);
  const errors = check.problems.filter((problem) => problem.severity === "error").length;
  const scenario = check.scenario;
  if (!scenario) return { id: scenarioId, title, ready: null, errors };
  const paths = enumeratePaths(scenario, PATHS_SHOWN + 1, { truncate: true });
  return {
    id: scenarioId,
    title,
    errors,
    ready: {
      start: scenario.start,
      paths: paths.slice(0, PATHS_SHOWN),
      tooMany: paths.length > PATHS_SHOWN,
      audit: auditOneScenario({ scenario, path: workspacePath(scenarioId) }),
      flow: layoutFlow(scenario),
      endings: scenario.endings.map((ending) => ({ id: ending.id, outcome: ending.outcome })),
    },
  };
}
