import { randomBytes } from "node:crypto";
import { exportJWK, exportPKCS8, generateKeyPair, importPKCS8, type CryptoKey, type JWK } from "jose";
import { config } from "~/config.server";
import { deleteKeysRetiredBefore, findCurrentKey, insertCurrentKey, listPublishedKeys, type KeyRecord } from "~/models/lti-key.server";
import { openPrivateKey, sealPrivateKey } from "./key-box.server";

/** Frontline's RS256 signing keys: made on first need, rotated by an admin, published at /lti/jwks. */

export const SIGNING_ALG = "RS256";
/** A retired key stays published this long, longer than any platform caches a JWKS. */
export const RETIRED_KEY_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

async function newKey(): Promise<{ kid: string; publicJwk: string; privateKey: string }> {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, { modulusLength: 2048, extractable: true });
  const kid = randomBytes(16).toString("base64url");
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: SIGNING_ALG, use: "sig" };
  return { kid, publicJwk: JSON.stringify(jwk), privateKey: sealPrivateKey(await exportPKCS8(privateKey), config().ltiKeySecret) };
}

async function currentKeyRecord(): Promise<KeyRecord> {
  const found = await findCurrentKey();
  if (found) return found;
  // Two processes may get here at once: only the first insert counts, both then read it.
  await insertCurrentKey(await newKey(), { onlyIfNone: true });
  const made = await findCurrentKey();
  if (!made) throw new Error("No LTI signing key after making one.");
  return made;
}

/** Makes a new current key; the old one is retired but stays in the JWKS for RETIRED_KEY_DAYS. */
export async function rotateSigningKey(now: Date = new Date()): Promise<string> {
  const key = await newKey();
  await insertCurrentKey(key);
  await deleteKeysRetiredBefore(new Date(now.getTime() - RETIRED_KEY_DAYS * DAY_MS).toISOString());
  return key.kid;
}

export async function signingKey(): Promise<{ kid: string; key: CryptoKey }> {
  const record = await currentKeyRecord();
  return { kid: record.kid, key: await importPKCS8(openPrivateKey(record.private_key, config().ltiKeySecret), SIGNING_ALG) };
}

export type PublishedKey = { kid: string; createdAt: string; retiredAt: string | null; jwk: JWK };

export async function publishedKeys(now: Date = new Date()): Promise<PublishedKey[]> {
  await currentKeyRecord();
  const rows = await listPublishedKeys(new Date(now.getTime() - RETIRED_KEY_DAYS * DAY_MS).toISOString());
  return rows.map((row) => ({ kid: row.kid, createdAt: row.created_at, retiredAt: row.retired_at, jwk: JSON.parse(row.public_jwk) as JWK }));
}

/** The JWKS document: public halves only (the stored JWK never had a private part). */
export async function jwks(now: Date = new Date()): Promise<{ keys: JWK[] }> {
  return { keys: (await publishedKeys(now)).map((key) => key.jwk) };
}
