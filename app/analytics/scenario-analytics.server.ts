import { assessChoices, SKILLS, type Outcome, type Scenario, type Skill } from "~/engine";
import { toNumber, type Rational } from "~/engine/rational";
import { getLibrary } from "~/library/catalog.server";
import { choiceStats, scenarioStats, type Scope } from "~/models/analytics.server";
import { layoutFlow, type FlowLayout } from "./flow-layout.server";
import { hardestStep } from "./hardest-step";

const toNumberQuality = (quality: Rational | null) => (quality === null ? null : toNumber(quality));

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

export type StepAnalytics = {
  stepId: string;
  /** A short label: the step id and the start of the customer's first line. */
  label: string;
  picks: number;
  /** Share of picks whose reply rates poor against all the step's replies (0..1), null without picks. */
  poorShare: number | null;
  choices: {
    id: string;
    text: string;
    /** The flags that decide whether the reply is offered: variants of one reply differ only here. */
    requires: string[];
    unless: string[];
    rating: "best" | "fair" | "poor" | null;
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

function rate(quality: number | null, best: number | null): "best" | "fair" | "poor" | null {
  if (quality === null || best === null) return null;
  return quality >= best ? "best" : quality < 0.5 ? "poor" : "fair";
}

/**
 * Per step of the current version: how often each reply was picked (across versions, by choice
 * id) and how those conversations ended. Ratings use all of the step's replies, an approximation
 * where flags hide some of them at a given turn.
 */
export async function buildScenarioDetail(scenarioId: string, scope: Scope): Promise<ScenarioDetail | null> {
  const library = await getLibrary();
  const entry = library.scenarios.find((candidate) => candidate.scenario.id === scenarioId);
  if (!entry) return null;
  const scenario: Scenario = entry.scenario;
  const [summaries, picks] = await Promise.all([listScenarioSummaries(scope), choiceStats(scenarioId, scope)]);
  const summary = summaries.find((candidate) => candidate.id === scenarioId)!;

  const steps: StepAnalytics[] = scenario.steps.map((step) => {
    const assessment = assessChoices(step.choices);
    const qualities = new Map(step.choices.map((choice) => [choice.id, toNumberQuality(assessment.quality.get(choice.id) ?? null)]));
    const best = toNumberQuality(assessment.quality.get(assessment.best) ?? null);
    const choices = step.choices.map((choice) => {
      const rows = picks.filter((row) => row.stepId === step.id && row.choiceId === choice.id);
      const endings = Object.fromEntries([...OUTCOMES, "unfinished"].map((key) => [key, 0])) as Record<Outcome | "unfinished", number>;
      for (const row of rows) endings[(row.outcome as Outcome | null) ?? "unfinished"] += row.picks;
      return {
        id: choice.id,
        text: choice.text.text,
        requires: choice.requires,
        unless: choice.unless,
        rating: rate(qualities.get(choice.id) ?? null, best),
        picks: rows.reduce((sum, row) => sum + row.picks, 0),
        endings,
      };
    });
    const total = choices.reduce((sum, choice) => sum + choice.picks, 0);
    const poor = choices.filter((choice) => choice.rating === "poor").reduce((sum, choice) => sum + choice.picks, 0);
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
