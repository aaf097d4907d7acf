import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, verifyPassword } from "./password.server";

describe("password hashing", () => {
  it("uses scrypt at N=2^17, r=8, p=1 with a random salt", async () => {
    const [first, second] = await Promise.all([hashPassword("correct horse battery"), hashPassword("correct horse battery")]);
    expect(first).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(first).not.toBe(second);
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterx", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("accepts long passphrases of 64 characters and more", async () => {
    const long = "a sentence long enough to be a memorable passphrase, with spaces ".repeat(3);
    expect(long.length).toBeGreaterThan(64);
    const hash = await hashPassword(long);
    expect(await verifyPassword(long, hash)).toBe(true);
    expect(await verifyPassword(long.slice(0, -1), hash)).toBe(false);
  });

  it("refuses malformed or tampered hashes", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(await verifyPassword("correct horse battery", "plain-text")).toBe(false);
    const parts = hash.split("$");
    parts[5] = Buffer.alloc(64).toString("base64");
    expect(await verifyPassword("correct horse battery", parts.join("$"))).toBe(false);
  });

  it("generates passwords long enough for the account rules", () => {
    const password = generatePassword();
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(generatePassword()).not.toBe(password);
  });
});
