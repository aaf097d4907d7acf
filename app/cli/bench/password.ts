import { randomBytes, scrypt } from "node:crypto";
import { promisify } from "node:util";

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keyLength: number, options: { N: number; r: number; p: number }) => Promise<Buffer>;

/**
 * A password hash in the app's self-describing format (scrypt$<log2 N>$<r>$<p>$<salt>$<key>, see
 * app/auth/password.server.ts) at a lower cost than the app's 2^17: verifyPassword reads the cost
 * from the hash, so the 50 sign-ins of a bench run take seconds instead of a minute on a busy
 * 2-core machine. Only for the bench's throwaway trainees; sign-in is not what the bench measures.
 */
export async function lightPasswordHash(password: string, log2Cost = 12): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password.normalize("NFKC"), salt, 64, { N: 2 ** log2Cost, r: 8, p: 1 });
  return ["scrypt", log2Cost, 8, 1, salt.toString("base64"), key.toString("base64")].join("$");
}
