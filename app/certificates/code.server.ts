import { randomBytes } from "node:crypto";

/**
 * The unguessable part of a certificate's public address: 18 random bytes (144 bits) from the
 * operating system's generator, in base64url, so it needs no escaping in a URL.
 */
const CODE_BYTES = 18;
const CODE_SHAPE = /^[A-Za-z0-9_-]{24}$/;

export function newCertificateCode(): string {
  return randomBytes(CODE_BYTES).toString("base64url");
}

/** Whether a string could be a code at all; anything else is not looked up. */
export function isCertificateCode(value: string): boolean {
  return CODE_SHAPE.test(value);
}

/** The path anyone can open to check a certificate. */
export const verificationPath = (code: string) => `/certificates/${code}`;
