import { layoutFlow, type FlowLayout } from "~/analytics/flow-layout.server";
import { enumeratePaths, TooManyPathsError, type Outcome } from "~/engine";
import { auditOneScenario, type AuditView } from "~/library/audit.server";
import { workspacePath } from "~/library/catalog.server";
import { checkWorkspaceSource } from "./check.server";
import { requireWorkspaceScenario } from "./edit.server";
import { draftTitle } from "./source";

/** More complete paths than a page can usefully list; the rest are counted, not shown. */
export const PATHS_SHOWN = 200;
const PATHS_COUNTED = 20_000;

export type PathRow = { steps: string[]; ending: string; outcome: Outcome; overall: number | null; mood: number };

export type PathsView = {
  id: string;
  title: string;
  /** Null while the draft has errors: paths, audit and diagram need a scenario that passes the check. */
  ready: {
    paths: PathRow[];
    /** How many complete paths there are, or null when more than PATHS_COUNTED. */
    total: number | null;
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
  let all: ReturnType<typeof enumeratePaths> | null;
  try {
    all = enumeratePaths(scenario, PATHS_COUNTED);
  } catch (error) {
    if (!(error instanceof TooManyPathsError)) throw error;
    all = null;
  }
  const paths = (all ?? enumeratePaths(scenario, PATHS_SHOWN, { truncate: true })).slice(0, PATHS_SHOWN).map((entry) => ({
    steps: entry.result.path,
    ending: entry.result.ending,
    outcome: entry.result.outcome,
    overall: entry.result.overall,
    mood: entry.result.mood,
  }));
  return {
    id: scenarioId,
    title,
    errors,
    ready: {
      paths,
      total: all?.length ?? null,
      audit: auditOneScenario({ scenario, path: workspacePath(scenarioId) }),
      flow: layoutFlow(scenario),
      endings: scenario.endings.map((ending) => ({ id: ending.id, outcome: ending.outcome })),
    },
  };
}
