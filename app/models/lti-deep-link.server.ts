import * as z from "zod";
import { getDb } from "#db/db.server";
import { isoNow } from "./time.server";

/** Deep linking requests waiting for an instructor's choice. */

export type DeepLinkRequest = { id: string; platformId: number; deploymentId: string; userId: number; returnUrl: string; data: string | null };

export async function insertDeepLinkRequest(request: DeepLinkRequest, expiresAt: Date): Promise<void> {
  const db = await getDb();
  await db.write((tx) =>
    tx.run("INSERT INTO lti_deep_link_requests (id, platform_id, deployment_id, user_id, return_url, data, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
      request.id,
      request.platformId,
      request.deploymentId,
      request.userId,
      request.returnUrl,
      request.data,
      isoNow(),
      expiresAt.toISOString(),
    ]),
  );
}

const Row = z.object({ id: z.string(), platform_id: z.number().int(), deployment_id: z.string(), user_id: z.number().int(), return_url: z.string(), data: z.string().nullable() });

/** The request, if it is this person's and has not expired. */
export async function findDeepLinkRequest(id: string, userId: number, now: Date = new Date()): Promise<DeepLinkRequest | undefined> {
  const db = await getDb();
  const row = await db.get(Row, "SELECT id, platform_id, deployment_id, user_id, return_url, data FROM lti_deep_link_requests WHERE id = ? AND user_id = ? AND expires_at > ?", [
    id,
    userId,
    now.toISOString(),
  ]);
  return row && { id: row.id, platformId: row.platform_id, deploymentId: row.deployment_id, userId: row.user_id, returnUrl: row.return_url, data: row.data };
}

/** Answered once: the platform would take a second answer as a second placement. */
export async function deleteDeepLinkRequest(id: string): Promise<boolean> {
  const db = await getDb();
  return db.write(async (tx) => (await tx.run("DELETE FROM lti_deep_link_requests WHERE id = ?", [id])).changes === 1);
}

export async function deleteExpiredDeepLinkRequests(now: Date = new Date()): Promise<number> {
  const db = await getDb();
  return db.write(async (tx) => (await tx.run("DELETE FROM lti_deep_link_requests WHERE expires_at <= ?", [now.toISOString()])).changes);
}
