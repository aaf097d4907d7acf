import { MASTERY_WINDOW } from "~/analytics/mastery";
import { SKILLS, type Skill } from "~/domain/vocabulary";
import type { Scope } from "~/models/analytics.server";
import { assessedCounts } from "~/models/team-attention.server";
import { ATTENTION_BELOW, ATTENTION_MIN_EVIDENCE, INACTIVE_DAYS, isInactive, needsAttention } from "./progress";
import { progressInTeams } from "./team-progress.server";

/**
 * What the team overview flags for a manager: overdue assignments, trainees who have not
 * practised for INACTIVE_DAYS, and skills below 50 with enough evidence. Overdue and inactive
 * are about today, whatever dates the overview is filtered to; mastery follows the filter, as
 * the table beside it does.
 */

/** How many names each list shows; the count above it is always the whole. */
export const ATTENTION_LIST_MAX = 50;

export type OverdueEntry = { assignmentId: number; traineeId: number; traineeName: string; title: string; dueOn: string };
export type InactiveEntry = { id: number; name: string; lastActivity: string | null };
export type AttentionEntry = { id: number; name: string; skills: { skill: Skill; mastery: number; assessed: number }[] };

type Listed<T> = { total: number; shown: T[] };
export type TeamAttention = {
  overdue: Listed<OverdueEntry>;
  inactive: Listed<InactiveEntry>;
  attention: Listed<AttentionEntry>;
  /** The rules' numbers, for the page's sentences. */
  rules: { inactiveDays: number; below: number; minEvidence: number };
};

/** The overview's rows this reads: each trainee's mastery per skill, rounded as the table shows it. */
export type MasteryRow = { id: number; displayName: string; active: boolean; mastery: Record<Skill, number | null> };

const listed = <T>(all: T[]): Listed<T> => ({ total: all.length, shown: all.slice(0, ATTENTION_LIST_MAX) });

export async function teamAttention(scope: Scope, rows: readonly MasteryRow[], now: Date = new Date()): Promise<TeamAttention> {
  const today = now.toISOString().slice(0, 10);
  // Only trainees with a skill shown below the line need their evidence counted.
  const candidates = rows.filter((row) => row.active && SKILLS.some((skill) => row.mastery[skill] !== null && row.mastery[skill]! < ATTENTION_BELOW));
  const [{ assignments, trainees }, counts] = await Promise.all([
    progressInTeams(scope.teamIds, today),
    assessedCounts(
      candidates.map((row) => row.id),
      scope,
    ),
  ]);
  const active = new Set(trainees.filter((trainee) => trainee.active).map((trainee) => trainee.id));

  const overdue = assignments
    .flatMap((assignment) =>
      assignment.members
        .filter((member) => member.status === "overdue" && active.has(member.userId))
        .map((member) => ({ assignmentId: assignment.record.id, traineeId: member.userId, traineeName: member.name, title: assignment.title, dueOn: assignment.record.dueOn! })),
    )
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.traineeName.localeCompare(b.traineeName));

  const inactive = trainees
    .filter((trainee) => trainee.active && isInactive(trainee.lastActivity, today))
    // Never played first, then the longest quiet.
    .sort((a, b) => (a.lastActivity ?? "").localeCompare(b.lastActivity ?? "") || a.displayName.localeCompare(b.displayName))
    .map((trainee) => ({ id: trainee.id, name: trainee.displayName, lastActivity: trainee.lastActivity }));

  const attention = candidates
    .map((row) => ({
      id: row.id,
      name: row.displayName,
      skills: SKILLS.flatMap((skill) => {
        const mastery = row.mastery[skill];
        // Mastery is the mean of the last MASTERY_WINDOW scores: that many at most make the evidence.
        const assessed = Math.min(counts.get(row.id)?.[skill] ?? 0, MASTERY_WINDOW);
        return mastery !== null && needsAttention(mastery, assessed) ? [{ skill, mastery, assessed }] : [];
      }),
    }))
    .filter((entry) => entry.skills.length > 0)
    .sort((a, b) => Math.min(...a.skills.map((s) => s.mastery)) - Math.min(...b.skills.map((s) => s.mastery)) || a.name.localeCompare(b.name));

  return {
    overdue: listed(overdue),
    inactive: listed(inactive),
    attention: listed(attention),
    rules: { inactiveDays: INACTIVE_DAYS, below: ATTENTION_BELOW, minEvidence: ATTENTION_MIN_EVIDENCE },
  };
}
