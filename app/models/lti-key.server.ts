import * as z from "zod";
import { getDb } from "#db/db.server";
import { isoNow } from "./time.server";

/** Frontline's own LTI signing keys (the private half encrypted by app/lti/keys.server.ts before it gets here). */

const KeyRow = z.object({
  kid: z.string(),
  public_jwk: z.string(),
  private_key: z.string(),
  created_at: z.string(),
  retired_at: z.string().nullable(),
});
export type KeyRecord = z.infer<typeof KeyRow>;

/** The signing key: the newest one not retired. */
export async function findCurrentKey(): Promise<KeyRecord | undefined> {
  const db = await getDb();
  return db.get(KeyRow, "SELECT * FROM lti_keys WHERE retired_at IS NULL ORDER BY created_at DESC, kid LIMIT 1");
}

/** Keys still published: the current one and those retired after `retiredAfter`. */
export async function listPublishedKeys(retiredAfter: string): Promise<KeyRecord[]> {
  const db = await getDb();
  return db.all(KeyRow, "SELECT * FROM lti_keys WHERE retired_at IS NULL OR retired_at > ? ORDER BY created_at DESC, kid", [retiredAfter]);
}

/**
 * Adds a key and retires every other one in the same transaction, so there is always exactly one current key.
 * `onlyIfNone`: add it only when there is no current key yet (two processes making the first key at once).
 */
export async function insertCurrentKey(key: { kid: string; publicJwk: string; privateKey: string }, { onlyIfNone = false } = {}): Promise<boolean> {
  const db = await getDb();
  const now = isoNow();
  return db.write(async (tx) => {
    if (onlyIfNone && (await tx.get(z.object({ kid: z.string() }), "SELECT kid FROM lti_keys WHERE retired_at IS NULL LIMIT 1"))) return false;
    await tx.run("UPDATE lti_keys SET retired_at = ? WHERE retired_at IS NULL", [now]);
    await tx.run("INSERT INTO lti_keys (kid, public_jwk, private_key, created_at) VALUES (?, ?, ?, ?)", [key.kid, key.publicJwk, key.privateKey, now]);
    return true;
  });
}

/** Forgets keys retired before `before`: they are out of the JWKS, so nothing they signed can be checked anyway. */
export async function deleteKeysRetiredBefore(before: string): Promise<number> {
  const db = await getDb();
  return db.write(async (tx) => (await tx.run("DELETE FROM lti_keys WHERE retired_at IS NOT NULL AND retired_at <= ?", [before])).changes);
}
