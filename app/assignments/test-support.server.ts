// For the assignments tests: a fresh database on the two pinned example scenarios, two teams with
// their managers and trainees, an admin, and whole conversations played at chosen times.
import { makeTempDir, useFreshDatabase } from "#db/test-database";
import { createAccount } from "~/accounts/accounts.server";
import { teamsVisibleTo } from "~/analytics/scope.server";
import { chooseReply } from "~/attempts/choose.server";
import { startAttempt } from "~/attempts/start.server";
import { useExampleLibrary } from "~/attempts/test-trainees";
// The translator starts from the core copy; these tests read the assignments copy.
import "~/locales/en/assignments";
import { translatorFor } from "~/i18n/translate";
import { createTeam } from "~/models/team.server";
import { findUserById } from "~/models/user.server";
import type { AssignActor } from "./assign.server";

export const t = translatorFor("en");
export const DAY = 86_400_000;

/** 10:00 UTC on the n-th day after Monday 2 March 2026. */
export const day = (n: number, hour = 10): Date => new Date(Date.parse("2026-03-02T00:00:00Z") + n * DAY + hour * 3_600_000);

/** The example library's scenarios, each with a way to finish it (choice ids). */
export const PARCEL = { id: "parcel-third-call", title: "The parcel that never came", finish: ["opening.1", "listen.1", "details.1", "options.1"] } as const;
export const RETURNS = { id: "returns-desk-loop", title: "No receipt, no problem?", finish: ["ask.2"] } as const;

// They never sign in: a well-formed hash spares each of them 0.3 s of scrypt.
const HASH = "scrypt$17$8$1$c2FsdA==$a2V5";

export type World = {
  teamA: { id: number; name: string };
  teamB: { id: number; name: string };
  managerA: number;
  managerB: number;
  admin: number;
  /** Ana and Ben in team A, Cleo in team B. */
  ana: number;
  ben: number;
  cleo: number;
};

export function useAssignmentsWorld(): Promise<World> {
  process.env.SCENARIO_CACHE_DIR = makeTempDir("frontline-cache-");
  useExampleLibrary(makeTempDir("frontline-library-"));
  return useFreshDatabase().then(createWorld);
}

async function createWorld(): Promise<World> {
  const teamA = await createTeam("Harbour desk");
  const teamB = await createTeam("Night shift");
  const person = (email: string, displayName: string, role: "trainee" | "manager" | "admin", teamId: number | null) =>
    createAccount({ email, displayName, role, teamId, password: "" }, HASH);
  return {
    teamA,
    teamB,
    managerA: await person("ma@example.test", "Maya A", "manager", teamA.id),
    managerB: await person("mb@example.test", "Milo B", "manager", teamB.id),
    admin: await person("admin@example.test", "Ada Admin", "admin", null),
    ana: await person("ana@example.test", "Ana", "trainee", teamA.id),
    ben: await person("ben@example.test", "Ben", "trainee", teamA.id),
    cleo: await person("cleo@example.test", "Cleo", "trainee", teamB.id),
  };
}

/** Who is asking, as the assignments page's guard gives it. */
export async function actorOf(userId: number, team?: number): Promise<AssignActor> {
  const user = await findUserById(userId);
  if (!user) throw new Error(`no user ${userId}`);
  return { user, teams: await teamsVisibleTo(user), filters: { team } };
}

export function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) data.append(name, one);
  return data;
}

/** Starts a conversation at `when` and gives these replies, 20 s apart; returns the attempt's id. */
export async function playAt(userId: number, scenario: { id: string; finish: readonly string[] }, when: Date): Promise<number> {
  const attemptId = await startAttempt(userId, scenario.id, when);
  for (const [i, choiceId] of scenario.finish.entries()) {
    await chooseReply({ userId, attemptId, turn: i + 1, choiceId, now: new Date(when.getTime() + (i + 1) * 20_000) });
  }
  return attemptId;
}

/** The Response a use case threw (a 404 page), or the error itself. */
export async function thrown(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error instanceof Response ? error.status : error;
  }
  throw new Error("expected a refusal");
}
