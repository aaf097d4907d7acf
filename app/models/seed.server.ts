import { getDb } from "#db/db.server";
import type { Timing } from "~/domain/timing";
import { SKILLS } from "~/engine";
import type { AttemptEnd, AttemptTurn } from "./attempt.server";
import { isoNow } from "./time.server";

export type SeedPerson = { email: string; displayName: string; team: string };

/**
 * Bulk-creates teams, their managers and trainees in one transaction (synthetic data: everyone
 * shares one precomputed password hash). Returns the new ids by email and by team name.
 */
export async function insertOrganisation(input: {
  teams: readonly string[];
  managers: readonly SeedPerson[];
  trainees: readonly SeedPerson[];
  passwordHash: string;
}): Promise<{ userIds: Map<string, number>; teamIds: Map<string, number> }> {
  const db = await getDb();
  const now = isoNow();
  return db.write(async (tx) => {
    const teamIds = new Map<string, number>();
    for (const name of input.teams) {
      teamIds.set(name, (await tx.run("INSERT INTO teams (name, created_at) VALUES (?, ?)", [name, now])).lastID);
    }
    const userIds = new Map<string, number>();
    const add = async (person: SeedPerson, role: "manager" | "trainee") => {
      const teamId = teamIds.get(person.team) ?? null;
      const { lastID } = await tx.run(
        `INSERT INTO users (email, display_name, role, team_id, active, password_hash, created_at, updated_at)
         VALUES (?, ?, ?, ?, 1, ?, ?, ?)`,
        [person.email, person.displayName, role, role === "trainee" ? teamId : null, input.passwordHash, now, now],
      );
      if (role === "manager" && teamId !== null) {
        await tx.run("INSERT INTO team_managers (team_id, manager_id) VALUES (?, ?)", [teamId, lastID]);
      }
      userIds.set(person.email, lastID);
    };
    for (const manager of input.managers) await add(manager, "manager");
    for (const trainee of input.trainees) await add(trainee, "trainee");
    return { userIds, teamIds };
  });
}

export type HistoricAttempt = {
  userId: number;
  scenarioId: string;
  scenarioHash: string;
  snapshot: string;
  startedAt: string;
  /** null: still in progress. */
  end: (AttemptEnd & { endedAt: string }) | null;
  /** The step on screen now (for an attempt in progress: since the last turn). */
  stepShownAt: string;
  /** Seed of the order its replies were shown in (app/attempts/reply-order.ts); absent: the authored order. */
  orderSeed?: number;
  /** The time limit it ran under, every turn judged under it; absent: normal. */
  timing?: Timing;
  turns: Omit<AttemptTurn, "timing">[];
};

/** Inserts finished (or in-progress) attempts with their turns, in one transaction. */
export async function insertHistoricAttempts(attempts: readonly HistoricAttempt[]): Promise<void> {
  const db = await getDb();
  await db.write(async (tx) => {
    for (const attempt of attempts) {
      const end = attempt.end;
      const { lastID } = await tx.run(
        `INSERT INTO attempts (user_id, scenario_id, scenario_hash, status, turns, step_shown_at, started_at, ended_at,
                               ending_id, outcome, csat, resolved, mood,
                               listening, empathy, calm, persuasion, expectations, overall, order_seed, timing,
                               best_replies, fair_replies, poor_replies, lowest_mood, rushed)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          attempt.userId,
          attempt.scenarioId,
          attempt.scenarioHash,
          end ? "completed" : "in-progress",
          attempt.turns.length,
          attempt.stepShownAt,
          attempt.startedAt,
          end?.endedAt ?? null,
          end?.endingId ?? null,
          end?.outcome ?? null,
          end?.csat ?? null,
          end ? (end.resolved ? 1 : 0) : null,
          end?.mood ?? null,
          ...SKILLS.map((skill) => end?.scores[skill] ?? null),
          end?.overall ?? null,
          attempt.orderSeed ?? null,
          attempt.timing ?? "normal",
          end?.facts.best ?? null,
          end?.facts.fair ?? null,
          end?.facts.poor ?? null,
          end?.facts.lowestMood ?? null,
          end ? (end.facts.rushed ? 1 : 0) : null,
        ],
      );
      await tx.run("INSERT INTO attempt_snapshots (attempt_id, snapshot) VALUES (?, ?)", [lastID, attempt.snapshot]);
      for (const turn of attempt.turns) {
        await tx.run(
          "INSERT INTO attempt_turns (attempt_id, turn, step_id, choice_id, late, response_ms, chosen_at, timing) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          [lastID, turn.turn, turn.stepId, turn.choiceId, turn.late ? 1 : 0, turn.responseMs, turn.chosenAt, attempt.timing ?? "normal"],
        );
      }
    }
  });
}
