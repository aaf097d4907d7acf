/**
 * One decision's figures and the findings a trainer can act on, at the line
 * and column of the step or the reply.
 */
import type { Decision } from "./audit-reach";
import { replyLength } from "./audit-strategies";
import { compare } from "./rational";
import type { Choice, Position, Scenario, Skill } from "./types";

/** The best reply is "much the longest" at this many times the next longest reply's characters. */
export const LONGEST_BEST_RATIO = 1.3;

export interface AuditFinding extends Position {
  severity: "warning" | "info";
  rule: string;
  message: string;
  path: string;
}

export interface DecisionAudit {
  step: string;
  visible: string[];
  assessed: Skill[];
  /** The debrief's best reply; null when the decision assesses nothing. */
  best: string | null;
  longestBest: boolean;
  shortestBest: boolean;
  /** Replies worse than the best that still have a positive value in an assessed skill or a positive mood. */
  tempting: string[];
}

const normalise = (text: string) => text.replace(/\s+/g, " ").trim().toLowerCase();

/** A flag one reply requires and the other refuses, so they never appear together; null when there is none. */
function exclusiveFlag(a: Choice, b: Choice): string | null {
  return a.requires.find((f) => b.unless.includes(f)) ?? b.requires.find((f) => a.unless.includes(f)) ?? null;
}

export function auditDecision(decision: Decision): DecisionAudit {
  const { step, visible, assessment } = decision;
  const assessing = assessment.assessed.length > 0;
  const lengths = visible.map(replyLength);
  const best = visible.find((c) => c.id === assessment.best)!;
  const bestQuality = assessment.quality.get(best.id) ?? null;
  const tempting = visible.filter((c) => {
    const quality = assessment.quality.get(c.id) ?? null;
    if (!quality || !bestQuality || compare(quality, bestQuality) >= 0) return false;
    return c.mood > 0 || assessment.assessed.some((skill) => c.deltas[skill] > 0);
  });
  return {
    step: step.id,
    visible: visible.map((c) => c.id),
    assessed: assessment.assessed,
    best: assessing ? best.id : null,
    longestBest: assessing && replyLength(best) === Math.max(...lengths),
    shortestBest: assessing && replyLength(best) === Math.min(...lengths),
    tempting: tempting.map((c) => c.id),
  };
}

function findingsOf(scenario: Scenario, decision: Decision, audit: DecisionAudit): AuditFinding[] {
  const { step, visible } = decision;
  const at = (where: Position, severity: AuditFinding["severity"], rule: string, message: string): AuditFinding => ({
    severity,
    rule,
    message,
    line: where.line,
    column: where.column,
    path: scenario.path,
  });
  if (!audit.best) {
    return [
      at(
        step,
        "warning",
        "audit-no-skill-difference",
        visible.length === 1
          ? `only one reply (${visible[0]!.id}) is on offer at step "${step.id}", so this decision assesses nothing`
          : `the ${visible.length} replies on offer at step "${step.id}" have the same skill values, so this decision assesses nothing`,
      ),
    ];
  }
  const findings: AuditFinding[] = [];
  const best = visible.find((c) => c.id === audit.best)!;
  const others = visible.filter((c) => c !== best).map(replyLength);
  const nextLongest = Math.max(...others);
  if (others.length && replyLength(best) >= LONGEST_BEST_RATIO * nextLongest) {
    findings.push(
      at(
        best,
        "warning",
        "audit-longest-best",
        `the best reply ${best.id} is much the longest: ${replyLength(best)} characters against ${nextLongest} for the next longest (≥ ${LONGEST_BEST_RATIO}×), so length gives it away`,
      ),
    );
  }
  // The debrief calls this reply the best; if another reply beats it in an assessed skill, a
  // trainee who always picks the best cannot reach 100 in that skill, and a manager would read
  // a perfect run as a weakness.
  const beaten = audit.assessed.filter((skill) => visible.some((c) => c.deltas[skill] > best.deltas[skill]));
  if (beaten.length) {
    findings.push(
      at(
        best,
        "warning",
        "audit-best-not-top",
        `the best reply ${best.id} is beaten in ${beaten.join(", ")} by another reply on offer, so always choosing the best cannot score 100 there`,
      ),
    );
  }
  if (!audit.tempting.length) {
    findings.push(
      at(
        step,
        "warning",
        "audit-no-tempting",
        `no wrong reply at step "${step.id}" is tempting: none has a positive value in ${audit.assessed.join(", ")} or a positive mood`,
      ),
    );
  }
  return findings;
}

export function duplicateFindings(scenario: Scenario): AuditFinding[] {
  const findings: AuditFinding[] = [];
  for (const step of scenario.steps) {
    step.choices.forEach((b, j) => {
      const a = step.choices.slice(0, j).find((c) => normalise(c.text.text) === normalise(b.text.text));
      if (!a) return;
      const flag = exclusiveFlag(a, b);
      const where = { line: b.line, column: b.column, path: scenario.path };
      findings.push(
        flag
          ? { ...where, severity: "info", rule: "audit-exclusive-duplicate", message: `reply ${b.id} has the same text as ${a.id} (line ${a.line}), but flag "${flag}" means they are never on offer together` }
          : { ...where, severity: "warning", rule: "audit-duplicate-text", message: `reply ${b.id} has the same text as ${a.id} (line ${a.line}); the trainee cannot tell them apart` },
      );
    });
  }
  return findings;
}

/**
 * The decision rules' findings, one per place and rule when it holds in every
 * decision of that step; otherwise one per decision, naming the replies on offer.
 */
export function decisionFindings(scenario: Scenario, decisions: readonly Decision[], audits: readonly DecisionAudit[]): AuditFinding[] {
  const perStep = new Map<string, number>();
  for (const d of decisions) perStep.set(d.step.id, (perStep.get(d.step.id) ?? 0) + 1);
  const groups = new Map<string, { step: string; findings: AuditFinding[]; audits: DecisionAudit[] }>();
  decisions.forEach((decision, i) => {
    for (const finding of findingsOf(scenario, decision, audits[i]!)) {
      const key = `${finding.line}:${finding.column}:${finding.rule}`;
      const group = groups.get(key) ?? { step: decision.step.id, findings: [], audits: [] };
      group.findings.push(finding);
      group.audits.push(audits[i]!);
      groups.set(key, group);
    }
  });
  return [...groups.values()].flatMap(({ step, findings, audits: where }) =>
    findings.length === perStep.get(step)
      ? [findings[0]!]
      : findings.map((f, i) => ({ ...f, message: `${f.message} (with ${where[i]!.visible.join(", ")} on offer)` })),
  );
}

