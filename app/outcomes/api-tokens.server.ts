import { createHash, randomBytes } from "node:crypto";
import { parseWithZod } from "@conform-to/zod/v4";
import * as z from "zod";
import { findApiToken, findApiTokenByHash, insertApiToken, listApiTokens, revokeApiTokenRow, touchApiToken, type ApiTokenRecord } from "~/models/api-token.server";

/**
 * The organisation's tokens for pushing outcomes. A secret is 32 random bytes (256 bits) in
 * base64url behind a recognisable `fl_` prefix (so secret scanners and people can tell what it
 * is); only its SHA-256 is stored, and the secret is returned once, at creation.
 */

export const TOKEN_PREFIX = "fl_";
const SECRET_BYTES = 32;
const TOKEN_SHAPE = /^fl_[A-Za-z0-9_-]{43}$/;
/** How much of a secret the list shows: "fl_" and 8 characters, 48 of its 256 bits. */
const SHOWN_CHARS = TOKEN_PREFIX.length + 8;
export const TOKEN_NAME_MAX = 80;

export type ApiTokenView = {
  id: number;
  name: string;
  prefix: string;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
};

const viewOf = (row: ApiTokenRecord): ApiTokenView => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdBy: row.created_by_name,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
  revokedBy: row.revoked_by_name,
});

export const hashToken = (secret: string) => createHash("sha256").update(secret, "utf8").digest("hex");

/** The name field of the page's form; messages come translated from the route. */
export function parseNewTokenForm(formData: FormData, messages: { required: string; tooLong: string }) {
  const schema = z.object({
    name: z.string({ error: messages.required }).trim().min(1, messages.required).max(TOKEN_NAME_MAX, messages.tooLong),
  });
  return parseWithZod(formData, { schema });
}

const RevokeForm = z.object({ tokenId: z.coerce.number().int().positive() });

/** The token a revoke button names; null for anything else. */
export function parseRevokeForm(formData: FormData): number | null {
  const parsed = RevokeForm.safeParse({ tokenId: formData.get("tokenId") });
  return parsed.success ? parsed.data.tokenId : null;
}

export async function createApiToken(name: string, createdBy: number | null, now: Date = new Date()): Promise<{ token: ApiTokenView; secret: string }> {
  const secret = `${TOKEN_PREFIX}${randomBytes(SECRET_BYTES).toString("base64url")}`;
  const id = await insertApiToken({ name: name.trim(), tokenHash: hashToken(secret), prefix: secret.slice(0, SHOWN_CHARS), createdBy }, now);
  const token = await findApiToken(id);
  if (!token) throw new Error(`API token ${id} vanished after insert`);
  return { token: viewOf(token), secret };
}

export async function apiTokens(): Promise<ApiTokenView[]> {
  return (await listApiTokens()).map(viewOf);
}

/** False when there is no such token or it was revoked already (a second click changes nothing). */
export async function revokeApiToken(id: number, revokedBy: number | null, now: Date = new Date()): Promise<boolean> {
  return revokeApiTokenRow(id, revokedBy, now);
}

export type TokenRefusal = "missing" | "malformed" | "unknown" | "revoked";
export type Authenticated = { ok: true; token: { id: number; name: string } } | { ok: false; reason: TokenRefusal };

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * Reads `Authorization: Bearer <token>` and finds the token it names.
 *
 * The secret is looked up by its SHA-256, not compared character by character, so there is no
 * comparison of the secret whose timing could leak it: whatever timing the index lookup has
 * depends on the hash, and an attacker cannot choose inputs whose hashes approach a stored one
 * byte by byte without breaking SHA-256. That is why no constant-time comparison is needed.
 */
export async function authenticateToken(authorization: string | null, now: Date = new Date()): Promise<Authenticated> {
  if (authorization === null || authorization.trim() === "") return { ok: false, reason: "missing" };
  const secret = BEARER.exec(authorization)?.[1];
  if (secret === undefined || !TOKEN_SHAPE.test(secret)) return { ok: false, reason: "malformed" };
  const row = await findApiTokenByHash(hashToken(secret));
  if (!row) return { ok: false, reason: "unknown" };
  if (row.revoked_at !== null) return { ok: false, reason: "revoked" };
  // The touch writes only while the token is active, so a revoke that landed since the lookup wins.
  if (!(await touchApiToken(row.id, now))) return { ok: false, reason: "revoked" };
  return { ok: true, token: { id: row.id, name: row.name } };
}
