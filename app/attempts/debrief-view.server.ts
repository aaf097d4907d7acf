import type { Timing } from "~/domain/timing";
import { reviewTurns, scoreAttempt, SKILLS, type Channel, type Outcome, type Persona, type Rating, type Skill, type TurnReview } from "~/engine";
import { listAttemptTurns } from "~/models/attempt.server";
import type { OwnAttempt } from "./load.server";
import { inReplyOrder } from "./reply-order";

type SkillRow = { skill: Skill; score: number | null; points: number; turns: number };

/**
 * The skills whose guides the debrief links: the two lowest-scoring assessed ones, ties in the
 * fixed skill order; skills the scenario did not assess have nothing to say. A perfect run gets
 * congratulated instead (DebriefView.perfect), not told to keep sharpening.
 */
export function weakestSkills(rows: readonly SkillRow[]): Skill[] {
  const order = (skill: Skill) => SKILLS.indexOf(skill);
  return rows
    .filter((row): row is SkillRow & { score: number } => row.score !== null)
    .sort((a, b) => a.score - b.score || order(a.skill) - order(b.skill))
    .slice(0, 2)
    .map((row) => row.skill);
}

export type DebriefView = {
  attemptId: number;
  scenario: { id: string; title: string; customer: string; channel: Channel; persona: Persona };
  startedAt: string;
  endedAt: string | null;
  ending: { html: string; outcome: Outcome; csat: number; resolved: boolean };
  overall: number | null;
  skills: SkillRow[];
  /** The two lowest-scoring assessed skills, for the guide links; none after a perfect run. */
  weakest: Skill[];
  /** Every rated reply was the best on offer (and at least one was rated). */
  perfect: boolean;
  /** The time limit the attempt ended under; each turn says the one its reply was judged under. */
  timing: Timing;
  turns: {
    turn: number;
    customer: string[];
    coach: string | null;
    reply: { html: string; rating: Rating | null; feedback: string | null };
    best: { html: string; feedback: string | null } | null;
    responseMs: number | null;
    late: boolean;
    /** null for a reply recorded before time limits could be adjusted. */
    timing: Timing | null;
    /** Every reply offered at this turn, in the order the trainee saw them; best: as good as the best one. */
    offered: { id: string; html: string; chosen: boolean; best: boolean }[];
  }[];
};

/** The replies of a turn in the order the attempt showed them, marked as chosen and as best. */
function offeredReplies(review: TurnReview, authored: readonly string[], seed: number | null, html: Record<string, string>) {
  const bestQuality = review.visible.find((choice) => choice.id === review.best)?.quality ?? null;
  return inReplyOrder(seed, review.step, authored, review.visible).map((choice) => ({
    id: choice.id,
    html: html[`choice:${choice.id}`] ?? "",
    chosen: choice.id === review.chosen,
    best: bestQuality !== null && choice.quality === bestQuality,
  }));
}

export async function buildDebriefView({ attempt, version, snapshot }: OwnAttempt): Promise<DebriefView | null> {
  const { scenario, html } = version;
  const context = snapshot.context;
  const ending = scenario.endings.find((e) => e.id === attempt.endingId);
  if (attempt.status !== "completed" || !ending) return null;

  const result = scoreAttempt(scenario, context);
  const reviews = reviewTurns(scenario, context);
  const stored = new Map((await listAttemptTurns(attempt.id)).map((turn) => [turn.turn, turn]));
  const steps = new Map(scenario.steps.map((s) => [s.id, s]));
  const choices = new Map(scenario.steps.flatMap((s) => s.choices.map((c) => [c.id, c] as const)));

  const skills = SKILLS.map((skill) => {
    const score = result.skills[skill];
    return { skill, score: score?.score ?? null, points: score?.points ?? 0, turns: score?.turns ?? 0 };
  });

  const rated = reviews.filter((review) => review.rating !== null);
  const perfect = rated.length > 0 && rated.every((review) => review.rating === "best");

  return {
    attemptId: attempt.id,
    scenario: { id: scenario.id, title: scenario.title, customer: scenario.customer, channel: scenario.channel, persona: scenario.persona },
    startedAt: attempt.startedAt,
    endedAt: attempt.endedAt,
    ending: { html: html[`ending:${ending.id}`] ?? "", outcome: ending.outcome, csat: result.csat, resolved: ending.resolved },
    overall: result.overall,
    skills,
    weakest: perfect ? [] : weakestSkills(skills),
    perfect,
    timing: attempt.timing,
    turns: reviews.map((review) => {
      const step = steps.get(review.step);
      const showBest = review.rating !== null && review.rating !== "best";
      return {
        turn: review.turn,
        customer: (step?.customer ?? []).map((piece) => html[piece.key] ?? ""),
        coach: step?.coach ? (html[step.coach.key] ?? null) : null,
        reply: { html: html[`choice:${review.chosen}`] ?? "", rating: review.rating, feedback: review.feedback },
        best: showBest ? { html: html[`choice:${review.best}`] ?? "", feedback: choices.get(review.best)?.feedback ?? null } : null,
        responseMs: stored.get(review.turn)?.responseMs ?? null,
        late: review.late,
        timing: stored.get(review.turn)?.timing ?? null,
        offered: offeredReplies(review, step?.choices.map((choice) => choice.id) ?? [], attempt.orderSeed, html),
      };
    }),
  };
}
