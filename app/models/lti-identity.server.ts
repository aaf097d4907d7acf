import * as z from "zod";
import { getDb } from "#db/db.server";

/** A launched person's identity at a learning platform (migration 0009, `lti_identities`), read for xAPI actors. */

const LtiAccountRow = z.object({ issuer: z.string(), subject: z.string() });
export type LtiAccount = z.infer<typeof LtiAccountRow>;

/**
 * The person's first LTI identity (issuer and sub), or undefined when they were never launched from a platform. One
 * person launched from several platforms has several; the oldest is taken (ties by issuer and sub), so the answer
 * never changes once given.
 */
export async function findLtiAccountOf(userId: number): Promise<LtiAccount | undefined> {
  const db = await getDb();
  return db.get(LtiAccountRow, "SELECT issuer, subject FROM lti_identities WHERE user_id = ? ORDER BY created_at, issuer, subject LIMIT 1", [userId]);
}
