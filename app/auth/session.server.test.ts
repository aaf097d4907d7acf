import { beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { getDb } from "#db/db.server";
import { useFreshDatabase } from "#db/test-database";
import { createAccount } from "~/accounts/accounts.server";
import { setUserActive } from "~/models/user.server";
import { getUser, requireRole, requireUser, startSession } from "./session.server";

let userId = 0;

beforeAll(async () => {
  await useFreshDatabase();
  userId = await createAccount({ email: "bo@example.test", displayName: "Bo", role: "trainee", teamId: null, password: "a good long password" });
});

async function signedInRequest(): Promise<Request> {
  const setCookie = await startSession(userId);
  return new Request("http://localhost/train/progress", { headers: { Cookie: setCookie.split(";")[0]! } });
}

async function thrownBy(promise: Promise<unknown>): Promise<Response> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(Response);
  return outcome as Response;
}

describe("session lookup", () => {
  it("finds the signed-in user with their team and role", async () => {
    const request = await signedInRequest();
    expect(await getUser(request)).toMatchObject({ id: userId, displayName: "Bo", role: "trainee", active: true });
    expect((await requireUser(request)).id).toBe(userId);
  });

  it("treats a missing or forged cookie as signed out", async () => {
    const request = new Request("http://localhost/train", { headers: { Cookie: "frontline_session=forged" } });
    expect(await getUser(request)).toBeNull();
    const response = await thrownBy(requireUser(request));
    expect(response.headers.get("Location")).toBe("/sign-in?redirectTo=%2Ftrain");
  });

  it("answers another role's page with a 403 that names the way home", async () => {
    const response = await thrownBy(requireRole(await signedInRequest(), ["manager"]));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ home: "/train" });
  });

  it("ends an expired session and says why", async () => {
    const request = await signedInRequest();
    const db = await getDb();
    await db.write((tx) => tx.run("UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z' WHERE user_id = ?", [userId]));
    expect(await getUser(request)).toBeNull();
    const response = await thrownBy(requireUser(request));
    expect(response.headers.get("Location")).toContain("reason=expired");
    expect(response.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
  });

  it("signs a disabled user out at their next request, ending all their sessions", async () => {
    const request = await signedInRequest();
    await signedInRequest();
    await setUserActive(userId, false);
    expect(await getUser(request)).toBeNull();
    const response = await thrownBy(requireUser(request));
    expect(response.headers.get("Location")).toContain("reason=disabled");
    const db = await getDb();
    const left = await db.all(z.object({ id: z.string() }), "SELECT id FROM sessions WHERE user_id = ?", [userId]);
    expect(left).toEqual([]);
    await setUserActive(userId, true);
  });
});
