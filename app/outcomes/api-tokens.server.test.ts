import { beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { getDb } from "#db/db.server";
import { useFreshDatabase } from "#db/test-database";
import { createAccount } from "~/accounts/accounts.server";
import { apiTokens, authenticateToken, createApiToken, hashToken, parseNewTokenForm, parseRevokeForm, revokeApiToken, TOKEN_NAME_MAX } from "./api-tokens.server";

let adminId = 0;

beforeAll(async () => {
  await useFreshDatabase();
  adminId = await createAccount({ email: "admin@example.test", displayName: "Ada Admin", role: "admin", teamId: null, password: "" }, "scrypt$unused");
});

const bearer = (secret: string) => `Bearer ${secret}`;

describe("creating API tokens", () => {
  it("returns a prefixed random secret once and stores only its SHA-256", async () => {
    const { token, secret } = await createApiToken("  Zendesk nightly  ", adminId);
    expect(secret).toMatch(/^fl_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: "Zendesk nightly", prefix: secret.slice(0, 11), createdBy: "Ada Admin", revokedAt: null, lastUsedAt: null });

    const db = await getDb();
    const stored = await db.all(z.object({ token_hash: z.string(), prefix: z.string() }), "SELECT token_hash, prefix FROM api_tokens");
    const dump = JSON.stringify(stored);
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain(secret.slice(11));
    expect(stored).toContainEqual({ token_hash: hashToken(secret), prefix: secret.slice(0, 11) });
    expect(hashToken(secret)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("never makes the same secret twice", async () => {
    const a = await createApiToken("A", adminId);
    const b = await createApiToken("B", adminId);
    expect(a.secret).not.toBe(b.secret);
    expect((await apiTokens()).map((token) => token.name)).toEqual(expect.arrayContaining(["A", "B"]));
  });

  it("requires a name of at most the limit, and a revoke names a token id", () => {
    const messages = { required: "Name it", tooLong: "Too long" };
    const form = (name: string) => {
      const data = new FormData();
      data.set("name", name);
      return data;
    };
    const errors = (name: string) => {
      const submission = parseNewTokenForm(form(name), messages);
      return submission.status === "success" ? null : submission.error;
    };
    expect(errors("   ")).toEqual({ name: ["Name it"] });
    expect(errors("x".repeat(TOKEN_NAME_MAX + 1))).toEqual({ name: ["Too long"] });
    const revoke = (tokenId: string | null) => {
      const data = new FormData();
      if (tokenId !== null) data.set("tokenId", tokenId);
      return parseRevokeForm(data);
    };
    expect([revoke("12"), revoke("0"), revoke("x"), revoke(null)]).toEqual([12, null, null, null]);
    const ok = parseNewTokenForm(form(" Jira "), messages);
    expect(ok.status === "success" && ok.value).toEqual({ name: "Jira" });
  });
});

describe("authenticateToken", () => {
  it("accepts a valid token and records when it was used", async () => {
    const { token, secret } = await createApiToken("Valid", adminId);
    const at = new Date("2026-06-01T12:00:00Z");
    expect(await authenticateToken(bearer(secret), at)).toEqual({ ok: true, token: { id: token.id, name: "Valid" } });
    expect(await authenticateToken(`bearer   ${secret}  `, at)).toMatchObject({ ok: true });
    expect((await apiTokens()).find((row) => row.id === token.id)?.lastUsedAt).toBe(at.toISOString());
  });

  it("says the header is missing when there is none or it is blank", async () => {
    expect(await authenticateToken(null)).toEqual({ ok: false, reason: "missing" });
    expect(await authenticateToken("   ")).toEqual({ ok: false, reason: "missing" });
  });

  it("says malformed for another scheme, no secret, or a secret of the wrong shape", async () => {
    const { secret } = await createApiToken("Shape", adminId);
    for (const header of [`Basic ${secret}`, "Bearer", "Bearer ", `Bearer ${secret} extra`, `Bearer ${secret}x`, `Bearer ${secret.slice(3)}`, `Bearer ${secret.replace("fl_", "gh_")}`, secret]) {
      expect(await authenticateToken(header), header).toEqual({ ok: false, reason: "malformed" });
    }
  });

  it("says unknown for a well-formed secret nobody issued", async () => {
    expect(await authenticateToken(bearer(`fl_${"A".repeat(43)}`))).toEqual({ ok: false, reason: "unknown" });
  });

  it("says revoked after a revoke, and a second revoke changes nothing", async () => {
    const { token, secret } = await createApiToken("Soon gone", adminId);
    const at = new Date("2026-06-02T09:00:00Z");
    expect(await revokeApiToken(token.id, adminId, at)).toBe(true);
    expect(await revokeApiToken(token.id, adminId)).toBe(false);
    expect(await authenticateToken(bearer(secret))).toEqual({ ok: false, reason: "revoked" });
    expect((await apiTokens()).find((row) => row.id === token.id)).toMatchObject({ revokedAt: at.toISOString(), revokedBy: "Ada Admin", lastUsedAt: null });
  });
});
