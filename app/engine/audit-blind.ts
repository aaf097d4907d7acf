/**
 * Blind review: the library's decisions put before a reviewer without any
 * hint of the authored answer (no deltas, feedback, coach notes or ids), then
 * the reviewer's answers compared with the key. Pure; the CLI does the files.
 */
import { indexScenario } from "./attempt";
import { findDecisions } from "./audit-reach";
import { shuffleByKey } from "./random";
import type { Scenario } from "./types";

/** Fixed so that an export of the same library is the same packet. */
export const BLIND_SEED = "frontline-blind-1";

export interface BlindReply {
  letter: string;
  id: string;
  text: string;
}

export interface BlindDecision {
  /** "D1", "D2", … in library order (scenarios by path, steps in source order). */
  number: string;
  scenario: Scenario;
  step: string;
  customer: string[];
  /**
   * One shortest conversation that leads here: what the customer said and what the agent
   * replied at each earlier turn. Without it a reply that corrects an earlier promise makes no
   * sense to a reviewer, and the customer's next words would hint at which reply was "sent".
   */
  earlier: { customer: string[]; reply: string }[];
  replies: BlindReply[];
  /** Letter of the authored best reply. */
  best: string;
}

/** Seeded per decision, so one edited scenario does not reshuffle the others. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  return shuffleByKey(items, seed);
}

/** Every decision that assesses a skill (the others have no answer to find), numbered and shuffled. */
export function blindDecisions(scenarios: readonly Scenario[], seed = BLIND_SEED): BlindDecision[] {
  const out: BlindDecision[] = [];
  for (const scenario of scenarios) {
    const { choices, steps } = indexScenario(scenario);
    for (const { step, visible, assessment, path } of findDecisions(scenario)) {
      if (!assessment.assessed.length) continue;
      const order = seededShuffle(visible, `${seed}:${scenario.id}:${step.id}:${visible.map((c) => c.id).join(",")}`);
      const replies = order.map((c, i) => ({ letter: String.fromCharCode(65 + i), id: c.id, text: c.text.text }));
      out.push({
        number: `D${out.length + 1}`,
        scenario,
        step: step.id,
        customer: step.customer.map((p) => p.text),
        earlier: path.map((id) => {
          const choice = choices.get(id)!;
          return { customer: steps.get(choice.step)!.customer.map((p) => p.text), reply: choice.text.text };
        }),
        replies,
        best: replies.find((r) => r.id === assessment.best)!.letter,
      });
    }
  }
  return out;
}

export interface KeyEntry {
  scenario: string;
  path: string;
  step: string;
  /** The visible replies' ids in source order. */
  choices: string[];
  best: string;
  letters: Record<string, string>;
  /** Reply text per letter, so disagreements can be shown without the scenario files. */
  texts: Record<string, string>;
}

export type BlindKey = Record<string, KeyEntry>;

export function blindKey(decisions: readonly BlindDecision[]): BlindKey {
  return Object.fromEntries(
    decisions.map((d) => [
      d.number,
      {
        scenario: d.scenario.id,
        path: d.scenario.path,
        step: d.step,
        choices: d.scenario.steps.find((s) => s.id === d.step)!.choices.map((c) => c.id).filter((id) => d.replies.some((r) => r.id === id)),
        best: d.best,
        letters: Object.fromEntries(d.replies.map((r) => [r.letter, r.id])),
        texts: Object.fromEntries(d.replies.map((r) => [r.letter, r.text])),
      },
    ]),
  );
}

export interface Answer {
  number: string;
  letter: string;
  difficulty: 1 | 2 | 3 | null;
  comment: string;
}

/**
 * Answers, one line per decision: `D17: B, difficulty 2, a comment`
 * (`difficulty` may be left out: `D17: B, 2`). Lines that do not start with a
 * decision number are ignored; `D17:` with nothing after it is unanswered.
 */
export function parseAnswers(text: string, key: BlindKey): { answers: Answer[]; problems: string[] } {
  const answers: Answer[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = /^\s*(?:[-*]\s*)?D(\d+)\s*[:.)]\s*(.*)$/i.exec(raw);
    if (!line) return;
    const number = `D${Number(line[1])}`;
    const parts = line[2]!.split(",").map((p) => p.trim());
    if (!parts[0]) return;
    const where = `line ${i + 1}`;
    const entry = key[number];
    if (!entry) return void problems.push(`${where}: ${number} is not a decision in the key`);
    const letter = parts[0].toUpperCase();
    if (!/^[A-Z]$/.test(letter) || !entry.letters[letter]) {
      return void problems.push(`${where}: ${number} has replies ${Object.keys(entry.letters).join(", ")}, not "${parts[0]}"`);
    }
    if (seen.has(number)) return void problems.push(`${where}: ${number} is answered twice; the first answer counts`);
    let difficulty: Answer["difficulty"] = null;
    if (parts[1]) {
      const rated = /^(?:difficulty\s*[:=]?\s*)?([1-3])$/i.exec(parts[1]);
      if (rated) difficulty = Number(rated[1]) as 1 | 2 | 3;
      else problems.push(`${where}: ${number}'s difficulty should be 1, 2 or 3, not "${parts[1]}"`);
    }
    seen.add(number);
    answers.push({ number, letter, difficulty, comment: parts.slice(2).join(", ") });
  });
  return { answers, problems };
}

export interface BlindScore {
  decisions: number;
  answered: number;
  agreed: number;
  rated: number;
  /** Rated 2 (some thought) or 3 (real thought). */
  thoughtful: number;
  disagreements: { number: string; entry: KeyEntry; picked: string; answer: Answer }[];
}

export function scoreAnswers(key: BlindKey, answers: readonly Answer[]): BlindScore {
  const disagreements: BlindScore["disagreements"] = [];
  let agreed = 0;
  for (const answer of answers) {
    const entry = key[answer.number]!;
    if (answer.letter === entry.best) agreed++;
    else disagreements.push({ number: answer.number, entry, picked: answer.letter, answer });
  }
  const rated = answers.filter((a) => a.difficulty !== null);
  return {
    decisions: Object.keys(key).length,
    answered: answers.length,
    agreed,
    rated: rated.length,
    thoughtful: rated.filter((a) => a.difficulty! >= 2).length,
    disagreements,
  };
}
