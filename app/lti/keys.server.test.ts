import { jwtVerify, SignJWT, createLocalJWKSet } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "#db/test-database";
import { KeyBoxError, openPrivateKey, sealPrivateKey } from "./key-box.server";
import { jwks, rotateSigningKey, signingKey, SIGNING_ALG } from "./keys.server";

beforeAll(async () => {
  await useFreshDatabase();
});

describe("key box", () => {
  it("opens what it sealed, and refuses another secret or a changed byte", () => {
    const sealed = sealPrivateKey("-----BEGIN PRIVATE KEY-----\nabc\n", "secret one");
    expect(sealed).not.toContain("abc");
    expect(openPrivateKey(sealed, "secret one")).toBe("-----BEGIN PRIVATE KEY-----\nabc\n");
    expect(() => openPrivateKey(sealed, "secret two")).toThrow(KeyBoxError);
    const parts = sealed.split(".");
    parts[2] = (parts[2]![0] === "A" ? "B" : "A") + parts[2]!.slice(1);
    expect(() => openPrivateKey(parts.join("."), "secret one")).toThrow(KeyBoxError);
  });
});

describe("signing keys", () => {
  it("makes one key on first need, publishes only its public half, and signs what the JWKS verifies", async () => {
    const { keys } = await jwks();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
    expect(keys[0]).not.toHaveProperty("d");
    const { kid, key } = await signingKey();
    expect(keys[0]!.kid).toBe(kid);
    const token = await new SignJWT({ hello: "world" }).setProtectedHeader({ alg: SIGNING_ALG, kid }).sign(key);
    const { payload } = await jwtVerify(token, createLocalJWKSet({ keys }));
    expect(payload.hello).toBe("world");
  });

  it("rotates: the new key signs, the old one stays published for a week, then goes", async () => {
    const before = (await signingKey()).kid;
    const now = new Date();
    const newKid = await rotateSigningKey(now);
    expect((await signingKey()).kid).toBe(newKid);
    expect((await jwks(now)).keys.map((key) => key.kid)).toEqual(expect.arrayContaining([before, newKid]));
    const later = new Date(now.getTime() + 8 * 24 * 60 * 60 * 1000);
    expect((await jwks(later)).keys.map((key) => key.kid)).toEqual([newKid]);
  });
});
