import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Private keys at rest: AES-256-GCM under the SHA-256 of LTI_KEY_SECRET, a fresh 96-bit IV each time, and the tag
 * checked on the way out, so a changed secret or a tampered row fails loudly instead of signing with garbage.
 */

const VERSION = "v1";

function aesKey(secret: string): Buffer {
  return createHash("sha256").update(secret, "utf8").digest();
}

export function sealPrivateKey(pem: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", aesKey(secret), iv);
  const body = Buffer.concat([cipher.update(pem, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

export class KeyBoxError extends Error {}

export function openPrivateKey(sealed: string, secret: string): string {
  const [version, iv, body, tag] = sealed.split(".");
  if (version !== VERSION || !iv || !body || !tag) throw new KeyBoxError("A stored LTI key is not in the expected form.");
  try {
    const decipher = createDecipheriv("aes-256-gcm", aesKey(secret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new KeyBoxError("A stored LTI key cannot be decrypted: LTI_KEY_SECRET is not the one it was stored with. Rotate the keys on Learning platforms.");
  }
}
