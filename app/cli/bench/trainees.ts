/**
 * The bench's trainees, set up outside any measured window: accounts in the database, a session
 * each, an attempt in progress each, and for some a history of finished attempts.
 */
import { closeDb, openMigratedDb } from "#db/db.server";
import { createAccount, findOrCreateTeam } from "~/accounts/accounts.server";
import { hashPassword } from "~/auth/password.server";
import { seededRandom } from "~/engine/random";
import { readPlayPage } from "./html";
import { cookieFrom, type Requester } from "./http";
import { lightPasswordHash } from "./password";

export const SESSION_COOKIE = "frontline_session";

export type Trainee = {
  index: number;
  email: string;
  cookie: string;
  attemptId: number;
  turn: number;
  choiceIds: string[];
  /** The attempt reached its debrief: a new one must be started before the next cycle. */
  needsNew: boolean;
  /** The debrief of the trainee's latest finished attempt. */
  debriefPath: string;
  random: () => number;
};

/** Creates `count` trainees sharing one password hash; returns their emails. */
export async function seedTrainees(count: number, password: string, { fullHash }: { fullHash: boolean }): Promise<{ emails: string[]; where: string }> {
  const { db } = await openMigratedDb();
  const team = await findOrCreateTeam("Bench team");
  // By default a light hash in the app's format: every sign-in verifies it at its own cost, and
  // hundreds of sign-ins at the app's full cost (~0.3 s each) would take minutes. Sign-in is not measured.
  const hash = fullHash ? await hashPassword(password) : await lightPasswordHash(password);
  const emails: string[] = [];
  for (let i = 0; i < count; i++) {
    const email = `bench-trainee-${String(i + 1).padStart(4, "0")}@bench.test`;
    await createAccount({ email, displayName: `Bench Trainee ${i + 1}`, role: "trainee", teamId: team.id, password }, hash);
    emails.push(email);
  }
  const where = db.path;
  await closeDb();
  return { emails, where };
}

export async function signIn(http: Requester, email: string, password: string, index: number): Promise<Trainee> {
  const reply = await http("/sign-in", { method: "POST", form: { email, password } });
  const cookie = cookieFrom(reply.setCookies, SESSION_COOKIE);
  if (reply.status !== 302 || !cookie) throw new Error(`sign-in of ${email} answered ${reply.status} without a session cookie`);
  return { index, email, cookie, attemptId: 0, turn: 0, choiceIds: [], needsNew: true, debriefPath: "", random: seededRandom(index + 1) };
}

export function attemptIdFrom(location: string | null | undefined): number | null {
  const match = location?.match(/^\/train\/attempts\/(\d+)$/);
  return match ? Number(match[1]) : null;
}

export const startPath = (scenario: string) => `/train/scenarios/${encodeURIComponent(scenario)}`;
export const choicePath = (trainee: Trainee) => `/train/attempts/${trainee.attemptId}?index`;

/** A visible choice for the trainee's current turn, picked by its seeded random. */
export function nextChoiceForm(trainee: Trainee): Record<string, string> {
  const choiceId = trainee.choiceIds[Math.floor(trainee.random() * trainee.choiceIds.length)]!;
  return { turn: String(trainee.turn), choiceId };
}

async function startNewAttempt(http: Requester, trainee: Trainee, scenario: string): Promise<void> {
  const reply = await http(startPath(scenario), { method: "POST", cookie: trainee.cookie });
  const id = attemptIdFrom(reply.location);
  if (reply.status !== 302 || id === null) {
    throw new Error(`starting "${scenario}" for ${trainee.email} answered ${reply.status} (location ${reply.location ?? "none"})`);
  }
  trainee.attemptId = id;
  trainee.needsNew = false;
}

/** Brings a trainee's state in line with the server: an attempt in progress, its turn and choices. */
export async function resync(http: Requester, trainee: Trainee, scenario: string): Promise<void> {
  for (let tries = 0; tries < 3; tries++) {
    if (trainee.attemptId === 0 || trainee.needsNew) await startNewAttempt(http, trainee, scenario);
    const reply = await http(`/train/attempts/${trainee.attemptId}`, { cookie: trainee.cookie });
    const page = reply.status === 200 ? readPlayPage(reply.text) : null;
    if (page) {
      trainee.turn = page.turn;
      trainee.choiceIds = page.choiceIds;
      return;
    }
    trainee.needsNew = true; // finished (302 to the debrief) or put aside: start another
  }
  throw new Error(`could not get an in-progress attempt page for ${trainee.email}`);
}

/** Plays the trainee's attempt to its end with seeded random replies, and starts the next one. */
export async function finishAttempt(http: Requester, trainee: Trainee, scenario: string): Promise<void> {
  await resync(http, trainee, scenario);
  for (let turns = 0; turns < 100; turns++) {
    const reply = await http(choicePath(trainee), { method: "POST", cookie: trainee.cookie, form: nextChoiceForm(trainee) });
    if (reply.status !== 302) throw new Error(`a choice of ${trainee.email} answered ${reply.status}`);
    if (reply.location?.endsWith("/debrief")) {
      trainee.debriefPath = reply.location;
      trainee.needsNew = true;
      return resync(http, trainee, scenario);
    }
    await resync(http, trainee, scenario);
  }
  throw new Error(`attempt ${trainee.attemptId} of ${trainee.email} did not end within 100 turns`);
}

export async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}
