/**
 * Assessment-quality audit: can a trainee score well by spotting a pattern
 * (the longest reply, the most apologetic one) instead of judging the
 * situation? Pure: validated scenarios in, figures and findings out.
 */
import { findDecisions } from "./audit-reach";
import type { Decision } from "./audit-reach";
import { pickApologetic, pickFirst, pickLongest, playStrategy, randomExpectation, replyLength } from "./audit-strategies";
import { compare } from "./rational";
import { CHANNELS, PERSONAS, SKILLS } from "./types";
import type { Channel, Choice, Persona, Position, Scenario, Skill } from "./types";

export { apologyCount, APOLOGY_PHRASES, pickApologetic, pickFirst, pickLongest, playStrategy, randomExpectation } from "./audit-strategies";
export { AuditTooComplexError, findDecisions } from "./audit-reach";
export type { Decision } from "./audit-reach";

/** The best reply is "much the longest" at this many times the next longest reply's characters. */
export const LONGEST_BEST_RATIO = 1.3;

/** What a library should reach: shares are fractions, strategy scores 0-100. */
export const AUDIT_TARGETS = { longestBestAtMost: 0.35, naiveAtMost: 55, temptingAtLeast: 0.6 } as const;

export const STRATEGIES = ["longest", "apologetic", "first", "random"] as const;
export type Strategy = (typeof STRATEGIES)[number];
/** The strategies held to `naiveAtMost`; random is the reference they are compared with. */
export const NAIVE_STRATEGIES = ["longest", "apologetic", "first"] as const satisfies readonly Strategy[];
export type StrategyScores = Record<Strategy, number | null>;

export interface AuditFinding extends Position {
  severity: "warning" | "info";
  rule: string;
  message: string;
  path: string;
}

export interface Share {
  count: number;
  of: number;
  /** count / of, null when of is 0. */
  share: number | null;
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

export interface ScenarioAudit {
  id: string;
  title: string;
  path: string;
  persona: Persona;
  channel: Channel;
  difficulty: 1 | 2 | 3;
  decisions: DecisionAudit[];
  /** Decisions that assess at least one skill: the base of the shares. */
  assessing: number;
  longestBest: Share;
  shortestBest: Share;
  tempting: Share;
  strategies: StrategyScores;
  /** Probability that a random attempt ends with no score (left out of the random expectation). */
  randomUnscored: number;
  /** Skills some reachable decision assesses. */
  skills: Skill[];
  findings: AuditFinding[];
}

export interface LibraryAudit {
  scenarios: ScenarioAudit[];
  decisions: number;
  assessing: number;
  longestBest: Share;
  shortestBest: Share;
  tempting: Share;
  /** Mean over the scenarios that have a score for the strategy. */
  strategies: StrategyScores;
  /** Per target: met or not (null when there is nothing to measure). */
  targets: { longestBest: boolean | null; tempting: boolean | null; naive: Record<(typeof NAIVE_STRATEGIES)[number], boolean | null> };
  breadth: {
    persona: Record<Persona, number>;
    channel: Record<Channel, number>;
    difficulty: Record<"1" | "2" | "3", number>;
    skill: Record<Skill, number>;
  };
}

export function share(count: number, of: number): Share {
  return { count, of, share: of ? count / of : null };
}

const normalise = (text: string) => text.replace(/\s+/g, " ").trim().toLowerCase();

/** A flag one reply requires and the other refuses, so they never appear together; null when there is none. */
function exclusiveFlag(a: Choice, b: Choice): string | null {
  return a.requires.find((f) => b.unless.includes(f)) ?? b.requires.find((f) => a.unless.includes(f)) ?? null;
}

function auditDecision(decision: Decision): DecisionAudit {
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

function duplicateFindings(scenario: Scenario): AuditFinding[] {
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
function decisionFindings(scenario: Scenario, decisions: readonly Decision[], audits: readonly DecisionAudit[]): AuditFinding[] {
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

/** Audit one validated scenario. Throws AuditTooComplexError beyond MAX_STATES situations. */
export function auditScenario(scenario: Scenario): ScenarioAudit {
  const decisions = findDecisions(scenario);
  const audits = decisions.map(auditDecision);
  const findings = [...decisionFindings(scenario, decisions, audits), ...duplicateFindings(scenario)].sort(
    (a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
  const assessing = audits.filter((d) => d.best !== null);
  const random = randomExpectation(scenario);
  return {
    id: scenario.id,
    title: scenario.title,
    path: scenario.path,
    persona: scenario.persona,
    channel: scenario.channel,
    difficulty: scenario.difficulty,
    decisions: audits,
    assessing: assessing.length,
    longestBest: share(assessing.filter((d) => d.longestBest).length, assessing.length),
    shortestBest: share(assessing.filter((d) => d.shortestBest).length, assessing.length),
    tempting: share(assessing.filter((d) => d.tempting.length > 0).length, assessing.length),
    strategies: {
      longest: playStrategy(scenario, pickLongest),
      apologetic: playStrategy(scenario, pickApologetic),
      first: playStrategy(scenario, pickFirst),
      random: random.expected,
    },
    randomUnscored: random.unscored,
    skills: SKILLS.filter((skill) => assessing.some((d) => d.assessed.includes(skill))),
    findings,
  };
}

const pooled = (audits: readonly ScenarioAudit[], pick: (a: ScenarioAudit) => Share) =>
  share(
    audits.reduce((n, a) => n + pick(a).count, 0),
    audits.reduce((n, a) => n + pick(a).of, 0),
  );

function meanOf(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
}

const countBy = <K extends string>(keys: readonly K[], audits: readonly ScenarioAudit[], has: (a: ScenarioAudit, key: K) => boolean) =>
  Object.fromEntries(keys.map((key) => [key, audits.filter((a) => has(a, key)).length])) as Record<K, number>;

/** Library figures from audited scenarios: shares pooled over every decision, strategies averaged per scenario. */
export function summariseAudits(audits: readonly ScenarioAudit[]): LibraryAudit {
  const longestBest = pooled(audits, (a) => a.longestBest);
  const tempting = pooled(audits, (a) => a.tempting);
  const strategies = Object.fromEntries(STRATEGIES.map((s) => [s, meanOf(audits.map((a) => a.strategies[s]))])) as StrategyScores;
  const atMost = (value: number | null, limit: number) => (value === null ? null : value <= limit);
  return {
    scenarios: [...audits],
    decisions: audits.reduce((n, a) => n + a.decisions.length, 0),
    assessing: audits.reduce((n, a) => n + a.assessing, 0),
    longestBest,
    shortestBest: pooled(audits, (a) => a.shortestBest),
    tempting,
    strategies,
    targets: {
      longestBest: atMost(longestBest.share, AUDIT_TARGETS.longestBestAtMost),
      tempting: tempting.share === null ? null : tempting.share >= AUDIT_TARGETS.temptingAtLeast,
      naive: {
        longest: atMost(strategies.longest, AUDIT_TARGETS.naiveAtMost),
        apologetic: atMost(strategies.apologetic, AUDIT_TARGETS.naiveAtMost),
        first: atMost(strategies.first, AUDIT_TARGETS.naiveAtMost),
      },
    },
    breadth: {
      persona: countBy(PERSONAS, audits, (a, p) => a.persona === p),
      channel: countBy(CHANNELS, audits, (a, c) => a.channel === c),
      difficulty: countBy(["1", "2", "3"] as const, audits, (a, d) => String(a.difficulty) === d),
      skill: countBy(SKILLS, audits, (a, s) => a.skills.includes(s)),
    },
  };
}

/** Audit every scenario and summarise the library. */
export function auditLibrary(scenarios: readonly Scenario[]): LibraryAudit {
  return summariseAudits(scenarios.map(auditScenario));
}
