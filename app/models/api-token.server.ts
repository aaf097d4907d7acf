import * as z from "zod";
import { getDb } from "#db/db.server";
import { isoNow } from "./time.server";

/**
 * The organisation's API tokens (migration 0005). Only the SHA-256 of a secret is stored; the
 * secret itself is shown to the admin once and never reaches this table.
 */

const ApiTokenRow = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  created_by: z.number().int().nullable(),
  created_by_name: z.string().nullable(),
  created_at: z.string(),
  revoked_at: z.string().nullable(),
  revoked_by_name: z.string().nullable(),
  last_used_at: z.string().nullable(),
});
export type ApiTokenRecord = z.infer<typeof ApiTokenRow>;

const SELECT_TOKEN = `
  SELECT t.id, t.name, t.prefix, t.created_by, c.display_name AS created_by_name, t.created_at,
         t.revoked_at, r.display_name AS revoked_by_name, t.last_used_at
    FROM api_tokens t
    LEFT JOIN users c ON c.id = t.created_by
    LEFT JOIN users r ON r.id = t.revoked_by`;

export type NewApiToken = { name: string; tokenHash: string; prefix: string; createdBy: number | null };

export async function insertApiToken(token: NewApiToken, at: Date = new Date()): Promise<number> {
  const db = await getDb();
  const { lastID } = await db.write((tx) =>
    tx.run("INSERT INTO api_tokens (name, token_hash, prefix, created_by, created_at) VALUES (?, ?, ?, ?, ?)", [
      token.name,
      token.tokenHash,
      token.prefix,
      token.createdBy,
      isoNow(at),
    ]),
  );
  return lastID;
}

/** Every token, the active ones first, newest first within each. */
export async function listApiTokens(): Promise<ApiTokenRecord[]> {
  const db = await getDb();
  return db.all(ApiTokenRow, `${SELECT_TOKEN} ORDER BY t.revoked_at IS NOT NULL, t.id DESC`);
}

export async function findApiToken(id: number): Promise<ApiTokenRecord | undefined> {
  const db = await getDb();
  return db.get(ApiTokenRow, `${SELECT_TOKEN} WHERE t.id = ?`, [id]);
}

/** The token with this hash, revoked or not (the caller tells a revoked token from an unknown one). */
export async function findApiTokenByHash(tokenHash: string): Promise<ApiTokenRecord | undefined> {
  const db = await getDb();
  return db.get(ApiTokenRow, `${SELECT_TOKEN} WHERE t.token_hash = ?`, [tokenHash]);
}

/**
 * Records a use of an active token; false when it was revoked in the meantime, so a revoke that
 * lands between the lookup and this write still refuses the request.
 */
export async function touchApiToken(id: number, at: Date = new Date()): Promise<boolean> {
  const db = await getDb();
  const { changes } = await db.write((tx) => tx.run("UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND revoked_at IS NULL", [isoNow(at), id]));
  return changes === 1;
}

/** Revokes an active token; false when there is no such token or it was already revoked. */
export async function revokeApiTokenRow(id: number, revokedBy: number | null, at: Date = new Date()): Promise<boolean> {
  const db = await getDb();
  const { changes } = await db.write((tx) =>
    tx.run("UPDATE api_tokens SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL", [isoNow(at), revokedBy, id]),
  );
  return changes === 1;
}
