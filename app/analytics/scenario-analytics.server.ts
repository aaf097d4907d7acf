import { SKILLS, type Outcome, type Rating, type Scenario, type Skill } from "~/engine";
import { getLibrary } from "~/library/catalog.server";
import { scenarioStats, type Scope } from "~/models/analytics.server";
import { layoutFlow, type FlowLayout } from "./flow-layout.server";
import { hardestStep } from "./hardest-step";
import type { RatedLog } from "./scenario-logs.server";

const OUTCOMES: Outcome[] = ["delighted", "satisfied", "neutral", "escalated", "lost"];

export type ScenarioSummary = {
  id: string;
  title: string;
  started: number;
  completed: number;
  outcomes: Record<Outcome, number>;
  averages: Record<Skill, number | null>;
  overall: number | null;
};

export async function listScenarioSummaries(scope: Scope): Promise<ScenarioSummary[]> {
  const [library, stats] = await Promise.all([getLibrary(), scenarioStats(scope)]);
  const byId = new Map(stats.map((stat) => [stat.scenario_id, stat]));
  return library.scenarios.map(({ scenario }) => {
    const stat = byId.get(scenario.id);
    return {
      id: scenario.id,
      title: scenario.title,
      started: stat?.started ?? 0,
      completed: stat?.completed ?? 0,
      outcomes: Object.fromEntries(OUTCOMES.map((outcome) => [outcome, stat?.[outcome] ?? 0])) as Record<Outcome, number>,
      averages: Object.fromEntries(SKILLS.map((skill) => [skill, stat?.[skill] == null ? null : Math.round(stat[skill]!)])) as Record<Skill, number | null>,
      overall: stat?.overall == null ? null : Math.round(stat.overall),
    };
  });
}

/** Whether the library publishes this scenario (the analytics pages of others answer 404). */
export async function knownScenario(scenarioId: string): Promise<boolean> {
  return (await getLibrary()).scenarios.some((entry) => entry.scenario.id === scenarioId);
}

export type StepAnalytics = {
  stepId: string;
  /** A short label: the step id and the start of the customer's first line. */
  label: string;
  picks: number;
  /** Share of picks rated poor against the replies on offer at that turn (0..1), null without picks. */
  poorShare: number | null;
  choices: {
    id: string;
    text: string;
    /** The flags that decide whether the reply is offered: variants of one reply differ only here. */
    requires: string[];
    unless: string[];
    /**
     * Its ratings among the replies offered with it in these conversations, best first: one in
     * most steps, two where flags change the company it keeps; empty when it was never offered.
     */
    ratings: Rating[];
    picks: number;
    endings: Record<Outcome | "unfinished", number>;
  }[];
};

export type ScenarioDetail = {
  summary: ScenarioSummary;
  steps: StepAnalytics[];
  hardestStep: string | null;
  flow: FlowLayout;
  /** Per arrow of the flow: the share of the step's picks that went that way (steps with picks only). */
  edgeShares: { from: string; to: string; share: number }[];
  endings: { id: string; outcome: Outcome }[];
};

const RATING_ORDER: Rating[] = ["best", "fair", "poor"];

/**
 * Per step of the current version: how often each reply was picked (across versions, by choice
 * id) and how those conversations ended. Every pick is rated as the debrief rated it, against the
 * replies on offer at that turn in its own version (`logs`, from loadScenarioLogs).
 */
export async function buildScenarioDetail(scenarioId: string, scope: Scope, logs: readonly RatedLog[]): Promise<ScenarioDetail | null> {
  const library = await getLibrary();
  const entry = library.scenarios.find((candidate) => candidate.scenario.id === scenarioId);
  if (!entry) return null;
  const scenario: Scenario = entry.scenario;
  const summary = (await listScenarioSummaries(scope)).find((candidate) => candidate.id === scenarioId)!;

  type Tally = { picks: number; poor: number; endings: Record<Outcome | "unfinished", number>; ratings: Set<Rating> };
  const tallies = new Map<string, Tally>();
  const tally = (stepId: string, choiceId: string): Tally => {
    const key = `${stepId} ${choiceId}`;
    let found = tallies.get(key);
    if (!found) {
      found = { picks: 0, poor: 0, endings: Object.fromEntries([...OUTCOMES, "unfinished"].map((key) => [key, 0])) as Tally["endings"], ratings: new Set() };
      tallies.set(key, found);
    }
    return found;
  };
  for (const log of logs) {
    for (const turn of log.rated) {
      const picked = tally(turn.stepId, turn.choiceId);
      picked.picks += 1;
      if (turn.rating === "poor") picked.poor += 1;
      picked.endings[log.outcome ?? "unfinished"] += 1;
      for (const [offered, rating] of turn.decision.ratings) if (rating) tally(turn.stepId, offered).ratings.add(rating);
    }
  }

  const steps: StepAnalytics[] = scenario.steps.map((step) => {
    const choices = step.choices.map((choice) => {
      const counted = tally(step.id, choice.id);
      return {
        id: choice.id,
        text: choice.text.text,
        requires: choice.requires,
        unless: choice.unless,
        ratings: RATING_ORDER.filter((rating) => counted.ratings.has(rating)),
        picks: counted.picks,
        endings: counted.endings,
      };
    });
    const total = choices.reduce((sum, choice) => sum + choice.picks, 0);
    const poor = step.choices.reduce((sum, choice) => sum + tally(step.id, choice.id).poor, 0);
    const firstLine = step.customer[0]?.text ?? "";
    return {
      stepId: step.id,
      label: firstLine.length > 60 ? `${firstLine.slice(0, 57)}…` : firstLine,
      picks: total,
      poorShare: total === 0 ? null : poor / total,
      choices,
    };
  });
  const hardest = hardestStep(steps);
  const edgeShares = scenario.steps.flatMap((step, index) => {
    const { picks: total, choices } = steps[index]!;
    if (total === 0) return [];
    const towards = new Map<string, number>();
    step.choices.forEach((choice, position) => {
      if (choice.to !== step.id) towards.set(choice.to, (towards.get(choice.to) ?? 0) + choices[position]!.picks);
    });
    return [...towards].map(([to, picked]) => ({ from: step.id, to, share: picked / total }));
  });
  return {
    summary,
    steps,
    hardestStep: hardest?.stepId ?? null,
    flow: layoutFlow(scenario),
    edgeShares,
    endings: scenario.endings.map((ending) => ({ id: ending.id, outcome: ending.outcome })),
  };
}
