import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/db.server";
import { useFreshDatabase } from "#db/test-database";
import { createAccount } from "~/accounts/accounts.server";
import { countAllSignInFailures, recordSignInFailure } from "~/models/sign-in-failure.server";
import { setUserActive } from "~/models/user.server";
import { allowSignInAttempt, SIGN_IN_MAX_FAILURES, SIGN_IN_WINDOW_MS } from "./rate-limit.server";
import { signIn } from "./sign-in.server";

let userId = 0;

beforeAll(async () => {
  await useFreshDatabase();
  userId = await createAccount({
    email: "ana@example.test",
    displayName: "Ana",
    role: "trainee",
    teamId: null,
    password: "a good long password",
  });
});

describe("signIn", () => {
  it("signs in with the right password and starts a session", async () => {
    const result = await signIn({ email: "ANA@example.test", password: "a good long password", ip: "192.0.2.1" });
    expect(result.status).toBe("signed-in");
    if (result.status === "signed-in") {
      expect(result.user.id).toBe(userId);
      expect(result.setCookie).toMatch(/frontline_session=.+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax/);
    }
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const unknown = await signIn({ email: "nobody@example.test", password: "a good long password", ip: "192.0.2.2" });
    const wrong = await signIn({ email: "ana@example.test", password: "not the password", ip: "192.0.2.2" });
    expect(unknown).toEqual({ status: "invalid" });
    expect(wrong).toEqual({ status: "invalid" });
  });

  it("refuses password sign-in to a person who has no password (launched from a learning platform)", async () => {
    const db = await getDb();
    await db.write((tx) =>
      tx.run("INSERT INTO users (email, display_name, role, created_at, updated_at) VALUES ('lti@example.test', 'Lee', 'trainee', 'x', 'x')"),
    );
    // Any password, the empty one included, is refused exactly like an unknown email.
    expect(await signIn({ email: "lti@example.test", password: "", ip: "192.0.2.4" })).toEqual({ status: "invalid" });
    expect(await signIn({ email: "lti@example.test", password: "a good long password", ip: "192.0.2.4" })).toEqual({ status: "invalid" });
  });

  it("refuses a disabled account even with the right password", async () => {
    await setUserActive(userId, false);
    expect(await signIn({ email: "ana@example.test", password: "a good long password", ip: "192.0.2.3" })).toEqual({
      status: "disabled",
    });
    await setUserActive(userId, true);
  });

  it("refuses the 11th attempt after 10 failures for one email, even with the right password", async () => {
    for (let i = 0; i < 10; i++) {
      await signIn({ email: "ana@example.test", password: `wrong ${i}`, ip: `198.51.100.${i + 1}` });
    }
    const eleventh = await signIn({ email: "ana@example.test", password: "a good long password", ip: "198.51.100.99" });
    expect(eleventh.status).toBe("rate-limited");
  });

  it("lets no more than 10 of many parallel guesses through", async () => {
    const before = await countAllSignInFailures();
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) => signIn({ email: "racer@example.test", password: `guess ${i}`, ip: "192.0.2.50" })),
    );
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === "invalid")).toHaveLength(SIGN_IN_MAX_FAILURES);
    expect(statuses.filter((status) => status === "rate-limited")).toHaveLength(16 - SIGN_IN_MAX_FAILURES);
    expect((await countAllSignInFailures()) - before).toBe(SIGN_IN_MAX_FAILURES);
  });

  it("does not count a right password for a disabled account as a failure", async () => {
    await setUserActive(userId, false);
    const before = await countAllSignInFailures();
    await signIn({ email: "ana@example.test", password: "a good long password", ip: "192.0.2.60" });
    expect(await countAllSignInFailures()).toBe(before);
    await setUserActive(userId, true);
  });
});

describe("allowSignInAttempt", () => {
  it("counts failures per IP and lets them expire after the window", async () => {
    const now = new Date("2030-01-01T12:00:00.000Z");
    const first = new Date(now.getTime() - SIGN_IN_WINDOW_MS + 60_000);
    for (let i = 0; i < 9; i++) await recordSignInFailure(`person${i}@example.test`, "203.0.113.5", first);
    const tenth = await allowSignInAttempt("someone@example.test", "203.0.113.5", now);
    expect(tenth.allowed).toBe(true);

    const blocked = await allowSignInAttempt("someone-else@example.test", "203.0.113.5", now);
    expect(blocked).toEqual({ allowed: false, retryAt: new Date(first.getTime() + SIGN_IN_WINDOW_MS) });

    const later = new Date(first.getTime() + SIGN_IN_WINDOW_MS + 1);
    expect((await allowSignInAttempt("someone@example.test", "203.0.113.5", later)).allowed).toBe(true);
  });
});
