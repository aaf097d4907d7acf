/**
 * Assessment-quality audit: can a trainee score well by spotting a pattern
 * (the longest reply, the most apologetic one) instead of judging the
 * situation? Pure: validated scenarios in, figures and findings out.
 */
import { auditDecision, decisionFindings, duplicateFindings } from "./audit-decisions";
import type { AuditFinding, DecisionAudit } from "./audit-decisions";
import { findDecisions } from "./audit-reach";
import { pickApologetic, pickFirst, pickLongest, playStrategy, randomExpectation } from "./audit-strategies";
import { CHANNELS, PERSONAS, SKILLS } from "./types";
import type { Channel, Persona, Scenario, Skill } from "./types";

export { apologyCount, APOLOGY_PHRASES, pickApologetic, pickFirst, pickLongest, playStrategy, randomExpectation } from "./audit-strategies";
export { AuditTooComplexError, findDecisions } from "./audit-reach";
export type { Decision } from "./audit-reach";
export { LONGEST_BEST_RATIO } from "./audit-decisions";
export type { AuditFinding, DecisionAudit } from "./audit-decisions";

/** What a library should reach: shares are fractions, strategy scores 0-100. */
export const AUDIT_TARGETS = { longestBestAtMost: 0.35, naiveAtMost: 55, temptingAtLeast: 0.6 } as const;

export const STRATEGIES = ["longest", "apologetic", "first", "random"] as const;
export type Strategy = (typeof STRATEGIES)[number];
/** The strategies held to `naiveAtMost`; random is the reference they are compared with. */
export const NAIVE_STRATEGIES = ["longest", "apologetic", "first"] as const satisfies readonly Strategy[];
export type StrategyScores = Record<Strategy, number | null>;

export interface Share {
  count: number;
  of: number;
  /** count / of, null when of is 0. */
  share: number | null;
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
