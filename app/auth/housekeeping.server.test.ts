import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "#db/test-database";
import { createAccount } from "~/accounts/accounts.server";
import { insertSession } from "~/models/session.server";
import { countAllSignInFailures, recordSignInFailure } from "~/models/sign-in-failure.server";
import { findUserBySession } from "~/models/user.server";
import { sweepExpiredRecords } from "./housekeeping.server";
import { SIGN_IN_WINDOW_MS } from "./rate-limit.server";

let userId = 0;

beforeAll(async () => {
  await useFreshDatabase();
  userId = await createAccount({ email: "sweep@example.test", displayName: "Sweep", role: "trainee", teamId: null, password: "a good long password" });
});

describe("sweepExpiredRecords", () => {
  it("deletes expired sessions and failures outside the window, and keeps the rest", async () => {
    const now = new Date("2030-06-01T12:00:00.000Z");
    await insertSession("expired", userId, new Date(now.getTime() - 1));
    await insertSession("current", userId, new Date(now.getTime() + 60_000));
    await recordSignInFailure("sweep@example.test", "192.0.2.9", new Date(now.getTime() - SIGN_IN_WINDOW_MS - 1));
    await recordSignInFailure("sweep@example.test", "192.0.2.9", new Date(now.getTime() - 1_000));

    await sweepExpiredRecords(now);

    expect(await findUserBySession("expired")).toBeUndefined();
    expect(await findUserBySession("current")).toBeDefined();
    expect(await countAllSignInFailures()).toBe(1);
  });
});
