import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "#db/test-database";
import { createAccount } from "~/accounts/accounts.server";
import { findApiToken, findApiTokenByHash, insertApiToken, listApiTokens, revokeApiTokenRow, touchApiToken } from "./api-token.server";

let adminId = 0;

beforeAll(async () => {
  await useFreshDatabase();
  adminId = await createAccount({ email: "admin@example.test", displayName: "Ada Admin", role: "admin", teamId: null, password: "" }, "scrypt$unused");
});

const hashOf = (n: number) => n.toString(16).padStart(64, "0");

describe("api token rows", () => {
  it("inserts a token, finds it by hash with its creator's name, and lists it", async () => {
    const at = new Date("2026-05-01T10:00:00Z");
    const id = await insertApiToken({ name: "Zendesk", tokenHash: hashOf(1), prefix: "fl_abcdefgh", createdBy: adminId }, at);
    const found = await findApiTokenByHash(hashOf(1));
    expect(found).toEqual({
      id,
      name: "Zendesk",
      prefix: "fl_abcdefgh",
      created_by: adminId,
      created_by_name: "Ada Admin",
      created_at: at.toISOString(),
      revoked_at: null,
      revoked_by_name: null,
      last_used_at: null,
    });
    expect(await findApiTokenByHash(hashOf(2))).toBeUndefined();
    expect((await listApiTokens()).map((token) => token.id)).toContain(id);
  });

  it("refuses a second token with the same hash", async () => {
    await insertApiToken({ name: "One", tokenHash: hashOf(3), prefix: "fl_x", createdBy: null });
    await expect(insertApiToken({ name: "Two", tokenHash: hashOf(3), prefix: "fl_x", createdBy: null })).rejects.toThrow(/UNIQUE/);
  });

  it("touches last_used_at only while the token is active, and revokes once", async () => {
    const id = await insertApiToken({ name: "Jira", tokenHash: hashOf(4), prefix: "fl_jira", createdBy: adminId });
    const used = new Date("2026-05-02T08:00:00Z");
    expect(await touchApiToken(id, used)).toBe(true);
    expect((await findApiToken(id))?.last_used_at).toBe(used.toISOString());

    const revokedAt = new Date("2026-05-03T08:00:00Z");
    expect(await revokeApiTokenRow(id, adminId, revokedAt)).toBe(true);
    expect(await revokeApiTokenRow(id, adminId)).toBe(false);
    expect(await touchApiToken(id, new Date("2026-05-04T08:00:00Z"))).toBe(false);
    expect(await findApiToken(id)).toMatchObject({ revoked_at: revokedAt.toISOString(), revoked_by_name: "Ada Admin", last_used_at: used.toISOString() });
    expect(await revokeApiTokenRow(999_999, adminId)).toBe(false);
  });

  it("lists active tokens before revoked ones, newest first", async () => {
    const tokens = await listApiTokens();
    const firstRevoked = tokens.findIndex((token) => token.revoked_at !== null);
    expect(firstRevoked).toBeGreaterThan(0);
    expect(tokens.slice(firstRevoked).every((token) => token.revoked_at !== null)).toBe(true);
    const active = tokens.slice(0, firstRevoked).map((token) => token.id);
    expect(active).toEqual([...active].sort((a, b) => b - a));
  });
});
