/**
 * What to practise next, and which scenarios wait for a good result first.
 *
 * Locks: the hardest scenarios of a kind of customer (difficulty 3) open once the trainee has
 * had a good result (overall ≥ GOOD_RESULT) with the same kind of customer at difficulty 2, so a
 * trainee meets the hardest conversations with the basics in hand. A lock only applies to what a
 * trainee picks for themselves: scenarios assigned to them, and core scenarios of the
 * certificate, are always open, and so is any scenario opened by a direct link.
 *
 * Next up: the skill to work on is the weakest one not yet mastered (lowest mastery; a skill
 * never assessed counts as 0, so it comes first); the scenario is the open one that assesses that
 * skill and is least handled yet: not handled well (best < HANDLED_WELL_AT) before handled,
 * never tried before tried, then the gentlest, then by title. With every skill mastered there
 * is nothing to recommend, and the page says so.
 */
import { SKILLS, type Persona, type Skill } from "~/domain/vocabulary";
import type { MasteredProgress } from "./mastered";
import { HANDLED_WELL_AT } from "./xp";

/** "A good result", which opens difficulty 3 of the same kind of customer. */
export const GOOD_RESULT = 70;

export type PlayableScenario = {
  id: string;
  title: string;
  persona: Persona;
  difficulty: 1 | 2 | 3;
  skills: readonly Skill[];
  /** Best overall so far; null when never finished. */
  best: number | null;
};

export type Lock = { scenarioId: string; persona: Persona };

/** Scenarios locked for the trainee's own picks, given their results and what is always open. */
export function lockedScenarios(scenarios: readonly PlayableScenario[], alwaysOpen: ReadonlySet<string>): Map<string, Lock> {
  const opened = new Set<Persona>(
    scenarios.filter((scenario) => scenario.difficulty === 2 && scenario.best !== null && scenario.best >= GOOD_RESULT).map((scenario) => scenario.persona),
  );
  const locks = new Map<string, Lock>();
  for (const scenario of scenarios) {
    if (scenario.difficulty === 3 && !opened.has(scenario.persona) && !alwaysOpen.has(scenario.id)) {
      locks.set(scenario.id, { scenarioId: scenario.id, persona: scenario.persona });
    }
  }
  return locks;
}

export type NextUp = { scenarioId: string; title: string; skill: Skill };

/** The skill to work on next: the weakest not yet mastered, or null when every skill is mastered. */
export function skillToWorkOn(skills: Readonly<Record<Skill, MasteredProgress>>): Skill | null {
  const open = SKILLS.filter((skill) => !skills[skill].mastered);
  if (open.length === 0) return null;
  const level = (skill: Skill) => skills[skill].mastery ?? 0;
  return open.reduce((weakest, skill) => (level(skill) < level(weakest) ? skill : weakest));
}

export function nextUp(
  scenarios: readonly PlayableScenario[],
  skills: Readonly<Record<Skill, MasteredProgress>>,
  locks: ReadonlyMap<string, Lock>,
): NextUp | null {
  const skill = skillToWorkOn(skills);
  if (!skill) return null;
  const rank = (scenario: PlayableScenario) => [
    scenario.best !== null && scenario.best >= HANDLED_WELL_AT ? 1 : 0,
    scenario.best === null ? 0 : 1,
    scenario.difficulty,
  ];
  const candidates = scenarios
    .filter((scenario) => scenario.skills.includes(skill) && !locks.has(scenario.id))
    .sort((a, b) => {
      const [x, y] = [rank(a), rank(b)];
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
      return a.title.localeCompare(b.title);
    });
  const pick = candidates[0];
  return pick ? { scenarioId: pick.id, title: pick.title, skill } : null;
}
