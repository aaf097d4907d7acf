import * as z from "zod";
import { getDb } from "#db/db.server";
import { isoNow } from "./time.server";

const FailureWindowRow = z.object({ failures: z.number().int(), oldest: z.string().nullable() });
export type FailureWindow = { failures: number; oldest: string | null };

export async function recordSignInFailure(email: string, ip: string, at: Date = new Date()): Promise<void> {
  const db = await getDb();
  await db.write((tx) =>
    tx.run("INSERT INTO sign_in_failures (email, ip, failed_at) VALUES (?, ?, ?)", [
      email.trim().toLowerCase(),
      ip,
      isoNow(at),
    ]),
  );
}

/** Failures since `since` for the email and for the IP, each with its oldest failure in the window. */
export async function countRecentFailures(
  email: string,
  ip: string,
  since: Date,
): Promise<{ email: FailureWindow; ip: FailureWindow }> {
  const db = await getDb();
  const sinceIso = isoNow(since);
  const [byEmail, byIp] = await Promise.all([
    db.get(
      FailureWindowRow,
      "SELECT COUNT(*) AS failures, MIN(failed_at) AS oldest FROM sign_in_failures WHERE email = ? AND failed_at > ?",
      [email.trim().toLowerCase(), sinceIso],
    ),
    db.get(
      FailureWindowRow,
      "SELECT COUNT(*) AS failures, MIN(failed_at) AS oldest FROM sign_in_failures WHERE ip = ? AND failed_at > ?",
      [ip, sinceIso],
    ),
  ]);
  return { email: byEmail ?? { failures: 0, oldest: null }, ip: byIp ?? { failures: 0, oldest: null } };
}

export async function countAllSignInFailures(): Promise<number> {
  const db = await getDb();
  const row = await db.get(z.object({ n: z.number().int() }), "SELECT COUNT(*) AS n FROM sign_in_failures");
  return row?.n ?? 0;
}

export async function clearSignInFailuresForEmail(email: string): Promise<void> {
  const db = await getDb();
  await db.write((tx) => tx.run("DELETE FROM sign_in_failures WHERE email = ?", [email.trim().toLowerCase()]));
}

export async function deleteSignInFailuresBefore(before: Date): Promise<void> {
  const db = await getDb();
  await db.write((tx) => tx.run("DELETE FROM sign_in_failures WHERE failed_at <= ?", [isoNow(before)]));
}
