/**
 * The rules of assignments and the team's attention flags, pure: no storage and no clock (`today`
 * is a UTC day passed in), so the manager's page, the trainee's home page and the overview agree.
 */
import { addDays } from "~/game/time";

/** A trainee's state on one assignment. "open" is the page's "not done". */
export type AssignmentStatus = "done" | "open" | "overdue";

/** A trainee counts as inactive after this many UTC days with no conversation started or finished. */
export const INACTIVE_DAYS = 14;
/** A skill "needs attention" when its mastery is below this… */
export const ATTENTION_BELOW = 50;
/** …over at least this many assessed conversations of that skill, so one bad day is not a flag. */
export const ATTENTION_MIN_EVIDENCE = 3;

export type Progress = {
  status: AssignmentStatus;
  /** The scenarios already done for this assignment, in the assignment's order. */
  done: string[];
  /** The first scenario not done yet, in order; null when every one is done (or none is left to play). */
  next: string | null;
};

/**
 * One trainee's progress on an assignment. A scenario counts as done when the trainee finished a
 * conversation of it at or after the moment it was assigned (`lastCompleted` gives their latest
 * finish per scenario). An assignment is done when every scenario is; until then it is overdue
 * once its due day has passed in UTC. An assignment with nothing left to play is never done.
 */
export function progressOf(input: {
  scenarioIds: readonly string[];
  assignedAt: string;
  dueOn: string | null;
  today: string;
  lastCompleted: (scenarioId: string) => string | undefined;
}): Progress {
  const done = input.scenarioIds.filter((id) => {
    const last = input.lastCompleted(id);
    return last !== undefined && last >= input.assignedAt;
  });
  const next = input.scenarioIds.find((id) => !done.includes(id)) ?? null;
  if (input.scenarioIds.length > 0 && next === null) return { status: "done", done, next };
  return { status: isOverdue(input.dueOn, input.today) ? "overdue" : "open", done, next };
}

/** Past its due day: the whole due day (UTC) still counts as on time. */
export function isOverdue(dueOn: string | null, today: string): boolean {
  return dueOn !== null && dueOn < today;
}

/** A due date a manager may set: today (UTC) or later. */
export function isPastDay(day: string, today: string): boolean {
  return day < today;
}

type Ordered = { status: AssignmentStatus; dueOn: string | null; createdAt: string; id: number };

/** The trainee's order: overdue first, then by due day (none last), then the newest. */
export function compareForTrainee(a: Ordered, b: Ordered): number {
  const overdue = Number(b.status === "overdue") - Number(a.status === "overdue");
  if (overdue !== 0) return overdue;
  if (a.dueOn !== b.dueOn) {
    if (a.dueOn === null) return 1;
    if (b.dueOn === null) return -1;
    return a.dueOn < b.dueOn ? -1 : 1;
  }
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return b.id - a.id;
}

/**
 * No conversation started or finished on any of the last INACTIVE_DAYS UTC days (today
 * included); someone who never played is inactive.
 */
export function isInactive(lastActivity: string | null, today: string): boolean {
  return lastActivity === null || lastActivity.slice(0, 10) <= addDays(today, -INACTIVE_DAYS);
}

/** A skill needs attention: mastery (as shown, rounded) below 50 over at least three assessed conversations. */
export function needsAttention(mastery: number | null, assessed: number): boolean {
  return mastery !== null && mastery < ATTENTION_BELOW && assessed >= ATTENTION_MIN_EVIDENCE;
}

export type ListProblem = { kind: "empty" } | { kind: "unknown"; id: string } | { kind: "duplicate"; id: string };

/** What is wrong with a pathway's list of scenarios, if anything: empty, an id not in the library, or one twice. */
export function scenarioListProblem(ids: readonly string[], known: ReadonlySet<string>): ListProblem | null {
  if (ids.length === 0) return { kind: "empty" };
  const unknown = ids.find((id) => !known.has(id));
  if (unknown !== undefined) return { kind: "unknown", id: unknown };
  const twice = ids.find((id, index) => ids.indexOf(id) !== index);
  return twice === undefined ? null : { kind: "duplicate", id: twice };
}

/** The list with `id` moved one place up or down; unchanged at either end or when it is not there. */
export function moveScenario(ids: readonly string[], id: string, direction: "up" | "down"): string[] {
  const from = ids.indexOf(id);
  const to = direction === "up" ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= ids.length) return [...ids];
  const moved = [...ids];
  moved[from] = moved[to]!;
  moved[to] = id;
  return moved;
}
