import * as z from "zod";
import type { WriteTx } from "#db/connection.server";
import { getDb } from "#db/db.server";
import { isoNow } from "./time.server";

const FailureWindowRow = z.object({ failures: z.number().int(), oldest: z.string().nullable() });
export type FailureWindow = { failures: number; oldest: string | null };

const normalise = (email: string) => email.trim().toLowerCase();

export async function recordSignInFailure(email: string, ip: string, at: Date = new Date()): Promise<void> {
  const db = await getDb();
  await db.write((tx) =>
    tx.run("INSERT INTO sign_in_failures (email, ip, failed_at) VALUES (?, ?, ?)", [
normalise(email), ip, isoNow(at)]),
  );
}

type Reader = Pick<WriteTx, "get">;

async function failureWindows(reader: Reader, email: string, ip: string, since: Date): Promise<{ email: FailureWindow; ip: FailureWindow }> {
  const sinceIso = isoNow(since);
  const count = (column: "email" | "ip", value: string) =>
    reader.get(
      FailureWindowRow,
      `SELECT COUNT(*) AS failures, MIN(failed_at) AS oldest FROM sign_in_failures WHERE ${column} = ? AND failed_at > ?`,
      [value, sinceIso],
    );
  const byEmail = await count("email", normalise(email));
  const byIp = await count("ip", ip);
  return { email: byEmail ?? { failures: 0, oldest: null }, ip: byIp ?? { failures: 0, oldest: null } };
}

export type SignInClaim =
  | { status: "claimed"; failureId: number }
  | { status: "blocked"; email: FailureWindow; ip: FailureWindow };

/**
 * Counts the recent failures and, when both windows are under `maxFailures`, records this attempt
 * as a failure in the same transaction. Checking and recording at once is what stops parallel
 * guesses from all passing the check while their passwords are still being hashed.
 */
export async function claimSignInAttempt({
  email,
  ip,
  since,
  at,
  maxFailures,
}: {
  email: string;
  ip: string;
  since: Date;
  at: Date;
  maxFailures: number;
}): Promise<SignInClaim> {
  const db = await getDb();
  return db.write(async (tx) => {
    const windows = await failureWindows(tx, email, ip, since);
    if (windows.email.failures >= maxFailures || windows.ip.failures >= maxFailures) return { status: "blocked", ...windows };
    const { lastID } = await tx.run("INSERT INTO sign_in_failures (email, ip, failed_at) VALUES (?, ?, ?)", [normalise(email), ip, isoNow(at)]);
    return { status: "claimed", failureId: lastID };
  });
}

/** Takes back a claimed attempt that turned out not to be a failed guess. */
export async function releaseSignInAttempt(failureId: number): Promise<void> {
  const db = await getDb();
  await db.write((tx) => tx.run("DELETE FROM sign_in_failures WHERE id = ?", [failureId]));
}

export async function countAllSignInFailures(): Promise<number> {
  const db = await getDb();
  const row = await db.get(z.object({ n: z.number().int() }), "SELECT COUNT(*) AS n FROM sign_in_failures");
  return row?.n ?? 0;
}

export async function clearSignInFailuresForEmail(email: string): Promise<void> {
  const db = await getDb();
  await db.write((tx) => tx.run("DELETE FROM sign_in_failures WHERE email = ?", [normalise(email)]));
}

export async function deleteSignInFailuresBefore(before: Date): Promise<void> {
  const db = await getDb();
  await db.write((tx) => tx.run("DELETE FROM sign_in_failures WHERE failed_at <= ?", [isoNow(before)]));
}
