/**
 * `scenarios audit`: can the library be gamed? Per scenario its decisions,
 * shares and naive-strategy scores with warnings; then the library figures
 * against the targets, and its breadth.
 */
import { AUDIT_TARGETS, auditScenario, AuditTooComplexError, summariseAudits } from "~/engine";
import type { LibraryAudit, Scenario, ScenarioAudit, Share } from "~/engine";
import { checkFiles, findScenarioFiles } from "~/library/files.server";
import { formatProblem, parseArgs, percent, plural, refuseUnknown, score, UsageError } from "./common";

export interface RefusedFile {
  path: string;
  reason: string;
}

export interface AuditRun {
  audits: ScenarioAudit[];
  refused: RefusedFile[];
  library: LibraryAudit;
}

/** Check and audit the files under `targets`; a file that fails check (or is too complex) is refused, not audited. */
export function auditTargets(targets: readonly string[]): AuditRun & { scenarios: Scenario[] } {
  const refused: RefusedFile[] = [];
  const audits: ScenarioAudit[] = [];
  const scenarios: Scenario[] = [];
  for (const file of checkFiles(findScenarioFiles(targets.length ? targets : ["scenarios"]))) {
    if (!file.scenario) {
      const errors = file.problems.filter((p) => p.severity === "error");
      refused.push({ path: file.path, reason: `fails check (${plural(errors.length, "error")}; first: ${errors[0] ? formatProblem(errors[0]) : "unknown"})` });
      continue;
    }
    try {
      audits.push(auditScenario(file.scenario));
      scenarios.push(file.scenario);
    } catch (error) {
      if (!(error instanceof AuditTooComplexError)) throw error;
      refused.push({ path: file.path, reason: error.message });
    }
  }
  return { audits, refused, library: summariseAudits(audits), scenarios };
}

const mean = (value: number | null) => (value === null ? "–" : value.toFixed(1));
const fraction = (s: Share) => `${s.count} of ${s.of} (${percent(s.share)})`;
const verdict = (met: boolean | null) => (met === null ? "" : met ? "  met" : "  MISSED");

function printScenario(audit: ScenarioAudit): void {
  console.log(`${audit.path}  ${audit.id}: ${audit.title}`);
  console.log(
    `  ${plural(audit.decisions.length, "decision")}, ${audit.assessing} assessing a skill · best is longest ${fraction(audit.longestBest)} · best is shortest ${fraction(audit.shortestBest)} · tempting wrong reply ${fraction(audit.tempting)}`,
  );
  const s = audit.strategies;
  const unscored = audit.randomUnscored > 0 ? ` (${percent(audit.randomUnscored)} of random attempts end unscored, left out)` : "";
  console.log(`  naive strategies: always longest ${score(s.longest)} · most apologetic ${score(s.apologetic)} · first ${score(s.first)} · random ${score(s.random)}${unscored}`);
  for (const finding of audit.findings) console.log(formatProblem(finding));
}

function printLibrary({ library, refused }: AuditRun): void {
  const t = library.targets;
  const pad = (label: string) => `  ${label.padEnd(24)}`;
  console.log(
    `\nLibrary: ${plural(library.scenarios.length, "scenario")}, ${plural(library.decisions, "decision")} (${library.assessing} assessing a skill)${refused.length ? `; ${plural(refused.length, "file")} refused` : ""}`,
  );
  console.log(`${pad("best is longest")}${fraction(library.longestBest)}  target ≤ ${AUDIT_TARGETS.longestBestAtMost * 100} %${verdict(t.longestBest)}`);
  console.log(`${pad("best is shortest")}${fraction(library.shortestBest)}`);
  console.log(`${pad("tempting wrong reply")}${fraction(library.tempting)}  target ≥ ${AUDIT_TARGETS.temptingAtLeast * 100} %${verdict(t.tempting)}`);
  const naive = [
    ["always longest", library.strategies.longest, t.naive.longest],
    ["always most apologetic", library.strategies.apologetic, t.naive.apologetic],
    ["always first", library.strategies.first, t.naive.first],
  ] as const;
  for (const [label, value, met] of naive) console.log(`${pad(label)}${mean(value)}  target ≤ ${AUDIT_TARGETS.naiveAtMost}${verdict(met)}`);
  console.log(`${pad("random (reference)")}${mean(library.strategies.random)}`);
  const line = (label: string, counts: Record<string, number>) =>
    console.log(`${pad(label)}${Object.entries(counts).map(([k, n]) => `${k}: ${n}`).join(" · ")}`);
  console.log("Breadth (scenarios per…):");
  line("persona", library.breadth.persona);
  line("channel", library.breadth.channel);
  line("difficulty", library.breadth.difficulty);
  line("skill assessed", library.breadth.skill);
}

export function audit(args: readonly string[]): number {
  const { positional, flags } = parseArgs(args, ["--json"]);
  refuseUnknown(flags, ["--json"]);
  if (flags.get("--json")) throw new UsageError("--json takes no value");
  const run = auditTargets(positional);
  if (flags.has("--json")) {
    const { scenarios: _scenarios, ...library } = run.library;
    console.log(JSON.stringify({ library, scenarios: run.audits, refused: run.refused }, null, 2));
    return 0;
  }
  for (const file of run.refused) console.log(`${file.path} refused: ${file.reason}`);
  for (const scenario of run.audits) printScenario(scenario);
  printLibrary(run);
  return 0;
}
