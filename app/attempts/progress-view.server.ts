import type { Timing } from "~/domain/timing";
import { SKILLS, type Outcome, type Skill } from "~/engine";
import { findVersionTitles, listAttemptsOfUser } from "~/models/attempt.server";

export type ProgressView = {
  attempts: {
    id: number;
    scenarioId: string;
    title: string;
    startedAt: string;
    /** "abandoned": set aside when the trainee started the scenario again; it has no scores. */
    status: "in-progress" | "completed" | "abandoned";
    outcome: Outcome | null;
    overall: number | null;
    scores: Record<Skill, number | null>;
    /** The time limit the attempt ran under (normal, extended: twice the patience, none), for the manager's view. */
    timing: Timing;
  }[];
  /** Mean of each skill's assessed scores over completed attempts, rounded; null when never assessed. */
  averages: Record<Skill, number | null>;
};

export async function buildProgressView(userId: number): Promise<ProgressView> {
  const attempts = await listAttemptsOfUser(userId, { includeSetAside: true });
  const titles = await findVersionTitles(attempts.map((attempt) => attempt.scenarioHash));
  const completed = attempts.filter((attempt) => attempt.status === "completed");
  const averages = Object.fromEntries(
    SKILLS.map((skill) => {
      const scores = completed.map((attempt) => attempt.scores[skill]).filter((score): score is number => score !== null);
      return [skill, scores.length > 0 ? Math.round(scores.reduce((sum, score) => sum + score, 0) / scores.length) : null];
    }),
  ) as Record<Skill, number | null>;
  return {
    attempts: attempts.map((attempt) => ({
      id: attempt.id,
      scenarioId: attempt.scenarioId,
      title: titles.get(attempt.scenarioHash) ?? attempt.scenarioId,
      startedAt: attempt.startedAt,
      status: attempt.status,
      outcome: attempt.outcome,
      overall: attempt.overall,
      scores: attempt.scores,
      timing: attempt.timing,
    })),
    averages,
  };
}
