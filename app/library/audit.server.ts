/**
 * The assessment-quality audit of the published library, for the trainer's
 * library page. Auditing plays every scenario through the engine, so each
 * scenario's audit is kept by content hash and path and only a changed file
 * is audited again; the library figures are recomputed from those (cheap).
 */
import { AUDIT_TARGETS, auditScenario, AuditTooComplexError, summariseAudits } from "~/engine";
import type { LibraryAudit, Scenario, ScenarioAudit } from "~/engine";
import type { Library } from "./library.server";

export interface AuditView {
  library: Omit<LibraryAudit, "scenarios">;
  scenarios: (Omit<ScenarioAudit, "decisions"> & { decisions: number })[];
  /** Published scenarios too large to audit (more situations than the engine explores). */
  notAudited: { path: string; message: string }[];
  targets: typeof AUDIT_TARGETS;
}

const KEY = Symbol.for("frontline.libraryAudit");
type ScenarioView = AuditView["scenarios"][number];
type Audited = { audit: ScenarioAudit; view: ScenarioView } | AuditTooComplexError;
type Memo = { scenarios: Map<string, Audited>; key: string; view: AuditView | null };
type Holder = { [KEY]?: Memo };

function cached(): Memo {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= { scenarios: new Map(), key: "", view: null });
}

/** The audit of the library's published scenarios: the same view while no file changes, and only changed files audited again. */
export function auditView(library: Pick<Library, "scenarios">): AuditView {
  const memo = cached();
  const libraryKey = library.scenarios.map((entry) => `${entry.hash}:${entry.path}`).join("\n");
  if (memo.view && memo.key === libraryKey) return memo.view;
  const current = new Set<string>();
  const audits: ScenarioAudit[] = [];
  const views: ScenarioView[] = [];
  const notAudited: AuditView["notAudited"] = [];
  for (const entry of library.scenarios) {
    const key = `${entry.hash}:${entry.path}`;
    current.add(key);
    let audited = memo.scenarios.get(key);
    if (!audited) {
      try {
        const audit = auditScenario(entry.scenario);
        audited = { audit, view: { ...audit, decisions: audit.decisions.length } };
      } catch (error) {
        if (!(error instanceof AuditTooComplexError)) throw error;
        audited = error;
      }
      memo.scenarios.set(key, audited);
    }
    if (audited instanceof AuditTooComplexError) notAudited.push({ path: entry.path, message: audited.message });
    else {
      audits.push(audited.audit);
      views.push(audited.view);
    }
  }
  // Forget files that changed or left, so the memo never outgrows the library.
  for (const key of memo.scenarios.keys()) if (!current.has(key)) memo.scenarios.delete(key);
  const { scenarios: _scenarios, ...figures } = summariseAudits(audits);
  memo.key = libraryKey;
  return (memo.view = {
    library: figures,
    scenarios: views,
    notAudited,
    targets: AUDIT_TARGETS,
  });
}

/** The same view for one scenario (a workspace draft), computed afresh: drafts change too often to keep. */
export function auditOneScenario(entry: { scenario: Scenario; path: string }): AuditView {
  try {
    const audit = auditScenario(entry.scenario);
    const { scenarios: _scenarios, ...figures } = summariseAudits([audit]);
    return { library: figures, scenarios: [{ ...audit, decisions: audit.decisions.length }], notAudited: [], targets: AUDIT_TARGETS };
  } catch (error) {
    if (!(error instanceof AuditTooComplexError)) throw error;
    const { scenarios: _scenarios, ...figures } = summariseAudits([]);
    return { library: figures, scenarios: [], notAudited: [{ path: entry.path, message: error.message }], targets: AUDIT_TARGETS };
  }
}
